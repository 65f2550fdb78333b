/**
 * The search across episodes over the chunked data (`chunks.ts`): the meta file first,
 * then, per query, the postings chunks of the words the query stands for, and the line
 * chunks of the results shown. The same engine (`runQuery`) and the same result assembly
 * (`corpusSearcher`) run on what has loaded, so results are the same as over the whole
 * data (`tests/unit/search-chunks.test.ts` checks it).
 *
 * How the word index is made from chunks: the dictionary gives every word its id (its
 * position in the sorted dictionary) and its letter mask, so a query expands (exact,
 * prefix, typo, spelling, halves, joins) exactly as over the whole data. The postings of
 * the words the strict plan expands to load first, and give their document frequencies, so
 * the query weighs its words exactly as over the whole data too; only when the strict plan
 * finds nothing do the fallbacks' words load (and the query runs again). Postings are laid
 * out for the query's words only: a line's word sequence holds those words at their
 * positions and a word that matches nothing elsewhere, up to the last of them (matching,
 * phrases, closeness and highlighting look at nothing else).
 */
import { at, atI32 } from './at.ts'
import { checkChunkVersion, decodeWords, type LinesChunk, type SearchMeta, type SpeakersChunk } from './chunks.ts'
import type { CorpusResult, CorpusSearchOptions, CorpusSpeaker } from './corpus-search.ts'
import { corpusSearcher, type CorpusLines, type PreparedSearch } from './corpus-searcher.ts'
import { numberedChunkName } from '../site/files.ts'
import { PostingsStore } from './postings-store.ts'
import { QueryLayout } from './query-layout.ts'
import { letterMask } from './distance.ts'
import { expandQuery, lowerBound, type MatchSet, type Plan, type Tier } from './plan.ts'
import { parseQuery, type ParsedQuery } from './query.ts'

/** Fetches a chunk by its file name (as listed in the meta's `files`) and parses its JSON. */
export type LoadChunk = (file: string) => Promise<unknown>

export interface ChunkedSearch {
  /**
   * The result of `query`, with the lines `options.shown` asks for (their line chunks
   * fetched). The same query again with a larger `shown` (showing more) reuses the ranking.
   * `superseded`, asked once the query is ranked: true when a newer query waits, so the lines
   * of this one are not worth fetching (the search then resolves with null).
   */
  search(query: string, options?: CorpusSearchOptions): Promise<CorpusResult>
  search(
    query: string,
    options: CorpusSearchOptions,
    superseded: () => boolean,
    early?: EarlyLines,
  ): Promise<CorpusResult | null>
  speakers(): CorpusSpeaker[]
  readonly episodeCount: number
  readonly lineCount: number
}

interface MutableIndex {
  texts: string[]
  keys: string[]
  ids: { get(key: string): number | undefined }
  sorted: Int32Array
  readonly masks: Int32Array
  postStart: Int32Array
  postings: Int32Array
  lineWords(line: number): Int32Array
  df: Int32Array
  lineTotal: number
}

/**
 * The first lines of a page, shown as soon as their line chunks arrive when the rest of the
 * page needs more chunks: `show` gets the result listing the first `lines` (whole episodes),
 * and the search then resolves with the whole page.
 */
export interface EarlyLines {
  lines: number
  show(result: CorpusResult): void
}

export interface ChunkedSearchOptions {
  /** Postings kept between queries (`POSTINGS_BUDGET` by default). */
  postingsBudget?: number
}

export function openChunkedSearch(
  meta: SearchMeta,
  load: LoadChunk,
  options: ChunkedSearchOptions = {},
): ChunkedSearch {
  checkChunkVersion(meta, 'meta')
  const lineTotal = meta.lineTotal
  const words = decodeWords(meta.words)
  const vocab = words.length
  // One more word that is no word: the filler of word sequences between the words a query looks at.
  const filler = vocab
  const keys = [...words, '']
  // A word's id is its place in the sorted dictionary: found by the plan's binary search, no map to build.
  const ids = {
    get(key: string): number | undefined {
      const i = lowerBound(index, key)
      return i < vocab && words[i] === key ? i : undefined
    },
  }
  const sorted = new Int32Array(vocab)
  for (let i = 0; i < vocab; i++) sorted[i] = i
  // Letter masks are for typo matching only: made when a query first needs them.
  let masks: Int32Array | null = null
  const masksOf = (): Int32Array => {
    if (!masks) {
      masks = new Int32Array(vocab + 1)
      for (let i = 0; i < vocab; i++) masks[i] = letterMask(at(words, i))
    }
    return masks
  }
  // Document frequencies, known once a word's postings have loaded (a query loads all of its words').
  const df = new Int32Array(vocab + 1)

  // Filled as line chunks arrive (a line is read only once its chunk is in: `textLoaded`).
  const texts: string[] = new Array<string>(lineTotal)
  const speakerOf = new Int32Array(lineTotal).fill(-1)
  const startOf = new Float64Array(lineTotal)
  const estimatedOf = new Uint8Array(lineTotal)
  const textLoaded = new Uint8Array(lineTotal)
  let allSpeakers: Int32Array | null = null

  const index: MutableIndex = {
    texts,
    keys,
    ids,
    sorted,
    get masks() {
      return masksOf()
    },
    postStart: new Int32Array(vocab + 2),
    postings: new Int32Array(0),
    lineWords: (line) => layout.lineWords(line),
    df,
    lineTotal,
  }
  const searcher = corpusSearcher({
    index,
    lineCount: lineTotal,
    episodes: meta.episodes,
    speakerNames: meta.speakerNames,
  })

  const postingsNames = Array.from({ length: meta.files.postings.count }, (_, k) =>
    numberedChunkName('words', meta.files.postings.hash, k),
  )
  const store = new PostingsStore(meta.postingsFirst, postingsNames, load, df, options.postingsBudget)
  const linesChunks = new Map<number, Promise<void>>()
  let speakersChunk: Promise<void> | null = null

  /** Loads a chunk once; a failed load is forgotten, so the next query tries again. */
  function once(cache: Map<number, Promise<void>>, k: number, run: () => Promise<void>): Promise<void> {
    let p = cache.get(k)
    if (!p) {
      p = run().catch((err: unknown) => {
        cache.delete(k)
        throw err
      })
      cache.set(k, p)
    }
    return p
  }

  function loadLines(chunk: number): Promise<void> {
    return once(linesChunks, chunk, async () => {
      const data = (await load(numberedChunkName('lines', meta.files.lines.hash, chunk))) as LinesChunk
      checkChunkVersion(data, 'lines')
      data.text.forEach((text, j) => {
        const line = data.first + j
        texts[line] = text
        speakerOf[line] = at(data.speaker, j)
        startOf[line] = at(data.start, j)
        textLoaded[line] = 1
      })
      for (const j of data.estimated) estimatedOf[data.first + j] = 1
    })
  }

  async function loadSpeakers(): Promise<Int32Array> {
    if (allSpeakers) return allSpeakers
    speakersChunk ??= (async () => {
      const data = (await load(meta.files.speakers)) as SpeakersChunk
      checkChunkVersion(data, 'speakers')
      allSpeakers = Int32Array.from(data.speaker)
    })().catch((err: unknown) => {
      speakersChunk = null
      throw err
    })
    await speakersChunk
    if (!allSpeakers) throw new Error('search data speakers: not loaded')
    return allSpeakers
  }

  /** The vocabulary words a query's plan of `tier` may look at. */
  function wordsOf(parsed: ParsedQuery, tier: Tier): Set<number> {
    const found = new Set<number>()
    const add = (set: MatchSet | null | undefined): void => {
      if (set) for (const id of set.keys()) found.add(id)
    }
    const plan: Plan | null = expandQuery(index, parsed, tier)
    if (!plan) return found
    plan.terms.forEach(add)
    plan.joins.forEach(add)
    for (const splits of plan.splits)
      for (const { left, right } of splits) {
        add(left)
        add(right)
      }
    for (const slots of plan.phrases) slots.forEach(add)
    return found
  }

  const layout = new QueryLayout(vocab, lineTotal, filler)

  /** The index as the query's words see it: their postings (each line's words are read from them on demand). */
  function layOut(words: ReadonlySet<number>): void {
    const laid = layout.lay(words, (id) => store.get(id))
    index.postStart = laid.postStart
    index.postings = laid.postings
  }

  const lines: CorpusLines = {
    text: (l) => at(texts, l),
    speaker: (l) => atI32(speakerOf, l),
    start: (l) => startOf[l] ?? 0,
    estimated: (l) => estimatedOf[l] === 1,
  }

  /** The line chunks `picked` needs that have not loaded, in the order of `picked`. */
  function chunksOf(picked: readonly { line: number }[]): number[] {
    const chunks = new Set<number>()
    for (const { line } of picked) if (textLoaded[line] !== 1) chunks.add(Math.floor(line / meta.linesPerChunk))
    return [...chunks]
  }

  /** Matches and ranks `query`, the chunks it needs loaded and laid out. */
  async function prepare(query: string, options: CorpusSearchOptions): Promise<PreparedSearch> {
    const parsed = parseQuery(query)
    const speakerFilter = (options.speakers ?? []).length > 0
    // The strict plan's words first: most queries need no more.
    const words = wordsOf(parsed, 'strict')
    const [speakers] = await Promise.all([speakerFilter ? loadSpeakers() : Promise.resolve(null), store.ensure(words)])
    const allow = speakers ? searcher.allowed(options.speakers, (l) => atI32(speakers, l)) : null
    layOut(words)
    const prepared = searcher.prepare(query, allow, options)
    if (prepared.tier === 'strict') return prepared
    // The fallbacks (typos for any word, shorter halves, all words but one) look at more words.
    const before = words.size
    for (const id of wordsOf(parsed, 'relaxed')) words.add(id)
    if (words.size === before) return prepared
    await store.ensure(words)
    layOut(words)
    return searcher.prepare(query, allow, options)
  }

  /** The last query ranked (the layout is still its own), for showing more of it. */
  let last: { key: string; prepared: PreparedSearch } | null = null

  function search(query: string, options?: CorpusSearchOptions): Promise<CorpusResult>
  function search(
    query: string,
    options: CorpusSearchOptions,
    superseded: () => boolean,
    early?: EarlyLines,
  ): Promise<CorpusResult | null>
  async function search(
    query: string,
    options: CorpusSearchOptions = {},
    superseded?: () => boolean,
    early?: EarlyLines,
  ): Promise<CorpusResult | null> {
    const key = JSON.stringify([query, options.speakers ?? [], options.limit, options.perEpisode])
    let prepared = last?.key === key ? last.prepared : null
    if (!prepared) {
      last = null
      prepared = await prepare(query, options)
      last = { key, prepared }
    }
    if (superseded?.()) return null
    const count = prepared.listed(options.shown)
    const picked = prepared.picked.slice(0, count)
    // Every chunk the page needs is asked for now, those of the first lines first.
    const all = chunksOf(picked)
    const loading = Promise.all(all.map(loadLines))
    if (early && all.length > 0) {
      const first = prepared.listed(early.lines)
      const firstChunks = chunksOf(picked.slice(0, first))
      if (first < count && firstChunks.length < all.length) {
        // (Should the first lines fail, the error is thrown from here: the rest is not awaited.)
        loading.catch(() => undefined)
        await Promise.all(firstChunks.map(loadLines))
        if (superseded?.()) return null
        early.show(prepared.finish(lines, first))
      }
    }
    await loading
    if (superseded?.()) return null
    return prepared.finish(lines, count)
  }

  return {
    episodeCount: meta.episodes.length,
    lineCount: lineTotal,
    speakers: () => meta.speakers,
    search,
  }
}
