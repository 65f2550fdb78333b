/**
 * The search across episodes in two steps (`corpusSearcher`): the same matching, ranking and
 * hits whether the data is all in memory (`loadCorpusIndex`) or fetched in chunks
 * (`chunked-search.ts`).
 */
import { at, atI32 } from './at.ts'
import { runQuery, type QueryRun, type Scored, type TextIndex } from './engine.ts'
import { snippet, type Range } from './highlight.ts'
import { foldName } from './normalize.ts'
import { isEmptyQuery, parseQuery } from './query.ts'
import type { CorpusGroup, CorpusHit, CorpusResult, CorpusSearchOptions } from './corpus-search.ts'

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
  /**
   * The lines to show, in the order they are listed: episodes best first (a group's score is
   * its best line's, plus a little for more matching lines), each episode's lines best first.
   * Their texts are needed by `finish`.
   */
  picked: readonly Scored[]
  /**
   * The plan that found them (`QueryRun.tier`): only the strict plan's words need be in the
   * index when it is `strict`; anything else (or nothing found) needs the fallbacks' words too.
   */
  tier: QueryRun['tier'] | null
  /** How many picked lines to write out for `shown` (all when undefined): whole episodes, at least `shown` lines. */
  listed(shown?: number): number
  /**
   * The result with the first `count` picked lines (all by default): the list as shown, cut
   * after `count` lines, so a longer cut only adds to its end.
   */
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

  /** Lines picked best first → the order they are listed in: by episode, the best episodes first. */
  function inListOrder(picked: readonly Scored[], counts: Int32Array): Scored[] {
    const byEpisode = new Map<number, Scored[]>()
    for (const p of picked) {
      const e = atI32(lineEpisode, p.line)
      const list = byEpisode.get(e)
      if (list) list.push(p)
      else byEpisode.set(e, [p])
    }
    const groupScore = (e: number, best: Scored): number => best.score + GROUP_COUNT_BONUS * Math.log2(atI32(counts, e))
    return [...byEpisode]
      .map(([e, list]) => ({ score: groupScore(e, at(list, 0)), list }))
      .sort((a, b) => b.score - a.score)
      .flatMap((g) => g.list)
  }

  function countByEpisode(lines: ArrayLike<number>): Int32Array {
    const counts = new Int32Array(episodes.length)
    for (let i = 0; i < lines.length; i++) {
      const e = atI32(lineEpisode, at(lines, i))
      counts[e] = atI32(counts, e) + 1
    }
    return counts
  }

  /** `listed` of `PreparedSearch`: the cut goes on to the end of the episode it falls in. */
  function listedOf(picked: readonly Scored[]): (shown?: number) => number {
    return (shown) => {
      if (shown === undefined) return picked.length
      let n = Math.min(picked.length, Math.max(1, Math.floor(shown)))
      if (n === 0) return 0
      const last = atI32(lineEpisode, at(picked, n - 1).line)
      while (n < picked.length && atI32(lineEpisode, at(picked, n).line) === last) n++
      return n
    }
  }

  const nothing: PreparedSearch = {
    picked: [],
    listed: () => 0,
    tier: null,
    finish: () => ({ groups: [], total: 0, episodes: 0, truncated: false, more: false, without: [] }),
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
          listed: listedOf(picked),
          tier: 'strict',
          finish: (lines, count = picked.length) => {
            const hits = picked.slice(0, count).map(({ line }) => ({ line, hit: hit(lines, line, 0, [], width) }))
            const counts = countByEpisode(all)
            return {
              groups: group(hits, counts),
              total: all.length,
              episodes: counted(counts),
              truncated: all.length > hits.length,
              more: hits.length < picked.length,
              without: [],
            }
          },
        }
      }
      const run = runQuery(index, parsed, allow)
      if (!run) return nothing
      const counts = countByEpisode(run.lines)
      const picked = inListOrder(pick(run.ranked, limit, perEpisode), counts)
      return {
        picked,
        listed: listedOf(picked),
        tier: run.tier,
        finish: (lines, count = picked.length) => {
          const missing = new Set<string>()
          const hits = picked.slice(0, count).map(({ line, score }) => {
            const h = hit(lines, line, score, run.highlight(line), width)
            const without = run.missing(line)
            for (const w of without) missing.add(w)
            return { line, hit: without.length ? { ...h, without } : h }
          })
          const total = run.lines.length
          const groups = group(hits, counts)
          for (const g of groups) g.score += GROUP_COUNT_BONUS * Math.log2(g.count)
          return {
            groups,
            total,
            episodes: counted(counts),
            truncated: total > hits.length,
            more: hits.length < picked.length,
            without: parsed.words.filter((w) => missing.has(w)),
          }
        },
      }
    },
  }
}
