/**
 * The one way a date is shown: `16 Nov 2024` (day, short month, year), on cards and episode
 * pages alike. Dates are calendar dates (`2024-11-16`, as the episode files give them), so they
 * are read and shown in UTC: no time zone moves a date to the day before.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** `2024-11-16` → `16 Nov 2024`; anything that is not a real `YYYY-MM-DD` date is returned as it is. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim())
  if (!m) return iso
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const d = new Date(Date.UTC(year, month - 1, day))
  // 2024-02-30 would roll over to 1 March: not a date.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return iso
  return `${day} ${MONTHS[month - 1] ?? ''} ${year}`
}
