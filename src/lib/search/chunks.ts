/**
 * The cross-episode search data in chunks, in the spirit of Pagefind: a query fetches
 * only what it needs.
 *
 * - the **meta** file (fetched first, small): the episodes, the speakers, and the
 *   dictionary: every distinct word (folded, sorted, front-coded), and which postings
 *   chunk holds it; plus the names of every other chunk;
 * - **postings** chunks, by ranges of the sorted dictionary (so by word prefix): for each
 *   word, the lines holding it and the word's positions in each line (phrases, closeness).
 *   The number of lines is the word's document frequency (its weight), computed at build
 *   time over the whole data: a query weighs only words whose postings it has loaded, so
 *   weights never depend on what else has loaded;
 * - **line** chunks, by ranges of lines (a few dozen): the texts, speakers and starts, for
 *   the snippets of the results shown;
 * - a **speakers** chunk: each line's speaker, for the speaker filter.
 *
 * Every chunk is JSON named by a hash of its content (cacheable forever; the line chunks by one
 * hash of all of them, and a number); the build names them (`files` in the meta). `buildSearchChunks` makes them from the same data as
 * `buildCorpusIndex`; `chunked-search.ts` searches them with the same engine.
 */
import { at, atI32 } from './at.ts'
import type { CorpusIndexData, CorpusSpeaker } from './corpus-search.ts'
import { buildTextIndex } from './text-index.ts'

export const CHUNK_VERSION = 3

export interface ChunkOptions {
  /** Postings chunks close once they reach this many characters (before gzip). */
  postingsChars?: number
  /** Lines per line chunk. */
  linesPerChunk?: number
}

export const DEFAULT_POSTINGS_CHARS = 24_000
export const DEFAULT_LINES_PER_CHUNK = 24

/** A chunk's content, before the build names it. */
export interface PostingsChunk {
  version: typeof CHUNK_VERSION
  /** Position in the sorted dictionary of its first word. */
  first: number
  /** Per word, in dictionary order: `lineDelta.pos.pos,lineDelta.pos,…` in base 36. */
  words: string[]
}

export interface LinesChunk {
  version: typeof CHUNK_VERSION
  /** The first line (global index). */
  first: number
  text: string[]
  /** Index into the meta's `speakerNames`, or -1. */
  speaker: number[]
  start: number[]
  /** Lines (relative to `first`) whose start is estimated. */
  estimated: number[]
}

export interface SpeakersChunk {
  version: typeof CHUNK_VERSION
  /** Each line's speaker: an index into `speakerNames`, or -1. */
  speaker: number[]
}

export interface SearchMeta {
  version: typeof CHUNK_VERSION
  lineTotal: number
  episodes: { slug: string; title: string; lines: number }[]
  /** Distinct speaker names, as written. */
  speakerNames: string[]
  /** Speakers across episodes, most lines first. */
  speakers: CorpusSpeaker[]
  /** The sorted dictionary, front-coded: per word, a base-36 digit (characters shared with the word before) and the rest. */
  words: string[]
  /** Postings chunks: the dictionary position of each one's first word, ascending. */
  postingsFirst: number[]
  /** Lines per line chunk: chunk `k` holds lines `k × linesPerChunk` onwards. */
  linesPerChunk: number
  /**
   * File names (relative to the meta file's folder), filled in by the build. The postings and
   * line chunks each share one hash and are numbered (`numberedChunkName`).
   */
  files: { postings: { hash: string; count: number }; lines: { hash: string; count: number }; speakers: string }
}

/** The postings chunks as the search worker knows them before the meta file: their names, and where each starts. */
export interface SearchPostingsFiles {
  /** The set's hash: chunk `k` is `numberedChunkName('words', hash, k)`. */
  hash: string
  count: number
  /** The first word of each chunk (`BuiltChunks.postingsFrom`). */
  from: string[]
}

export interface BuiltChunks {
  meta: Omit<SearchMeta, 'files'>
  postings: PostingsChunk[]
  /**
   * The first word of each postings chunk: with these, the chunks a query's words start in are
   * known before the dictionary has loaded (`postingsChunksFor`), and fetched beside it.
   */
  postingsFrom: string[]
  lines: LinesChunk[]
  speakers: SpeakersChunk
}

/** Counts lines and episodes per speaker, most lines first (as `CorpusSearch.speakers`). */
export function countCorpusSpeakers(data: CorpusIndexData): CorpusSpeaker[] {
  const byId = data.speakers.map((name) => ({ name, episodes: 0, lines: 0, lastEpisode: -1 }))
  let line = 0
  data.episodes.forEach((ep, e) => {
    for (let i = 0; i < ep.lines; i++, line++) {
      const sp = byId[at(data.speaker, line)]
      if (!sp) continue
      sp.lines++
      if (sp.lastEpisode !== e) {
        sp.lastEpisode = e
        sp.episodes++
      }
    }
  })
  return byId
    .map(({ name, episodes, lines }) => ({ name, episodes, lines }))
    .sort((a, b) => b.lines - a.lines || a.name.localeCompare(b.name))
}

export function buildSearchChunks(data: CorpusIndexData, options: ChunkOptions = {}): BuiltChunks {
  const postingsChars = options.postingsChars ?? DEFAULT_POSTINGS_CHARS
  const linesPerChunk = Math.max(1, options.linesPerChunk ?? DEFAULT_LINES_PER_CHUNK)
  const index = buildTextIndex(data.text)
  const { sorted, keys, tokStart, tokWord } = index
  const vocab = keys.length

  // Positions of every word in every line, grouped by word: one pass over the tokens.
  const occurrences: number[][] = Array.from({ length: vocab }, () => [])
  for (let line = 0; line + 1 < tokStart.length; line++) {
    const base = atI32(tokStart, line)
    for (let t = base, end = atI32(tokStart, line + 1); t < end; t++) {
      const list = at(occurrences, atI32(tokWord, t))
      list.push(line, t - base)
    }
  }

  const words: string[] = []
  const postingsOut: PostingsChunk[] = []
  let chunk: PostingsChunk | null = null
  let chunkChars = 0
  let prev = ''
  for (let i = 0; i < vocab; i++) {
    const id = atI32(sorted, i)
    const key = at(keys, id)
    let shared = 0
    while (shared < 35 && shared < prev.length && shared < key.length && prev[shared] === key[shared]) shared++
    words.push(shared.toString(36) + key.slice(shared))
    prev = key
    const encoded = encodePostings(at(occurrences, id))
    if (!chunk || chunkChars >= postingsChars) {
      chunk = { version: CHUNK_VERSION, first: i, words: [] }
      postingsOut.push(chunk)
      chunkChars = 0
    }
    chunk.words.push(encoded)
    chunkChars += encoded.length + 3
  }

  const estimated = new Set(data.estimated)
  const linesOut: LinesChunk[] = []
  for (let first = 0; first < data.text.length; first += linesPerChunk) {
    const end = Math.min(data.text.length, first + linesPerChunk)
    const est: number[] = []
    for (let l = first; l < end; l++) if (estimated.has(l)) est.push(l - first)
    linesOut.push({
      version: CHUNK_VERSION,
      first,
      text: data.text.slice(first, end),
      speaker: data.speaker.slice(first, end),
      start: data.start.slice(first, end),
      estimated: est,
    })
  }

  return {
    meta: {
      version: CHUNK_VERSION,
      lineTotal: data.text.length,
      episodes: data.episodes,
      speakerNames: data.speakers,
      speakers: countCorpusSpeakers(data),
      words,
      postingsFirst: postingsOut.map((c) => c.first),
      linesPerChunk,
    },
    postings: postingsOut,
    postingsFrom: postingsOut.map((c) => at(keys, atI32(sorted, c.first))),
    lines: linesOut,
    speakers: { version: CHUNK_VERSION, speaker: data.speaker },
  }
}

/** `[line, pos, line, pos, …]` (lines ascending, positions ascending within a line) → `lineDelta.pos.pos,…`. */
export function encodePostings(pairs: readonly number[]): string {
  let out = ''
  let lastLine = -1
  let prevLine = 0
  for (let k = 0; k < pairs.length; k += 2) {
    const line = at(pairs, k)
    const pos = at(pairs, k + 1)
    if (line !== lastLine) {
      if (lastLine >= 0) out += ','
      out += (line - prevLine).toString(36)
      prevLine = line
      lastLine = line
    }
    out += '.' + pos.toString(36)
  }
  return out
}

/** One word's postings, decoded: its lines ascending, and the positions in each. */
export interface DecodedPostings {
  lines: Int32Array
  /** Positions of line `k`: `positions[posStart[k] .. posStart[k + 1]]`. */
  posStart: Int32Array
  positions: Int32Array
}

const COMMA = 44
const DOT = 46

/**
 * Decodes one word's postings in one pass over the characters (after counting them): no
 * strings split off, nothing allocated but the three arrays. The common words of a large
 * catalog have postings of megabytes, decoded again each time the budget let them go.
 */
export function decodePostings(encoded: string): DecodedPostings {
  const n = encoded.length
  if (n === 0) return { lines: new Int32Array(0), posStart: new Int32Array(1), positions: new Int32Array(0) }
  let commas = 0
  let dots = 0
  for (let i = 0; i < n; i++) {
    const c = encoded.charCodeAt(i)
    if (c === COMMA) commas++
    else if (c === DOT) dots++
  }
  const lines = new Int32Array(commas + 1)
  const posStart = new Int32Array(commas + 2)
  const positions = new Int32Array(dots)
  let line = 0
  let k = 0
  let p = 0
  let value = 0
  let inLine = true // reading a line delta (else a position)
  for (let i = 0; i <= n; i++) {
    const c = i < n ? encoded.charCodeAt(i) : COMMA
    if (c === COMMA || c === DOT) {
      if (inLine) {
        line += value
        lines[k] = line
      } else positions[p++] = value
      value = 0
      inLine = c === COMMA
      if (inLine) posStart[++k] = p
    } else value = value * 36 + (c <= 57 ? c - 48 : c - 87) // 0-9, a-z
  }
  return { lines, posStart, positions }
}

/** The sorted dictionary of a meta file. */
export function decodeWords(frontCoded: readonly string[]): string[] {
  const out: string[] = []
  let prev = ''
  for (const entry of frontCoded) {
    const shared = parseInt(entry.charAt(0), 36)
    prev = prev.slice(0, shared) + entry.slice(1)
    out.push(prev)
  }
  return out
}

/**
 * The chunk (index into `firsts`, ascending) holding item `i`: the last one starting at or
 * before it. Items are dictionary positions, or words (the first word of each postings chunk).
 */
export function chunkOf<T extends number | string>(firsts: readonly T[], i: T): number {
  let lo = 0
  let hi = firsts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (at(firsts, mid) <= i) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Throws unless `chunk` is of this version of the chunk format (`what` names it in the message). */
export function checkChunkVersion(chunk: unknown, what: string): void {
  const version = (chunk as { version?: unknown } | null)?.version
  if (version !== CHUNK_VERSION)
    throw new Error(`search data ${what}: version ${String(version)}, expected ${CHUNK_VERSION}`)
}
