/**
 * Search across every line of every episode (the home page).
 *
 * Build time: `buildCorpusIndex(episodes)` makes a plain JSON-able object (texts,
 * speakers, starts); the build ships it in chunks (`chunks.ts`, searched by
 * `chunked-search.ts` in the worker). `loadCorpusIndex(data)` builds the word index of the
 * whole data in memory and returns a searcher (tests, benchmarks, the reference the chunks
 * are checked against). Both run `corpusSearcher`: the same matching, ranking and hits.
 */
import type { TimedLine } from '../episode/types.ts'
import { at, atI32 } from './at.ts'
import { buildTextIndex, runQuery, type Scored, type TextIndex } from './engine.ts'
import { countCorpusSpeakers } from './chunks.ts'
import { snippet, type Range } from './highlight.ts'
import { foldName } from './normalize.ts'
import { isEmptyQuery, parseQuery } from './query.ts'

export const CORPUS_INDEX_VERSION = 2

export interface CorpusEpisodeInput {
  slug: string
  title: string
  lines: readonly TimedLine[]
}

/** The serialisable search data of all episodes. Arrays per line run episode after episode. */
export interface CorpusIndexData {
  version: typeof CORPUS_INDEX_VERSION
  episodes: { slug: string; title: string; lines: number }[]
  /** Distinct speaker names, as written. */
  speakers: string[]
  /** Each line's text. */
  text: string[]
  /** Each line's speaker: an index into `speakers`, or -1. */
  speaker: number[]
  /** Each line's start in seconds, rounded to milliseconds. */
  start: number[]
  /** The lines (indexes into these arrays) whose start is estimated, ascending: shown with `~`. */
  estimated: number[]
}

export function buildCorpusIndex(episodes: readonly CorpusEpisodeInput[]): CorpusIndexData {
  const data: CorpusIndexData = {
    version: CORPUS_INDEX_VERSION,
    episodes: [],
    speakers: [],
    text: [],
    speaker: [],
    start: [],
    estimated: [],
  }
  const speakerIds = new Map<string, number>()
  for (const ep of episodes) {
    data.episodes.push({ slug: ep.slug, title: ep.title, lines: ep.lines.length })
    for (const line of ep.lines) {
      let id = -1
      if (line.speaker !== undefined) {
        id = speakerIds.get(line.speaker) ?? -1
        if (id < 0) {
          id = data.speakers.length
          data.speakers.push(line.speaker)
          speakerIds.set(line.speaker, id)
        }
      }
      if (line.estimated) data.estimated.push(data.text.length)
      data.text.push(line.text)
      data.speaker.push(id)
      data.start.push(Math.round(line.start * 1000) / 1000)
    }
  }
  return data
}

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

export const DEFAULT_LIMIT = 200
export const DEFAULT_PER_EPISODE = 10

/** An episode with 2× the matching lines ranks as if its best line scored this much more. */
const GROUP_COUNT_BONUS = 0.1

/** How many of the counts are not zero. */
function counted(counts: Int32Array): number {
  let n = 0
  for (const c of counts) if (c > 0) n++
  return n
}

function checkData(data: CorpusIndexData): void {
  if (data.version !== CORPUS_INDEX_VERSION)
    throw new Error(`search index version ${String(data.version)}, expected ${CORPUS_INDEX_VERSION}`)
  const total = data.episodes.reduce((sum, e) => sum + e.lines, 0)
  if (data.text.length !== total || data.speaker.length !== total || data.start.length !== total) {
    throw new Error(
      `search index is inconsistent: ${total} lines by episode, ${data.text.length} texts, ${data.speaker.length} speakers, ${data.start.length} starts`,
    )
  }
  if (data.estimated.some((line) => !(line >= 0 && line < total)))
    throw new Error(`search index is inconsistent: an estimated start outside ${total} lines`)
}

/** What the searcher reads about each line (all in memory, or from the chunks loaded so far). */
export interface CorpusLines {
  text(line: number): string
  /** Index into the speaker names, or -1. */
  speaker(line: number): number
  start(line: number): number
  estimated(line: number): boolean
}

/** The data the searcher needs besides the lines: the word index, the episodes, the speaker names. */
export interface CorpusShape {
  index: TextIndex
  lineCount: number
  episodes: readonly { slug: string; title: string; lines: number }[]
  speakerNames: readonly string[]
}

/** A query ranked, before its hits are written out (which needs their lines' texts). */
export interface PreparedSearch {
  /** The lines to show, in order; their texts are needed by `finish`. */
  picked: readonly Scored[]
  /** The result with the first `count` picked lines (all by default). */
  finish(lines: CorpusLines, count?: number): CorpusResult
}

/**
 * The search across episodes in two steps, so the chunked data can fetch what each step
 * needs: `prepare` matches and ranks (the word index must hold the postings of the query's
 * words), `finish` writes the hits (the picked lines' texts must be there).
 */
export function corpusSearcher(shape: CorpusShape) {
  const { index, lineCount, episodes, speakerNames } = shape
  const lineEpisode = new Int32Array(lineCount)
  const firstLine = new Int32Array(episodes.length + 1)
  episodes.forEach((ep, e) => {
    const from = atI32(firstLine, e)
    firstLine[e + 1] = from + ep.lines
    lineEpisode.fill(e, from, from + ep.lines)
  })
  const speakerKeys = speakerNames.map(foldName)

  /** Null without a filter; else 1 for each line of a chosen speaker (`speakerOf` reads every line). */
  function allowed(names: readonly string[] | undefined, speakerOf: (line: number) => number): Uint8Array | null {
    const wanted = new Set((names ?? []).map(foldName))
    if (wanted.size === 0) return null
    const ok = speakerKeys.map((k) => wanted.has(k))
    const allow = new Uint8Array(lineCount)
    for (let l = 0; l < lineCount; l++) if (ok[speakerOf(l)]) allow[l] = 1
    return allow
  }

  function hit(lines: CorpusLines, line: number, score: number, ranges: Range[], width: number): CorpusHit {
    const text = lines.text(line)
    const cut = snippet(text, ranges, { width })
    const speakerId = lines.speaker(line)
    const speaker = speakerId < 0 ? undefined : at(speakerNames, speakerId)
    return {
      line: line - atI32(firstLine, atI32(lineEpisode, line)),
      ...(speaker === undefined ? {} : { speaker }),
      start: lines.start(line),
      estimated: lines.estimated(line),
      score,
      snippet: cut.text,
      snippetOffset: cut.offset,
      clippedStart: cut.clippedStart,
      clippedEnd: cut.clippedEnd,
      ranges: cut.ranges,
    }
  }

  /** Groups hits (already in the wanted order) by episode, keeping first-seen order of episodes. */
  function group(hits: { line: number; hit: CorpusHit }[], counts: Int32Array): CorpusGroup[] {
    const groups = new Map<number, CorpusGroup>()
    for (const { line, hit: h } of hits) {
      const e = atI32(lineEpisode, line)
      let g = groups.get(e)
      if (!g) {
        const ep = at(episodes, e)
        g = { slug: ep.slug, title: ep.title, score: h.score, count: atI32(counts, e), hits: [] }
        groups.set(e, g)
      }
      g.hits.push(h)
    }
    return [...groups.values()]
  }

  /** The first `limit` of `ranked`, at most `perEpisode` from one episode. */
  function pick(ranked: readonly Scored[], limit: number, perEpisode: number): Scored[] {
    const taken = new Int32Array(episodes.length)
    const out: Scored[] = []
    for (const r of ranked) {
      if (out.length >= limit) break
      const e = atI32(lineEpisode, r.line)
      if (atI32(taken, e) >= perEpisode) continue
      taken[e] = atI32(taken, e) + 1
      out.push(r)
    }
    return out
  }

  function countByEpisode(lines: ArrayLike<number>): Int32Array {
    const counts = new Int32Array(episodes.length)
    for (let i = 0; i < lines.length; i++) {
      const e = atI32(lineEpisode, at(lines, i))
      counts[e] = atI32(counts, e) + 1
    }
    return counts
  }

  const nothing: PreparedSearch = {
    picked: [],
    finish: () => ({ groups: [], total: 0, episodes: 0, truncated: false, without: [] }),
  }

  return {
    allowed,
    /** Matches and ranks `query`; `allow` from `allowed` (null: every speaker). */
    prepare(query: string, allow: Uint8Array | null, options: CorpusSearchOptions = {}): PreparedSearch {
      const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT))
      const perEpisode = Math.max(1, Math.floor(options.perEpisode ?? DEFAULT_PER_EPISODE))
      const width = options.snippetWidth ?? 160
      const parsed = parseQuery(query)
      if (isEmptyQuery(parsed)) {
        // A speaker filter alone lists that speaker's lines in corpus order.
        if (!allow) return nothing
        const all: number[] = []
        allow.forEach((ok, line) => {
          if (ok) all.push(line)
        })
        const picked = pick(
          all.map((line) => ({ line, score: 0 })),
          limit,
          perEpisode,
        )
        return {
          picked,
          finish: (lines, count = picked.length) => {
            const hits = picked.slice(0, count).map(({ line }) => ({ line, hit: hit(lines, line, 0, [], width) }))
            const counts = countByEpisode(all)
            return {
              groups: group(hits, counts),
              total: all.length,
              episodes: counted(counts),
              truncated: all.length > hits.length,
              without: [],
            }
          },
        }
      }
      const run = runQuery(index, parsed, allow)
      if (!run) return nothing
      const picked = pick(run.ranked, limit, perEpisode)
      return {
        picked,
        finish: (lines, count = picked.length) => {
          const missing = new Set<string>()
          const hits = picked.slice(0, count).map(({ line, score }) => {
            const h = hit(lines, line, score, run.highlight(line), width)
            const without = run.missing(line)
            for (const w of without) missing.add(w)
            return { line, hit: without.length ? { ...h, without } : h }
          })
          const total = run.lines.length
          const counts = countByEpisode(run.lines)
          const groups = group(hits, counts)
          for (const g of groups) g.score += GROUP_COUNT_BONUS * Math.log2(g.count)
          groups.sort((a, b) => b.score - a.score)
          return {
            groups,
            total,
            episodes: counted(counts),
            truncated: total > hits.length,
            without: parsed.words.filter((w) => missing.has(w)),
          }
        },
      }
    },
  }
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
      return searcher.prepare(query, allow, options).finish(lines)
    },
  }
}

/** A group's hit as listed: in transcript order, the best match marked. */
export interface ListedHit {
  hit: CorpusHit
  /** The group's best match (its first hit by rank), when the hits were ranked by a query. */
  best: boolean
}

/**
 * An episode's hits as a listener reads them: in the order they are said (by start, then line),
 * with the best match marked. Hits listed by a speaker filter alone (score 0) have no best.
 */
export function listedHits(group: Pick<CorpusGroup, 'hits'>): ListedHit[] {
  const best = group.hits[0]
  const ranked = best !== undefined && best.score > 0 && group.hits.length > 1
  return group.hits
    .map((hit) => ({ hit, best: ranked && hit === best }))
    .sort((a, b) => a.hit.start - b.hit.start || a.hit.line - b.hit.line)
}
