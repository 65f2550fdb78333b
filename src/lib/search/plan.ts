/**
 * The query plan: each typed word expands to the vocabulary words it matches, with a
 * quality: exact 1 > British/American spelling (`personalise` → `personalize`) > prefix
 * (as you type: `kube` → `kubernetes`) > typo. Two neighbouring words also match their
 * concatenation (`data ops` → `DataOps`), and one word its two halves side by side
 * (`stackoverflow` → `Stack Overflow`, `realtime` → `real-time`).
 *
 * A plan has a tier. Strict (the first tried): typos only for a word of 4+ letters that is
 * neither a word nor the start of one in the scope (`data` never matches `date`,
 * `kubernets` matches `kubernetes`): one edit up to 7 letters, two from 8; halves of 3+
 * letters (or a lone letter that is not a word: `e-commerce`). Relaxed (when the strict
 * plan finds nothing): typos for every word of 4+ letters, halves of 2+ letters.
 * Words of 1–2 letters match whole words unless they are the last word typed (`A/B
 * testing`: `a` and `b` are words; `engineer ai` may still become `engineer aim`).
 *
 * Each typed word weighs by how rare it is (`weights`): an IDF over the lines, from the
 * index's document frequencies (stored with the search data, so they never depend on
 * which part of the data has loaded).
 */
import { at, atI32 } from './at.ts'
import { boundedDistance, letterMask, popcount, typoBudget } from './distance.ts'
import type { ParsedQuery } from './query.ts'
import type { TextIndex } from './text-index.ts'

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
  /** The other spelling of the word (`-ise` / `-ize`), or the start of it. */
  spelling: 0.95,
  /** The word written as two (`real-time` for `realtime`). */
  split: 0.9,
} as const

export type Tier = 'strict' | 'relaxed'

interface ExpandOptions {
  prefix: boolean
  typos: boolean
  /** Typos even when the word or words starting with it exist (the relaxed tier). */
  typosAlways?: boolean
}

/** British ↔ American endings: `-ise` ↔ `-ize` (`-isation` ↔ `-ization`), `-yse` ↔ `-yze`. */
const SPELLING = /^(.{2,}?)(i|y)(s|z)(e|ed|es|er|ers|ing|ation|ations|ational)$/

/** The word in the other spelling (`personalise` → `personalize`), or null. */
export function otherSpelling(word: string): string | null {
  const m = SPELLING.exec(word)
  if (!m) return null
  const [, stem = '', vowel = '', sz = '', ending = ''] = m
  return stem + vowel + (sz === 's' ? 'z' : 's') + ending
}

/** First position in `sorted` whose key is not less than `word`. */
export function lowerBound(index: TextIndex, word: string): number {
  let lo = 0
  let hi = index.sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (at(index.keys, atI32(index.sorted, mid)) < word) lo = mid + 1
    else hi = mid
  }
  return lo
}

function setBetter(set: MatchSet, id: number, quality: number, prefix: number): void {
  const had = set.get(id)
  if (had === undefined || had.quality < quality) set.set(id, { quality, prefix })
}

/** Words starting with `word` (not `word` itself), with the prefix quality scaled by `scale`. */
function addPrefixes(index: TextIndex, set: MatchSet, word: string, scale: number): void {
  for (let i = lowerBound(index, word); i < index.sorted.length; i++) {
    const id = atI32(index.sorted, i)
    const key = at(index.keys, id)
    if (!key.startsWith(word)) break
    if (key.length === word.length) continue
    const share = word.length / key.length
    setBetter(set, id, scale * (QUALITY.prefixMin + (QUALITY.prefixMax - QUALITY.prefixMin) * share), word.length)
  }
}

/** The vocabulary words a typed word stands for. */
export function expandWord(index: TextIndex, word: string, options: ExpandOptions): MatchSet {
  const set: MatchSet = new Map()
  const exact = index.ids.get(word)
  if (exact !== undefined) set.set(exact, { quality: QUALITY.exact, prefix: -1 })
  if (options.prefix) addPrefixes(index, set, word, 1)
  const other = options.typos ? otherSpelling(word) : null
  if (other !== null) {
    const id = index.ids.get(other)
    if (id !== undefined) setBetter(set, id, QUALITY.spelling, -1)
    if (options.prefix) addPrefixes(index, set, other, QUALITY.spelling)
  }
  const k = typoBudget(word.length)
  if (!options.typos || (set.size > 0 && options.typosAlways !== true) || k === 0) return set

  const mask = letterMask(word)
  const m = word.length
  const tryPrefix = options.prefix && m >= 5
  const { keys, masks } = index
  for (let id = 0; id < keys.length; id++) {
    const key = at(keys, id)
    const n = key.length
    if (n < m - k) continue
    const wm = atI32(masks, id)
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

/** A typed word found as two neighbouring words (`realtime` → `real` `time`). */
export interface Split {
  left: MatchSet
  right: MatchSet
}

export interface Plan {
  /** The typed words the plan is for, in typed order. */
  words: string[]
  /** One match set per typed word, in typed order. */
  terms: MatchSet[]
  /** Per typed word: short (`a`, `ml`) in a query of several words. Highlighted only beside another match. */
  short: boolean[]
  /** `joins[i]`: words `i` and `i + 1` written as one word (`data ops` → `dataops`), or null. */
  joins: (MatchSet | null)[]
  /** Per typed word: the ways it is found written as two words. */
  splits: Split[][]
  /** Per typed word: how much it weighs (rarer words more), about 0.5 to 1.5. */
  weights: number[]
  /** Per quoted phrase, one match set per word. */
  phrases: MatchSet[][]
}

/** Single letters that are words of their own, never the first half of a split (`a rise` is not `arise`). */
const LETTER_WORDS = new Set(['a', 'i', 'o'])

/** The ways `word` is two vocabulary words side by side (`stackoverflow` → `stack` + `overflow`). */
export function splitWord(index: TextIndex, word: string, tier: Tier): Split[] {
  const minWord = tier === 'strict' ? 6 : 4
  const minPart = tier === 'strict' ? 3 : 2
  const out: Split[] = []
  if (word.length < minWord) return out
  for (let k = 1; k < word.length; k++) {
    const a = word.slice(0, k)
    const b = word.slice(k)
    const letter = k === 1 && !LETTER_WORDS.has(a) && b.length >= 3
    if (!letter && (a.length < minPart || b.length < minPart)) continue
    const left = index.ids.get(a)
    const right = index.ids.get(b)
    if (left === undefined || right === undefined) continue
    out.push({
      left: new Map([[left, { quality: QUALITY.exact, prefix: -1 }]]),
      right: new Map([[right, { quality: QUALITY.exact, prefix: -1 }]]),
    })
  }
  return out
}

/** Lines holding word `id` (the stored figure when the index has one). */
function documentFrequency(index: TextIndex, id: number): number {
  return atI32(index.df, id)
}

/**
 * How much a typed word weighs: `0.5 + log(1 + N / df) / log(1 + N)`, with `df` the lines
 * holding any word it stands for (rare words near 1.5, words on every line near 0.5).
 */
export function termWeight(index: TextIndex, set: MatchSet, splits: readonly Split[]): number {
  const n = Math.max(1, index.lineTotal)
  let df = 0
  for (const id of set.keys()) df += documentFrequency(index, id)
  for (const { left, right } of splits) {
    let l = 0
    let r = 0
    for (const id of left.keys()) l += documentFrequency(index, id)
    for (const id of right.keys()) r += documentFrequency(index, id)
    df += Math.min(l, r)
  }
  df = Math.min(n, Math.max(1, df))
  return 0.5 + Math.log1p(n / df) / Math.log1p(n)
}

/** Expands a parsed query against an index; null when nothing can match. */
export function planQuery(index: TextIndex, query: ParsedQuery, tier: Tier = 'strict'): Plan | null {
  const plan = expandQuery(index, query, tier)
  return plan && canMatch(plan) ? plan : null
}

/** The plan of every typed word, whether or not each can match. Null when a phrase cannot. */
export function expandQuery(index: TextIndex, query: ParsedQuery, tier: Tier): Plan | null {
  const { words } = query
  const relaxed = tier === 'relaxed'
  // "A/B testing": "a" and "b" are whole words; only the word being typed may be a prefix.
  const terms = words.map((w, i) =>
    expandWord(index, w, {
      prefix: w.length > SHORT_WORD || i === words.length - 1,
      typos: true,
      typosAlways: relaxed,
    }),
  )
  const short = words.map((w) => words.length > 1 && w.length <= SHORT_WORD)
  const splits = words.map((w, i) => (at(short, i) ? [] : splitWord(index, w, tier)))
  const joins: (MatchSet | null)[] = []
  for (let i = 0; i + 1 < words.length; i++) {
    const joined = expandWord(index, at(words, i) + at(words, i + 1), { prefix: i + 2 === words.length, typos: false })
    joins.push(joined.size > 0 ? joined : null)
  }
  const phrases: MatchSet[][] = []
  for (const phrase of query.phrases) {
    const last = phrase.words.length - 1
    const slots = phrase.words.map((w, j) => expandWord(index, w, { prefix: phrase.open && j === last, typos: false }))
    if (slots.some((s) => s.size === 0)) return null
    phrases.push(slots)
  }
  const weights = terms.map((set, i) => termWeight(index, set, at(splits, i)))
  return { words: [...words], terms, short, joins, splits, weights, phrases }
}

/** Whether typed word `i` is found somehow: alone, split, or joined with the word before or after it. */
export function wordFound(plan: Plan, i: number): boolean {
  const joinedAt = (j: number): boolean => j >= 0 && j < plan.joins.length && plan.joins[j] !== null
  return at(plan.terms, i).size > 0 || at(plan.splits, i).length > 0 || joinedAt(i - 1) || joinedAt(i)
}

/** False when some typed word matches nothing at all (then no line has every word). */
export function canMatch(plan: Plan): boolean {
  for (let i = 0; i < plan.terms.length; i++) if (!wordFound(plan, i)) return false
  return true
}

/** The plan without the typed words in `drop` (sorted indexes); joins across a dropped word go. */
export function withoutWords(plan: Plan, drop: readonly number[]): Plan {
  const keep = plan.words.map((_, i) => !drop.includes(i))
  const pick = <T>(list: readonly T[]): T[] => list.filter((_, i) => keep[i])
  const joins: (MatchSet | null)[] = []
  for (let i = 0; i + 1 < plan.words.length; i++) {
    if (!keep[i]) continue
    let next = i + 1
    while (next < plan.words.length && !keep[next]) next++
    if (next === plan.words.length) break
    joins.push(next === i + 1 ? (plan.joins[i] ?? null) : null)
  }
  const words = pick(plan.words)
  return {
    words,
    terms: pick(plan.terms),
    // A short word is highlighted beside another match; alone it is the whole query.
    short: pick(plan.short).map((s) => s && words.length > 1),
    joins,
    splits: pick(plan.splits),
    weights: pick(plan.weights),
    phrases: plan.phrases,
  }
}
