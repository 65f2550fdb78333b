/**
 * The catalog's order: newest first by date, then by season and episode
 * (higher first), then by title. An episode without a date takes the date of
 * its nearest dated neighbour in season-and-episode order (the one before it,
 * else the one after), so it sorts among its neighbours rather than at the end.
 * An episode with neither a date nor a season comes last, by title.
 */
export interface Orderable {
  title: string
  date?: string
  season?: number
  episode?: number
}

function bySeasonEpisode(a: Orderable, b: Orderable): number {
  return (a.season ?? -1) - (b.season ?? -1) || (a.episode ?? -1) - (b.episode ?? -1)
}

/** The date each entry sorts by. */
export function sortDates<T extends Orderable>(list: readonly T[]): Map<T, string> {
  const out = new Map<T, string>()
  const numbered = list.filter((e) => e.season !== undefined).sort(bySeasonEpisode)
  let before: string | undefined
  const pending: T[] = []
  for (const e of numbered) {
    if (e.date) {
      before = e.date
      // Undated entries before the first dated one take the date of the one after them.
      for (const p of pending.splice(0)) out.set(p, e.date)
    } else if (before) out.set(e, before)
    else pending.push(e)
  }
  for (const e of list) if (e.date) out.set(e, e.date)
  return out
}

/** Newest first (see above); never changes `list`. */
export function sortCatalog<T extends Orderable>(list: readonly T[]): T[] {
  const dates = sortDates(list)
  return [...list].sort(
    (a, b) =>
      (dates.get(b) ?? '').localeCompare(dates.get(a) ?? '') ||
      (b.season ?? -1) - (a.season ?? -1) ||
      (b.episode ?? -1) - (a.episode ?? -1) ||
      a.title.localeCompare(b.title),
  )
}
