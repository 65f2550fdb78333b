/**
 * The search engine both scopes share (one episode, all episodes), so matching,
 * ranking and highlighting mean the same everywhere.
 *
 * Index: every line is split into folded words; each distinct word (the vocabulary)
 * gets an id, a letter-set mask and a postings list (the lines it occurs in); each line
 * keeps its sequence of word ids (for phrases and proximity).
 *
 * Query: each typed word expands to vocabulary words it matches, with a quality:
 * exact 1 > prefix (as you type: `kube` → `kubernetes`) > typo. Typos are tried only for
 * a word of 4+ letters that is neither a word nor the start of one in the scope (`data`
 * never matches `date`, `kubernets` matches `kubernetes`): one edit up to 7 letters, two
 * from 8. Words of 1–2 letters match whole words unless they are the last word typed
 * (`A/B testing`: `a` and `b` are words; `engineer ai` may still become `engineer aim`).
 * Two neighbouring words also match their concatenation (`data ops` → `DataOps`).
 * A line matches when every word and every quoted phrase matches; its base score is the
 * sum of the qualities, then the best lines get proximity and frequency bonuses.
 *
 * Costs are bounded by the index, not the query: a one-letter word expands to a prefix
 * range of the vocabulary, postings fill one array per word, and only the best
 * `MAX_RERANK` lines are looked at word by word.
 */
import { boundedDistance, letterMask, popcount, typoBudget } from './distance.ts'
import { mergeRanges, type Range } from './highlight.ts'
import { hashKey, keyPrefixEnd, scanWords } from './normalize.ts'
import type { ParsedQuery } from './query.ts'

export interface TextIndex {
  readonly texts: readonly string[]
  /** Word id → folded key. */
  readonly keys: readonly string[]
  readonly ids: ReadonlyMap<string, number>
  /** Word ids ordered by key, for prefix ranges. */
  readonly sorted: Int32Array
  readonly masks: Int32Array
  /** Postings of word `w`: `postings[postStart[w] .. postStart[w + 1]]`, ascending line numbers. */
  readonly postStart: Int32Array
  readonly postings: Int32Array
  /** Words of line `l`: `tokWord[tokStart[l] .. tokStart[l + 1]]`, in reading order. */
  readonly tokStart: Int32Array
  readonly tokWord: Int32Array
}

/**
 * Vocabulary under construction: an open-addressing table keyed by `hashKey`, so plain
 * ASCII words (most of them) are found straight from the text without making a string.
 */
class VocabularyBuilder {
  readonly keys: string[] = []
  readonly ids = new Map<string, number>()
  private hashes = new Int32Array(1024)
  private table = new Int32Array(4096) // word id + 1, 0 when empty

  /** The id of the word `text[start, end)`, plain ASCII, hashed by the scanner. */
  plain(text: string, start: number, end: number, hash: number): number {
    const len = end - start
    const mask = this.table.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot] ?? 0
      if (entry === 0) return this.add(text.slice(start, end).toLowerCase(), hash, slot)
      const key = this.keys[entry - 1] ?? ''
      if (this.hashes[entry - 1] === hash && key.length === len && sameLowercase(text, start, key)) return entry - 1
    }
  }

  /** The id of a key already folded. */
  key(key: string): number {
    const hash = hashKey(key)
    const mask = this.table.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot] ?? 0
      if (entry === 0) return this.add(key, hash, slot)
      if (this.hashes[entry - 1] === hash && this.keys[entry - 1] === key) return entry - 1
    }
  }

  private add(key: string, hash: number, slot: number): number {
    const id = this.keys.length
    this.keys.push(key)
    this.ids.set(key, id)
    if (id === this.hashes.length) {
      const grown = new Int32Array(id * 2)
      grown.set(this.hashes)
      this.hashes = grown
    }
    this.hashes[id] = hash
    this.table[slot] = id + 1
    if ((id + 1) * 2 > this.table.length) this.rehash()
    return id
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2)
    const mask = table.length - 1
    for (let id = 0; id < this.keys.length; id++) {
      let slot = (this.hashes[id] ?? 0) & mask
      while (table[slot] !== 0) slot = (slot + 1) & mask
      table[slot] = id + 1
    }
    this.table = table
  }
}

/** True when `text` from `start` lowercases (ASCII) to `key`. */
function sameLowercase(text: string, start: number, key: string): boolean {
  for (let j = 0; j < key.length; j++) {
    let c = text.charCodeAt(start + j)
    if (c >= 65 && c <= 90) c += 32
    if (c !== key.charCodeAt(j)) return false
  }
  return true
}

export function buildTextIndex(texts: readonly string[]): TextIndex {
  const vocabulary = new VocabularyBuilder()
  const lineCount = texts.length
  const tokStart = new Int32Array(lineCount + 1)
  let tokWord = new Int32Array(Math.max(1024, lineCount * 16))
  let count = 0
  const add = (text: string, start: number, end: number, key: string | null, hash: number): void => {
    const id = key === null ? vocabulary.plain(text, start, end, hash) : vocabulary.key(key)
    if (count === tokWord.length) {
      const grown = new Int32Array(tokWord.length * 2)
      grown.set(tokWord)
      tokWord = grown
    }
    tokWord[count++] = id
  }
  for (let line = 0; line < lineCount; line++) {
    tokStart[line] = count
    scanWords(texts[line] ?? '', add)
  }
  tokStart[lineCount] = count
  tokWord = tokWord.slice(0, count)
  const { keys, ids } = vocabulary

  const vocab = keys.length
  // Postings: count the lines of each word, then place them.
  const postStart = new Int32Array(vocab + 1)
  forDistinctWords(tokStart, tokWord, vocab, (id) => {
    postStart[id + 1] = (postStart[id + 1] ?? 0) + 1
  })
  for (let w = 0; w < vocab; w++) postStart[w + 1] = (postStart[w + 1] ?? 0) + (postStart[w] ?? 0)
  const postings = new Int32Array(postStart[vocab] ?? 0)
  const next = postStart.slice(0, vocab)
  forDistinctWords(tokStart, tokWord, vocab, (id, line) => {
    const at = next[id] ?? 0
    postings[at] = line
    next[id] = at + 1
  })

  const sorted = new Int32Array(vocab)
  for (let w = 0; w < vocab; w++) sorted[w] = w
  sorted.sort((a, b) => compareKeys(keys[a] ?? '', keys[b] ?? ''))
  const masks = new Int32Array(vocab)
  for (let w = 0; w < vocab; w++) masks[w] = letterMask(keys[w] ?? '')

  return { texts, keys, ids, sorted, masks, postStart, postings, tokStart, tokWord }
}

/** Calls `fn` once for each distinct word of each line, lines in order. */
function forDistinctWords(tokStart: Int32Array, tokWord: Int32Array, vocab: number, fn: (id: number, line: number) => void): void {
  const last = new Int32Array(vocab).fill(-1)
  for (let line = 0; line + 1 < tokStart.length; line++) {
    for (let t = tokStart[line] ?? 0, end = tokStart[line + 1] ?? 0; t < end; t++) {
      const id = tokWord[t] ?? 0
      if (last[id] !== line) {
        last[id] = line
        fn(id, line)
      }
    }
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

// ---------------------------------------------------------------------------------------
// Query expansion

/** How a vocabulary word matches a typed word. */
export interface WordMatch {
  quality: number
  /** Key characters to highlight for a prefix match; -1 highlights the whole word. */
  prefix: number
}

export type MatchSet = Map<number, WordMatch>

export const QUALITY = {
  exact: 1,
  /** A prefix scores between these, more when it covers more of the word. */
  prefixMin: 0.6,
  prefixMax: 0.9,
  typo1: 0.55,
  typo2: 0.4,
  typoPrefix1: 0.45,
  typoPrefix2: 0.3,
} as const

interface ExpandOptions {
  prefix: boolean
  typos: boolean
}

/** First position in `sorted` whose key is not less than `word`. */
function lowerBound(index: TextIndex, word: string): number {
  let lo = 0
  let hi = index.sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((index.keys[index.sorted[mid] ?? 0] ?? '') < word) lo = mid + 1
    else hi = mid
  }
  return lo
}

function setBetter(set: MatchSet, id: number, quality: number, prefix: number): void {
  const had = set.get(id)
  if (had === undefined || had.quality < quality) set.set(id, { quality, prefix })
}

/** The vocabulary words a typed word stands for. */
export function expandWord(index: TextIndex, word: string, options: ExpandOptions): MatchSet {
  const set: MatchSet = new Map()
  const exact = index.ids.get(word)
  if (exact !== undefined) set.set(exact, { quality: QUALITY.exact, prefix: -1 })
  if (options.prefix) {
    for (let i = lowerBound(index, word); i < index.sorted.length; i++) {
      const id = index.sorted[i] ?? 0
      const key = index.keys[id] ?? ''
      if (!key.startsWith(word)) break
      if (id === exact) continue
      const share = word.length / key.length
      set.set(id, { quality: QUALITY.prefixMin + (QUALITY.prefixMax - QUALITY.prefixMin) * share, prefix: word.length })
    }
  }
  const k = typoBudget(word.length)
  if (!options.typos || set.size > 0 || k === 0) return set

  const mask = letterMask(word)
  const m = word.length
  const tryPrefix = options.prefix && m >= 5
  const { keys, masks } = index
  for (let id = 0; id < keys.length; id++) {
    const key = keys[id] ?? ''
    const n = key.length
    if (n < m - k) continue
    const wm = masks[id] ?? 0
    const missing = popcount(mask & ~wm)
    if (missing > k) continue
    if (n <= m + k && popcount(wm & ~mask) <= k) {
      const d = boundedDistance(word, key, k)
      if (d <= k) {
        setBetter(set, id, d === 1 ? QUALITY.typo1 : QUALITY.typo2, -1)
        continue
      }
    }
    if (tryPrefix && n > m) {
      const d = boundedDistance(word, key, k, true)
      if (d <= k) setBetter(set, id, d === 1 ? QUALITY.typoPrefix1 : QUALITY.typoPrefix2, -1)
    }
  }
  return set
}

/** Words this short match only whole words, unless they are the last word typed. */
export const SHORT_WORD = 2

export interface Plan {
  /** One match set per typed word, in typed order. */
  terms: MatchSet[]
  /** Per typed word: short (`a`, `ml`) in a query of several words. Highlighted only beside another match. */
  short: boolean[]
  /** `joins[i]`: words `i` and `i + 1` written as one word (`data ops` → `dataops`), or null. */
  joins: (MatchSet | null)[]
  /** Per quoted phrase, one match set per word. */
  phrases: MatchSet[][]
}

/** Expands a parsed query against an index; null when nothing can match. */
export function planQuery(index: TextIndex, query: ParsedQuery): Plan | null {
  const { words } = query
  // "A/B testing": "a" and "b" are whole words; only the word being typed may be a prefix.
  const terms = words.map((w, i) => expandWord(index, w, { prefix: w.length > SHORT_WORD || i === words.length - 1, typos: true }))
  const short = words.map((w) => words.length > 1 && w.length <= SHORT_WORD)
  const joins: (MatchSet | null)[] = []
  for (let i = 0; i + 1 < words.length; i++) {
    const joined = expandWord(index, (words[i] ?? '') + (words[i + 1] ?? ''), { prefix: i + 2 === words.length, typos: false })
    joins.push(joined.size > 0 ? joined : null)
  }
  for (let i = 0; i < terms.length; i++) {
    if ((terms[i]?.size ?? 0) === 0 && !joins[i - 1] && !joins[i]) return null
  }
  const phrases: MatchSet[][] = []
  for (const phrase of query.phrases) {
    const last = phrase.words.length - 1
    const slots = phrase.words.map((w, j) => expandWord(index, w, { prefix: phrase.open && j === last, typos: false }))
    if (slots.some((s) => s.size === 0)) return null
    phrases.push(slots)
  }
  return { terms, short, joins, phrases }
}

// ---------------------------------------------------------------------------------------
// Matching and ranking

/**
 * Zeroed buffers reused from one query to the next, one set per index: a query on the
 * corpus would otherwise allocate several 80 kB arrays per keystroke, and the garbage
 * collector's pauses would land in the middle of typing. Queries run one at a time.
 */
class Scratch {
  private readonly lineFloats: Float32Array[] = []
  private readonly wordFloats: Float32Array[] = []
  private usedLineFloats = 0
  private usedWordFloats = 0
  readonly lineBytes: Uint8Array
  readonly wordInts: Int32Array
  readonly lines: Int32Array
  readonly scores: Float32Array

  constructor(
    private readonly lineCount: number,
    private readonly vocab: number,
  ) {
    this.lineBytes = new Uint8Array(lineCount)
    this.wordInts = new Int32Array(vocab)
    this.lines = new Int32Array(lineCount)
    this.scores = new Float32Array(lineCount)
  }

  /** Starts a query: every buffer handed out before may be handed out again. */
  reset(): void {
    this.usedLineFloats = 0
    this.usedWordFloats = 0
  }

  /** A zeroed array with one entry per line. */
  perLine(): Float32Array {
    return take(this.lineFloats, this.usedLineFloats++, this.lineCount)
  }

  /** A zeroed array with one entry per vocabulary word. */
  perWord(): Float32Array {
    return take(this.wordFloats, this.usedWordFloats++, this.vocab)
  }
}

function take(pool: Float32Array[], at: number, size: number): Float32Array {
  const had = pool[at]
  if (had) return had.fill(0)
  const made = new Float32Array(size)
  pool.push(made)
  return made
}

const scratches = new WeakMap<TextIndex, Scratch>()

function scratchOf(index: TextIndex): Scratch {
  let s = scratches.get(index)
  if (!s) {
    s = new Scratch(index.texts.length, index.keys.length)
    scratches.set(index, s)
  }
  return s
}

/** Best quality per line of any word in `set`. */
function lineQualities(index: TextIndex, set: MatchSet): Float32Array {
  const out = scratchOf(index).perLine()
  const { postStart, postings } = index
  for (const [id, m] of set) {
    for (let p = postStart[id] ?? 0, end = postStart[id + 1] ?? 0; p < end; p++) {
      const line = postings[p] ?? 0
      if (m.quality > (out[line] ?? 0)) out[line] = m.quality
    }
  }
  return out
}

/** Quality of every vocabulary word for one set (0 when not in it): a dense lookup for scans. */
function denseQualities(index: TextIndex, set: MatchSet): Float32Array {
  const out = scratchOf(index).perWord()
  for (const [id, m] of set) out[id] = m.quality
  return out
}

/** Per line, `words.length ×` the quality of the best occurrence of the phrase, 0 when absent. */
function phraseQualities(index: TextIndex, slots: MatchSet[]): Float32Array {
  const [only] = slots
  if (slots.length === 1 && only) return lineQualities(index, only)
  const lineCount = index.texts.length
  const out = scratchOf(index).perLine()
  // Lines holding every word of the phrase somewhere.
  const seen = scratchOf(index).lineBytes.fill(0)
  slots.forEach((slot, j) => {
    const q = lineQualities(index, slot)
    for (let l = 0; l < lineCount; l++) if (seen[l] === j && (q[l] ?? 0) > 0) seen[l] = j + 1
  })
  const dense = slots.map((s) => denseQualities(index, s))
  const width = slots.length
  const { tokStart, tokWord } = index
  for (let line = 0; line < lineCount; line++) {
    if (seen[line] !== width) continue
    let best = 0
    for (let t = tokStart[line] ?? 0, end = (tokStart[line + 1] ?? 0) - width; t <= end; t++) {
      let q = 1
      for (let j = 0; j < width && q > 0; j++) q = Math.min(q, dense[j]?.[tokWord[t + j] ?? 0] ?? 0)
      if (q > best) best = q
    }
    out[line] = best * width
  }
  return out
}

export interface Matches {
  /** Matching lines, ascending. */
  lines: Int32Array
  /** Base score of each, aligned with `lines`. */
  scores: Float32Array
}

/**
 * Every line matching the plan (and allowed by `allow`, when given), with its base score.
 *
 * Worked a column at a time (one pass over all lines per typed word) by small functions
 * that only ever see typed arrays: they stay optimised whatever the shape of the query,
 * and allocate nothing per line.
 */
export function matchLines(index: TextIndex, plan: Plan, allow: Uint8Array | null): Matches {
  const scratch = scratchOf(index)
  scratch.reset()
  // cover(i): best score of typed words i.. on each line, -1 when they do not all match.
  // Each word alone, or two neighbours as one joined word: cover(i) = max(q_i + cover(i+1), 2 j_i + cover(i+2)).
  let after = scratch.perLine().fill(-1) // cover(n + 1)
  let next = scratch.perLine() // cover(n) = 0
  for (let i = plan.terms.length - 1; i >= 0; i--) {
    const cover = scratch.perLine()
    coverWord(cover, lineQualities(index, plan.terms[i] ?? new Map()), next)
    const join = plan.joins[i]
    if (join) coverJoin(cover, lineQualities(index, join), after)
    after = next
    next = cover
  }
  const total = next
  for (const phrase of plan.phrases) addPhrase(total, phraseQualities(index, phrase))
  if (allow) applyAllow(total, allow)
  const count = collect(total, scratch.lines, scratch.scores)
  return { lines: scratch.lines.slice(0, count), scores: scratch.scores.slice(0, count) }
}

function coverWord(cover: Float32Array, q: Float32Array, next: Float32Array): void {
  for (let l = 0; l < cover.length; l++) {
    const a = q[l] ?? 0
    const b = next[l] ?? -1
    cover[l] = a > 0 && b >= 0 ? a + b : -1
  }
}

function coverJoin(cover: Float32Array, joined: Float32Array, after: Float32Array): void {
  for (let l = 0; l < cover.length; l++) {
    const j = joined[l] ?? 0
    const b = after[l] ?? -1
    if (j > 0 && b >= 0 && 2 * j + b > (cover[l] ?? -1)) cover[l] = 2 * j + b
  }
}

function addPhrase(total: Float32Array, phrase: Float32Array): void {
  for (let l = 0; l < total.length; l++) {
    const p = phrase[l] ?? 0
    const t = total[l] ?? -1
    total[l] = t >= 0 && p > 0 ? t + p : -1
  }
}

function applyAllow(total: Float32Array, allow: Uint8Array): void {
  for (let l = 0; l < total.length; l++) if (allow[l] === 0) total[l] = -1
}

/** Lines with a score (>= 0) into `lines` / `scores`; returns how many. */
function collect(total: Float32Array, lines: Int32Array, scores: Float32Array): number {
  let count = 0
  for (let l = 0; l < total.length; l++) {
    const t = total[l] ?? -1
    if (t >= 0) {
      lines[count] = l
      scores[count] = t
      count++
    }
  }
  return count
}

export interface Scored {
  line: number
  score: number
}

/** Lines looked at word by word for the final ranking; the rest keep their base order. */
export const MAX_RERANK = 2000

/**
 * The best `keep` matches, best first (ties in line order). The best `MAX_RERANK` by base
 * score get bonuses: all words next to each other in typed order, else closeness; and
 * more occurrences.
 */
export function rankMatches(index: TextIndex, plan: Plan, matches: Matches, keep: number): Scored[] {
  const { lines, scores } = matches
  let pool: Scored[] = []
  if (lines.length <= MAX_RERANK) {
    for (let i = 0; i < lines.length; i++) pool.push({ line: lines[i] ?? 0, score: scores[i] ?? 0 })
  } else {
    const copy = scores.slice().sort()
    const threshold = copy[copy.length - MAX_RERANK] ?? 0
    for (let i = 0; i < lines.length; i++) if ((scores[i] ?? 0) > threshold) pool.push({ line: lines[i] ?? 0, score: scores[i] ?? 0 })
    // Lines tied at the cut (thousands for `a`): take them evenly across the corpus, not the first ones.
    let ties = 0
    for (let i = 0; i < lines.length; i++) if (scores[i] === threshold) ties++
    const need = MAX_RERANK - pool.length
    let seen = 0
    let taken = 0
    for (let i = 0; i < lines.length && taken < need; i++) {
      if (scores[i] !== threshold) continue
      if (Math.floor((taken * ties) / need) === seen) {
        pool.push({ line: lines[i] ?? 0, score: threshold })
        taken++
      }
      seen++
    }
  }
  const bonus = bonusScorer(index, plan)
  for (const hit of pool) hit.score += bonus(hit.line)
  pool.sort((a, b) => b.score - a.score || a.line - b.line)
  if (pool.length > keep) pool = pool.slice(0, keep)
  return pool
}

const JOIN_SHIFT = 16

/** Bit `i` for a word matching typed word `i`; bit `16 + i` for a word matching join `i`. */
function termBits(index: TextIndex, plan: Plan): Int32Array {
  const bits = scratchOf(index).wordInts.fill(0)
  plan.terms.forEach((set, i) => {
    for (const id of set.keys()) bits[id] = (bits[id] ?? 0) | (1 << i)
  })
  plan.joins.forEach((set, i) => {
    if (set) for (const id of set.keys()) bits[id] = (bits[id] ?? 0) | (1 << (JOIN_SHIFT + i))
  })
  return bits
}

function bonusScorer(index: TextIndex, plan: Plan): (line: number) => number {
  const n = plan.terms.length
  if (n === 0) return () => 0
  const bits = termBits(index, plan)
  const positions: number[][] = plan.terms.map(() => [])
  const { tokStart, tokWord } = index
  return (line) => {
    for (const p of positions) p.length = 0
    let occurrences = 0
    const a = tokStart[line] ?? 0
    for (let t = a, end = tokStart[line + 1] ?? 0; t < end; t++) {
      const m = bits[tokWord[t] ?? 0] ?? 0
      if (m === 0) continue
      occurrences++
      const at = t - a
      for (let i = 0; i < n; i++) {
        if (m & (1 << i)) positions[i]?.push(at)
        if (m & (1 << (JOIN_SHIFT + i))) {
          positions[i]?.push(at)
          positions[i + 1]?.push(at)
        }
      }
    }
    let bonus = 0.03 * Math.min(5, Math.max(0, occurrences - n))
    if (n >= 2) {
      if (inOrderChain(positions, 0, -1)) bonus += 0.5 * (n - 1)
      else bonus += (0.3 * (n - 1) * n) / Math.max(n, minSpan(positions))
    }
    return bonus
  }
}

/** True when typed words `i..` sit in order, each at the same word (joined) or the next. */
function inOrderChain(positions: number[][], i: number, prev: number): boolean {
  const list = positions[i]
  if (!list) return true
  for (const p of list) {
    if (prev < 0 || p === prev || p === prev + 1) {
      if (inOrderChain(positions, i + 1, p)) return true
    }
  }
  return false
}

/** Fewest words spanning one occurrence of every typed word. */
function minSpan(positions: number[][]): number {
  const at = positions.map(() => 0)
  let best = Infinity
  for (;;) {
    let lo = Infinity
    let hi = -Infinity
    let loList = -1
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i]?.[at[i] ?? 0]
      if (p === undefined) return best
      if (p < lo) {
        lo = p
        loList = i
      }
      if (p > hi) hi = p
    }
    best = Math.min(best, hi - lo + 1)
    at[loList] = (at[loList] ?? 0) + 1
  }
}

// ---------------------------------------------------------------------------------------
// Highlighting

// Reused by `highlightLine` (one line at a time): word ranges and per-word match state.
const wordStarts: number[] = []
const wordEnds: number[] = []
const wordBits: number[] = []
const wordAlone: boolean[] = []
const wordUntil: number[] = []

function pushWordRange(_text: string, start: number, end: number): void {
  wordStarts.push(start)
  wordEnds.push(end)
}

/** End of the highlight of word `k`: all of it, or the typed part of a prefix match. */
function highlightEnd(text: string, k: number, m: WordMatch): number {
  const end = wordEnds[k] ?? 0
  return m.prefix < 0 ? end : keyPrefixEnd(text, wordStarts[k] ?? 0, end, m.prefix)
}

/** Ranges of line `line` to highlight: every matched word, every matched phrase. */
export function highlightLine(index: TextIndex, plan: Plan, line: number): Range[] {
  const text = index.texts[line] ?? ''
  // Word ranges, in the order of the line's word ids (the same scanner made both).
  wordStarts.length = 0
  wordEnds.length = 0
  scanWords(text, pushWordRange)
  const count = wordStarts.length
  const base = index.tokStart[line] ?? 0
  const ranges: Range[] = []
  // Per word: which typed words it matches (bits; -1 for a joined word), whether any of
  // them shows alone, and where its highlight ends.
  wordBits.length = 0
  wordAlone.length = 0
  wordUntil.length = 0
  for (let k = 0; k < count; k++) {
    const id = index.tokWord[base + k] ?? -1
    let bits = 0
    let alone = false
    let until = -1
    for (let i = 0; i < plan.terms.length; i++) {
      const m = plan.terms[i]?.get(id)
      if (!m) continue
      bits |= 1 << i
      if (!plan.short[i]) alone = true
      until = Math.max(until, highlightEnd(text, k, m))
    }
    for (const join of plan.joins) {
      if (join?.has(id)) {
        bits = -1
        alone = true
        until = wordEnds[k] ?? -1
      }
    }
    wordBits.push(bits)
    wordAlone.push(alone)
    wordUntil.push(until)
  }
  for (let k = 0; k < count; k++) {
    const bits = wordBits[k] ?? 0
    if (bits === 0) continue
    // A short word ("a" in "A/B testing") only where the word typed before or after it sits beside it.
    let show = wordAlone[k] === true
    for (let i = 0; i < plan.terms.length && !show; i++) {
      if ((bits & (1 << i)) === 0) continue
      show = (i > 0 && ((wordBits[k - 1] ?? 0) & (1 << (i - 1))) !== 0) || ((wordBits[k + 1] ?? 0) & (1 << (i + 1))) !== 0
    }
    const start = wordStarts[k] ?? 0
    const end = wordUntil[k] ?? -1
    if (show && end > start) ranges.push([start, end])
  }
  for (const slots of plan.phrases) {
    const width = slots.length
    for (let s = 0; s + width <= count; s++) {
      let last: WordMatch | undefined
      let j = 0
      for (; j < width; j++) {
        last = slots[j]?.get(index.tokWord[base + s + j] ?? -1)
        if (!last) break
      }
      if (j === width && last) ranges.push([wordStarts[s] ?? 0, highlightEnd(text, s + width - 1, last)])
    }
  }
  return mergeRanges(ranges)
}
