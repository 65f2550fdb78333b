/**
 * What the count beside an episode's search says, so that it always agrees with the list under
 * it: the lines moved through with ↑ ↓ ("2 of 14 lines"), the chapter titles listed too, and a
 * `+` when the engine ranked only the best of more matches ("1 of 2,000+ lines").
 */
import { countOf, formatCount } from '../labels/count.ts'

export interface EpisodeSearchStatusInput {
  /** What is typed; empty (a speaker filter alone) lists nothing, so the count says nothing. */
  query: string
  ready: boolean
  failed: boolean
  /** Matching lines listed (and moved through). */
  listed: number
  /** Matching lines in all (more than `listed` when capped). */
  total: number
  /** Matching chapter titles listed. */
  chapters: number
  /** Index of the line moved to, or -1. */
  current: number
}

export function episodeSearchStatus(s: EpisodeSearchStatusInput): string {
  if (s.failed) return 'Search is unavailable'
  if (s.query.trim() === '') return ''
  if (!s.ready) return 'Searching…'
  const chapters = s.chapters ? countOf(s.chapters, 'chapter') : ''
  if (s.listed === 0) return chapters ? `${chapters}, no lines` : 'No matches'
  const capped = s.total > s.listed
  const lines = countOf(capped ? s.listed : s.total, 'line', 'lines', capped)
  const where = s.current >= 0 && s.current < s.listed ? `${formatCount(s.current + 1)} of ${lines}` : lines
  return chapters ? `${where} · ${chapters}` : where
}
