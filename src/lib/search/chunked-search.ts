/**
 * The search across episodes over the chunked data (`chunks.ts`): the meta file first,
 * then, per query, the postings chunks of the words the query stands for, and the line
 * chunks of the results shown. The same engine (`runQuery`) and the same result assembly
 * (`corpusSearcher`) run on what has loaded, so results are the same as over the whole
 * data (`tests/unit/search-chunks.test.ts` checks it).
 *
 * How the word index is made from chunks: the dictionary gives every word its id (its
 * position in the sorted dictionary) and its letter mask, so a query expands (exact,
 * prefix, typo, spelling, halves, joins) exactly as over the whole data; the postings of
 * the words it expands to are loaded before it runs, and give their document frequencies,
 * so it weighs its words exactly as over the whole data too. Postings are laid out for the
 * query's words only. A line's word sequence holds those words at their positions and a word that matches nothing elsewhere
 * (matching, phrases and closeness look at nothing else); once a shown line's text has
 * loaded, its real word sequence replaces it, for highlighting.
 */
import { at, atI32 } from './at.ts'
import {
  checkChunkVersion,
  chunkOf,
  decodePostings,
  decodeWords,
  type DecodedPostings,
  type LinesChunk,
  type PostingsChunk,
  type SearchMeta,
  type SpeakersChunk,
} from './chunks.ts'
import type { CorpusResult, CorpusSearchOptions, CorpusSpeaker } from './corpus-search.ts'
import { corpusSearcher, type CorpusLines } from './corpus-searcher.ts'
import { letterMask } from './distance.ts'
import { scanWords } from './normalize.ts'
import { expandQuery, type MatchSet, type Plan } from './plan.ts'
import { parseQuery } from './query.ts'
import type { TextIndex } from './text-index.ts'

/** Fetches a chunk by its file name (as listed in the meta's `files`) and parses its JSON. */
export type LoadChunk = (file: string) => Promise<unknown>

/** Hits written out first, before the line chunks of the rest have loaded. */
export const FIRST_HITS = 20

export interface ChunkedSearch {
  /**
   * The result of `query`; `progress` gets the first `FIRST_HITS` hits as soon as their
   * lines have loaded (then the promise resolves with all of them).
   */
  search(query: string, options?: CorpusSearchOptions, progress?: (first: CorpusResult) => void): Promise<CorpusResult>
  speakers(): CorpusSpeaker[]
  readonly episodeCount: number
  readonly lineCount: number
}

interface MutableIndex {
  texts: string[]
  keys: string[]
  ids: Map<string, number>
  sorted: Int32Array
  masks: Int32Array
  postStart: Int32Array
  postings: Int32Array
  tokStart: Int32Array
  tokWord: Int32Array
  df: Int32Array
  lineTotal: number
}

export function openChunkedSearch(meta: SearchMeta, load: LoadChunk): ChunkedSearch {
  checkChunkVersion(meta, 'meta')
  const lineTotal = meta.lineTotal
  const words = decodeWords(meta.words)
  const vocab = words.length
  // One more word that is no word: the filler of word sequences between the words a query looks at.
  const filler = vocab
  const keys = [...words, '']
  const ids = new Map<string, number>()
  words.forEach((w, i) => ids.set(w, i))
  const sorted = new Int32Array(vocab)
  for (let i = 0; i < vocab; i++) sorted[i] = i
  const masks = new Int32Array(vocab + 1)
  for (let i = 0; i < vocab; i++) masks[i] = letterMask(at(words, i))
  // Document frequencies, known once a word's postings have loaded (a query loads all of its words').
  const df = new Int32Array(vocab + 1)

  const texts: string[] = new Array<string>(lineTotal).fill('')
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
    masks,
    postStart: new Int32Array(vocab + 2),
    postings: new Int32Array(0),
    tokStart: new Int32Array(lineTotal + 1),
    tokWord: new Int32Array(0),
    df,
    lineTotal,
  }
  const searcher = corpusSearcher({
    index: index as TextIndex,
    lineCount: lineTotal,
    episodes: meta.episodes,
    speakerNames: meta.speakerNames,
  })

  const postings = new Map<number, DecodedPostings>()
  const postingsChunks = new Map<number, Promise<void>>()
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

  function loadPostings(chunk: number): Promise<void> {
    return once(postingsChunks, chunk, async () => {
      const data = (await load(at(meta.files.postings, chunk))) as PostingsChunk
      checkChunkVersion(data, 'postings')
      data.words.forEach((encoded, j) => {
        const decoded = decodePostings(encoded)
        postings.set(data.first + j, decoded)
        df[data.first + j] = decoded.lines.length
      })
    })
  }

  function loadLines(chunk: number): Promise<void> {
    return once(linesChunks, chunk, async () => {
      const data = (await load(at(meta.files.lines, chunk))) as LinesChunk
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

  /** Every vocabulary word a query may look at, in any tier. */
  function wordsOf(query: string): number[] {
    const parsed = parseQuery(query)
    const found = new Set<number>()
    const add = (set: MatchSet | null | undefined): void => {
      if (set) for (const id of set.keys()) found.add(id)
    }
    for (const tier of ['strict', 'relaxed'] as const) {
      const plan: Plan | null = expandQuery(index as TextIndex, parsed, tier)
      if (!plan) continue
      plan.terms.forEach(add)
      plan.joins.forEach(add)
      for (const splits of plan.splits)
        for (const { left, right } of splits) {
          add(left)
          add(right)
        }
      for (const slots of plan.phrases) slots.forEach(add)
    }
    return [...found]
  }

  /** Postings and word sequences for `words`; real word sequences for lines in `real`. */
  function layOut(words: readonly number[], real: ReadonlySet<number>): void {
    const postStart = new Int32Array(vocab + 2)
    let total = 0
    const length = new Int32Array(lineTotal)
    for (const id of words) {
      const p = postings.get(id)
      if (!p) continue
      total += p.lines.length
      for (let k = 0; k < p.lines.length; k++) {
        const line = atI32(p.lines, k)
        const last = atI32(p.positions, atI32(p.posStart, k + 1) - 1)
        if (last + 1 > atI32(length, line)) length[line] = last + 1
      }
    }
    const realTokens = new Map<number, number[]>()
    for (const line of real) {
      const tokens: number[] = []
      scanWords(at(texts, line), (text, start, end, key) => {
        tokens.push(ids.get(key ?? text.slice(start, end).toLowerCase()) ?? filler)
      })
      realTokens.set(line, tokens)
      length[line] = tokens.length
    }
    // Postings, word by word in id order (each list ascending).
    const sortedWords = [...words].sort((a, b) => a - b)
    const flat = new Int32Array(total)
    let at0 = 0
    let w = 0
    for (let id = 0; id <= vocab; id++) {
      postStart[id] = at0
      if (w < sortedWords.length && sortedWords[w] === id) {
        w++
        const p = postings.get(id)
        if (p) {
          flat.set(p.lines, at0)
          at0 += p.lines.length
        }
      }
    }
    postStart[vocab + 1] = at0
    const tokStart = new Int32Array(lineTotal + 1)
    for (let l = 0; l < lineTotal; l++) tokStart[l + 1] = atI32(tokStart, l) + atI32(length, l)
    const tokWord = new Int32Array(atI32(tokStart, lineTotal)).fill(filler)
    for (const id of words) {
      const p = postings.get(id)
      if (!p) continue
      for (let k = 0; k < p.lines.length; k++) {
        const line = atI32(p.lines, k)
        if (realTokens.has(line)) continue
        const base = atI32(tokStart, line)
        for (let j = atI32(p.posStart, k), end = atI32(p.posStart, k + 1); j < end; j++)
          tokWord[base + atI32(p.positions, j)] = id
      }
    }
    for (const [line, tokens] of realTokens) tokWord.set(tokens, atI32(tokStart, line))
    index.postStart = postStart
    index.postings = flat
    index.tokStart = tokStart
    index.tokWord = tokWord
  }

  const lines: CorpusLines = {
    text: (l) => at(texts, l),
    speaker: (l) => atI32(speakerOf, l),
    start: (l) => startOf[l] ?? 0,
    estimated: (l) => estimatedOf[l] === 1,
  }

  async function loadLinesOf(picked: readonly { line: number }[]): Promise<void> {
    const chunks = new Set<number>()
    for (const { line } of picked) if (textLoaded[line] !== 1) chunks.add(Math.floor(line / meta.linesPerChunk))
    await Promise.all([...chunks].map(loadLines))
  }

  return {
    episodeCount: meta.episodes.length,
    lineCount: lineTotal,
    speakers: () => meta.speakers,
    async search(query, options = {}, progress) {
      const words = wordsOf(query)
      const chunks = new Set(words.map((id) => chunkOf(meta.postingsFirst, id)))
      const speakerFilter = (options.speakers ?? []).length > 0
      const [speakers] = await Promise.all([
        speakerFilter ? loadSpeakers() : Promise.resolve(null),
        ...[...chunks].map(loadPostings),
      ])
      const allow = speakers ? searcher.allowed(options.speakers, (l) => atI32(speakers, l)) : null
      layOut(words, new Set())
      const prepared = searcher.prepare(query, allow, options)
      const { picked } = prepared
      const finish = (count: number): CorpusResult => {
        const shown = picked.slice(0, count)
        layOut(words, new Set(shown.map((p) => p.line)))
        return prepared.finish(lines, count)
      }
      if (progress && picked.length > FIRST_HITS) {
        await loadLinesOf(picked.slice(0, FIRST_HITS))
        progress(finish(FIRST_HITS))
      }
      await loadLinesOf(picked)
      return finish(picked.length)
    },
  }
}
