/**
 * Search within one episode: its lines and its chapter titles, with the same engine as
 * the search across episodes. Built once per episode (a few milliseconds for ~300 lines),
 * then each keystroke is a query.
 */
import { countSpeakers, type SpeakerCount } from '../episode/speakers.ts'
import type { Chapter, TimedLine } from '../episode/types.ts'
import { at } from './at.ts'
import { buildTextIndex, runQuery, type TextIndex } from './engine.ts'
import type { Range } from './highlight.ts'
import { foldName } from './normalize.ts'
import { isEmptyQuery, parseQuery, type ParsedQuery } from './query.ts'

export interface LineHit {
  /** The line's `index`. */
  line: number
  /** Higher is better; 0 for lines listed by the speaker filter alone. */
  score: number
  /** `[start, end)` offsets into the line's original `text`, sorted, not overlapping. */
  ranges: Range[]
  /** The typed words the line does not have, when no line has them all (see `without`). */
  without?: readonly string[]
}

export interface ChapterHit {
  /** The chapter's `index`. */
  chapter: number
  score: number
  /** Offsets into the chapter's original `title`. */
  ranges: Range[]
}

export interface EpisodeSearchOptions {
  /** Only lines of these speakers (names as in `speakers`; case and accents ignored). Empty or absent: everyone. */
  speakers?: readonly string[]
}

export interface EpisodeSearchResult {
  /** Matching lines in transcript order (for "3 of 12" and next / previous). */
  lines: LineHit[]
  /** Matching chapter titles in chapter order; not limited by the speaker filter. */
  chapters: ChapterHit[]
  /**
   * Matching lines in all: more than `lines.length` when a very common word matches more lines
   * than the engine ranks (`MAX_RERANK`), so a count can say "2,000+".
   */
  total: number
  /**
   * Empty when the lines have every typed word. When no line has them all, the lines with all
   * but one are listed, and this names the words they lack, in typed order ("results without …").
   */
  without: string[]
}

export type { SpeakerCount }

export interface EpisodeSearch {
  search(query: string, options?: EpisodeSearchOptions): EpisodeSearchResult
  /** Speakers of the episode, most lines first. */
  readonly speakers: readonly SpeakerCount[]
}

interface Found {
  at: number
  score: number
  ranges: Range[]
  without: readonly string[]
}

function inTranscriptOrder(
  index: TextIndex,
  query: ParsedQuery,
  allow: Uint8Array | null,
  partial: boolean,
): { hits: Found[]; without: string[]; total: number } {
  const run = runQuery(index, query, allow)
  if (!run || (run.partial && !partial)) return { hits: [], without: [], total: 0 }
  const hits = run.ranked
    .sort((a, b) => a.line - b.line)
    .map((hit) => ({ at: hit.line, score: hit.score, ranges: run.highlight(hit.line), without: run.missing(hit.line) }))
  const missing = new Set(hits.flatMap((h) => h.without))
  return { hits, without: query.words.filter((w) => missing.has(w)), total: run.lines.length }
}

export function createEpisodeSearch(lines: readonly TimedLine[], chapters: readonly Chapter[]): EpisodeSearch {
  const lineIndex = buildTextIndex(lines.map((l) => l.text))
  const chapterIndex = buildTextIndex(chapters.map((c) => c.title))
  const speakers = countSpeakers(lines)
  const speakerKeys = lines.map((l) => (l.speaker === undefined ? '' : foldName(l.speaker)))

  function allowed(options: EpisodeSearchOptions | undefined): Uint8Array | null {
    const wanted = new Set((options?.speakers ?? []).map(foldName))
    if (wanted.size === 0) return null
    return Uint8Array.from(speakerKeys, (k) => (k !== '' && wanted.has(k) ? 1 : 0))
  }

  return {
    speakers,
    search(query, options) {
      const allow = allowed(options)
      const parsed = parseQuery(query)
      if (isEmptyQuery(parsed)) {
        const listed: LineHit[] = []
        if (allow)
          allow.forEach((ok, i) => {
            const line = lines[i]
            if (ok && line) listed.push({ line: line.index, score: 0, ranges: [] })
          })
        return { lines: listed, chapters: [], total: listed.length, without: [] }
      }
      const found = inTranscriptOrder(lineIndex, parsed, allow, true)
      return {
        lines: found.hits.map((h) => ({
          line: at(lines, h.at).index,
          score: h.score,
          ranges: h.ranges,
          ...(h.without.length ? { without: h.without } : {}),
        })),
        // Chapter titles are few and short: only those with every word.
        chapters: inTranscriptOrder(chapterIndex, parsed, null, false).hits.map((h) => ({
          chapter: at(chapters, h.at).index,
          score: h.score,
          ranges: h.ranges,
        })),
        total: found.total,
        without: found.without,
      }
    },
  }
}
