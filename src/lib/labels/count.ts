/** Counts as a reader reads them: `1 episode`, `2 episodes`, `2,000+`. */

/** `1,234`; with `capped`, `2,000+` (there are more than the number says). */
export function formatCount(n: number, capped = false): string {
  return `${n.toLocaleString('en')}${capped ? '+' : ''}`
}

/** `1 episode`, `0 episodes`, `2,000+ lines`: the noun agrees with the number. */
export function countOf(n: number, singular: string, plural = `${singular}s`, capped = false): string {
  return `${formatCount(n, capped)} ${n === 1 && !capped ? singular : plural}`
}
