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
 * from 8. Two neighbouring words also match their concatenation (`data ops` → `DataOps`).
 * A line matches when every word and every quoted phrase matches; its base score is the
 * sum of the qualities, then the best lines get proximity and frequency bonuses.
 *
 * Costs are bounded by the index, not the query: a one-letter word expands to a prefix
 * range of the vocabulary, postings fill one array per word, and only the best
 * `MAX_RERANK` lines are looked at word by word.
 */
import { boundedDistance, letterMask, popcount, typoBudget } from './distance.ts'
import { mergeRanges, type Range } from './highlight.ts'
import { forEachWord, keyPrefixEnd, tokenize } from './normalize.ts'
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

export function buildTextIndex(texts: readonly string[]): TextIndex {
  const ids = new Map<string, number>()
  const keys: string[] = []
  const lineCount = texts.length
  const tokStart = new Int32Array(lineCount + 1)
  let tokWord = new Int32Array(Math.max(1024, lineCount * 16))
  let count = 0
  const add = (key: string): void => {
    let id = ids.get(key)
    if (id === undefined) {
      id = keys.length
      keys.push(key)
      ids.set(key, id)
    }
    if (count === tokWord.length) {
      const grown = new Int32Array(tokWord.length * 2)
      grown.set(tokWord)
      tokWord = grown
    }
    tokWord[count++] = id
  }
  for (let line = 0; line < lineCount; line++) {
    tokStart[line] = count
    forEachWord(texts[line] ?? '', add)
  }
  tokStart[lineCount] = count
  tokWord = tokWord.slice(0, count)

  const vocab = keys.length
  const postStart = new Int32Array(vocab + 1)
  const last = new Int32Array(vocab).fill(-1)
  for (let line = 0; line < lineCount; line++) {
    for (let t = tokStart[line] ?? 0, end = tokStart[line + 1] ?? 0; t < end; t++) {
      const id = tokWord[t] ?? 0
      if (last[id] !== line) {
        last[id] = line
        postStart[id + 1] = (postStart[id + 1] ?? 0) + 1
      }
    }
  }
  for (let w = 0; w < vocab; w++) postStart[w + 1] = (postStart[w + 1] ?? 0) + (postStart[w] ?? 0)
  const postings = new Int32Array(postStart[vocab] ?? 0)
  const fill = postStart.slice(0, vocab)
  last.fill(-1)
  for (let line = 0; line < lineCount; line++) {
    for (let t = tokStart[line] ?? 0, end = tokStart[line + 1] ?? 0; t < end; t++) {
      const id = tokWord[t] ?? 0
      if (last[id] !== line) {
        last[id] = line
        postings[fill[id]!++] = line
      }
    }
  }

  const sorted = new Int32Array(vocab)
  for (let w = 0; w < vocab; w++) sorted[w] = w
  sorted.sort((a, b) => compareKeys(keys[a] ?? '', keys[b] ?? ''))
  const masks = new Int32Array(vocab)
  for (let w = 0; w < vocab; w++) masks[w] = letterMask(keys[w] ?? '')

  return { texts, keys, ids, sorted, masks, postStart, postings, tokStart, tokWord }
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

export interface Plan {
  /** One match set per typed word, in typed order. */
  terms: MatchSet[]
  /** `joins[i]`: words `i` and `i + 1` written as one word (`data ops` → `dataops`), or null. */
  joins: (MatchSet | null)[]
  /** Per quoted phrase, one match set per word. */
  phrases: MatchSet[][]
}

/** Expands a parsed query against an index; null when nothing can match. */
export function planQuery(index: TextIndex, query: ParsedQuery): Plan | null {
  const terms = query.words.map((w) => expandWord(index, w, { prefix: true, typos: true }))
  const joins: (MatchSet | null)[] = []
  for (let i = 0; i + 1 < query.words.length; i++) {
    const joined = expandWord(index, (query.words[i] ?? '') + (query.words[i + 1] ?? ''), { prefix: true, typos: false })
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
  return { terms, joins, phrases }
}

// ---------------------------------------------------------------------------------------
// Matching and ranking

/** Best quality per line of any word in `set`. */
function lineQualities(index: TextIndex, set: MatchSet): Float32Array {
  const out = new Float32Array(index.texts.length)
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
  const out = new Float32Array(index.keys.length)
  for (const [id, m] of set) out[id] = m.quality
  return out
}

/** Per line, `words.length ×` the quality of the best occurrence of the phrase, 0 when absent. */
function phraseQualities(index: TextIndex, slots: MatchSet[]): Float32Array {
  const lineCount = index.texts.length
  const out = new Float32Array(lineCount)
  // Lines holding every word of the phrase somewhere.
  const seen = new Uint8Array(lineCount)
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

/** Every line matching the plan (and allowed by `allow`, when given), with its base score. */
export function matchLines(index: TextIndex, plan: Plan, allow: Uint8Array | null): Matches {
  const lineCount = index.texts.length
  const n = plan.terms.length
  const termQ = plan.terms.map((t) => lineQualities(index, t))
  const joinQ = plan.joins.map((j) => (j ? lineQualities(index, j) : null))
  const phraseQ = plan.phrases.map((p) => phraseQualities(index, p))
  const f = new Float64Array(n + 2)
  const lines = new Int32Array(lineCount)
  const scores = new Float32Array(lineCount)
  let count = 0
  for (let line = 0; line < lineCount; line++) {
    if (allow && allow[line] === 0) continue
    let s = 0
    let ok = true
    for (const pq of phraseQ) {
      const v = pq[line] ?? 0
      if (v <= 0) {
        ok = false
        break
      }
      s += v
    }
    if (!ok) continue
    // Best cover of the typed words, each alone or two at a time as a joined word.
    f[n] = 0
    f[n + 1] = -1
    for (let i = n - 1; i >= 0; i--) {
      const q = termQ[i]?.[line] ?? 0
      const next = f[i + 1] ?? -1
      let best = q > 0 && next >= 0 ? q + next : -1
      const jq = joinQ[i]?.[line] ?? 0
      const after = f[i + 2] ?? -1
      if (jq > 0 && after >= 0 && 2 * jq + after > best) best = 2 * jq + after
      f[i] = best
    }
    const words = f[0] ?? -1
    if (words < 0) continue
    lines[count] = line
    scores[count] = s + words
    count++
  }
  return { lines: lines.slice(0, count), scores: scores.slice(0, count) }
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
    for (let i = 0; i < lines.length && pool.length < MAX_RERANK; i++) {
      if (scores[i] === threshold) pool.push({ line: lines[i] ?? 0, score: threshold })
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
  const bits = new Int32Array(index.keys.length)
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

/** Ranges of line `line` to highlight: every matched word, every matched phrase. */
export function highlightLine(index: TextIndex, plan: Plan, line: number): Range[] {
  const text = index.texts[line] ?? ''
  const tokens = tokenize(text)
  const base = index.tokStart[line] ?? 0
  const ranges: Range[] = []
  const ends = (start: number, end: number, m: WordMatch): number => (m.prefix < 0 ? end : keyPrefixEnd(text, start, end, m.prefix))
  tokens.forEach((tok, k) => {
    const id = index.tokWord[base + k] ?? -1
    let end = -1
    for (const set of plan.terms) {
      const m = set.get(id)
      if (m) end = Math.max(end, ends(tok.start, tok.end, m))
    }
    for (const set of plan.joins) if (set?.has(id)) end = tok.end
    if (end > tok.start) ranges.push([tok.start, end])
  })
  for (const slots of plan.phrases) {
    const width = slots.length
    for (let s = 0; s + width <= tokens.length; s++) {
      let last: WordMatch | undefined
      let j = 0
      for (; j < width; j++) {
        last = slots[j]?.get(index.tokWord[base + s + j] ?? -1)
        if (!last) break
      }
      const first = tokens[s]
      const end = tokens[s + width - 1]
      if (j === width && last && first && end) ranges.push([first.start, ends(end.start, end.end, last)])
    }
  }
  return mergeRanges(ranges)
}
