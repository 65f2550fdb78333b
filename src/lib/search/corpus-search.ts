/**
 * Search across every line of every episode (the home page).
 *
 * Build time: `buildCorpusIndex(episodes)` makes a plain JSON-able object (texts,
 * speakers, starts); the build ships it in chunks (`chunks.ts`, searched by
 * `chunked-search.ts` in the worker). `loadCorpusIndex(data)` builds the word index of the
 * whole data in memory and returns a searcher (tests, benchmarks, the reference the chunks
 * are checked against). Both run `corpusSearcher`: the same matching, ranking and hits.
 */
import { at } from './at.ts'
import { buildTextIndex, type TextIndex } from './engine.ts'
import { countCorpusSpeakers } from './chunks.ts'
import type { Range } from './highlight.ts'
import { checkData, type CorpusIndexData } from './corpus-data.ts'
import { corpusSearcher, type CorpusLines } from './corpus-searcher.ts'

export { buildCorpusIndex, CORPUS_INDEX_VERSION, type CorpusEpisodeInput, type CorpusIndexData } from './corpus-data.ts'
export {
  corpusSearcher,
  DEFAULT_LIMIT,
  DEFAULT_PER_EPISODE,
  type CorpusLines,
  type CorpusShape,
  type PreparedSearch,
} from './corpus-searcher.ts'

export interface CorpusHit {
  /** The line's index in its episode (`TimedLine.index`). */
  line: number
  speaker?: string
  start: number
  /** Whether `start` is estimated (shown with `~`). */
  estimated: boolean
  score: number
  /** A window of the line around the match, about `snippetWidth` long. */
  snippet: string
  /** Where `snippet` starts in the line's text. */
  snippetOffset: number
  /** Text left out before / after the snippet (show an ellipsis). */
  clippedStart: boolean
  clippedEnd: boolean
  /** Highlight ranges relative to `snippet`. */
  ranges: Range[]
  /** The typed words the line does not have, when no line has them all (see `CorpusResult.without`). */
  without?: readonly string[]
}

export interface CorpusGroup {
  slug: string
  title: string
  /** The best hit's score, plus a little for more matching lines (0 when listed by speaker alone). */
  score: number
  /** All matching lines in this episode, including those past the limit. */
  count: number
  /** Best first (in transcript order when listed by speaker alone). */
  hits: CorpusHit[]
}

export interface CorpusResult {
  /** Episodes, best first. */
  groups: CorpusGroup[]
  /** Matching lines in all. */
  total: number
  /** Episodes with a matching line, in all (more than `groups.length` when the lines listed are capped). */
  episodes: number
  /** True when `total` is more than the lines returned. */
  truncated: boolean
  /** True when more of the lines picked (up to `limit`) can be listed: `shown` held them back. */
  more: boolean
  /**
   * Empty when the lines have every typed word. When no line has them all, the lines with all
   * but one are listed, and this names the words they lack, in typed order ("results without …").
   */
  without: string[]
}

export interface CorpusSearchOptions {
  /** Only lines of these speakers (case and accents ignored). Empty or absent: everyone. */
  speakers?: readonly string[]
  /** Most lines returned, over all groups (default 200). */
  limit?: number
  /** Most lines returned per episode (default 10); `count` still counts them all. */
  perEpisode?: number
  /**
   * Lines written out, from the top of the list (default: all, up to `limit`), and the rest of
   * the last episode they reach; `more` says whether there are others. The chunked search
   * fetches the texts of these lines only.
   */
  shown?: number
  /** Snippet width in characters (default 160). */
  snippetWidth?: number
}

export interface CorpusSpeaker {
  name: string
  episodes: number
  lines: number
}

export interface CorpusSearch {
  search(query: string, options?: CorpusSearchOptions): CorpusResult
  /** Speakers across episodes, most lines first. */
  speakers(): CorpusSpeaker[]
  readonly episodeCount: number
  readonly lineCount: number
}

export function loadCorpusIndex(data: CorpusIndexData): CorpusSearch {
  checkData(data)
  const index: TextIndex = buildTextIndex(data.text)
  const searcher = corpusSearcher({
    index,
    lineCount: data.text.length,
    episodes: data.episodes,
    speakerNames: data.speakers,
  })
  const estimated = new Uint8Array(data.text.length)
  for (const line of data.estimated) estimated[line] = 1
  const lines: CorpusLines = {
    text: (l) => at(data.text, l),
    speaker: (l) => at(data.speaker, l),
    start: (l) => at(data.start, l),
    estimated: (l) => estimated[l] === 1,
  }
  return {
    episodeCount: data.episodes.length,
    lineCount: data.text.length,
    speakers: () => countCorpusSpeakers(data),
    search(query, options = {}) {
      const allow = searcher.allowed(options.speakers, lines.speaker)
      const prepared = searcher.prepare(query, allow, options)
      return prepared.finish(lines, prepared.listed(options.shown))
    },
  }
}
