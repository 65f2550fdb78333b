/**
 * Filtering the catalog on the home page, and its URL state (`?filter=`, `?season=`, `?topic=`;
 * `?q=` belongs to the search across transcripts on the same page).
 * Text matches titles, guests and topics, ignoring case and accents, every word somewhere.
 */
import type { CatalogEntry } from '../episode/types.ts'
import { fold } from '../search/normalize.ts'

export interface CatalogFilter {
  q?: string
  season?: number
  topic?: string
}

export function readCatalogFilter(search: string | URLSearchParams): CatalogFilter {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search
  const out: CatalogFilter = {}
  const q = p.get('filter')?.trim()
  if (q) out.q = q
  const season = p.get('season')
  if (season !== null && /^\d{1,3}$/.test(season)) out.season = Number(season)
  const topic = p.get('topic')?.trim()
  if (topic) out.topic = topic
  return out
}

/** Writes the filter's keys into `params`, leaving the others (a search on the same page) as they are. */
export function writeCatalogFilter(f: CatalogFilter, params: URLSearchParams): URLSearchParams {
  for (const key of ['filter', 'season', 'topic']) params.delete(key)
  if (f.q) params.set('filter', f.q)
  if (f.season !== undefined) params.set('season', String(f.season))
  if (f.topic) params.set('topic', f.topic)
  return params
}

function haystack(m: CatalogEntry): string {
  return fold([m.title, m.short ?? '', ...m.guestNames, ...m.guests, ...m.topics].join(' \u0000 '))
}

export function filterCatalog(episodes: readonly CatalogEntry[], f: CatalogFilter): CatalogEntry[] {
  const words = f.q ? fold(f.q).split(/\s+/).filter(Boolean) : []
  const topic = f.topic ? fold(f.topic) : undefined
  return episodes.filter((m) => {
    if (f.season !== undefined && m.season !== f.season) return false
    if (topic !== undefined && !m.topics.some((t) => fold(t) === topic)) return false
    if (words.length) {
      const text = haystack(m)
      if (!words.every((w) => text.includes(w))) return false
    }
    return true
  })
}

/** Seasons present, newest first. */
export function seasonsOf(episodes: readonly CatalogEntry[]): number[] {
  return [...new Set(episodes.flatMap((m) => (m.season === undefined ? [] : [m.season])))].sort((a, b) => b - a)
}

/** Topics present with their episode counts, most common first. */
export function topicsOf(episodes: readonly CatalogEntry[]): { topic: string; count: number }[] {
  const counts = new Map<string, { topic: string; count: number }>()
  for (const m of episodes) {
    for (const t of m.topics) {
      const key = fold(t)
      const entry = counts.get(key) ?? { topic: t, count: 0 }
      entry.count++
      counts.set(key, entry)
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic))
}
