/**
 * The query plan: each typed word expands to the vocabulary words it matches, with a
 * quality: exact 1 > prefix (as you type: `kube` → `kubernetes`) > typo. Typos are tried
 * only for a word of 4+ letters that is neither a word nor the start of one in the scope
 * (`data` never matches `date`, `kubernets` matches `kubernetes`): one edit up to 7
 * letters, two from 8. Words of 1–2 letters match whole words unless they are the last
 * word typed (`A/B testing`: `a` and `b` are words; `engineer ai` may still become
 * `engineer aim`). Two neighbouring words also match their concatenation
 * (`data ops` → `DataOps`).
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
    if (at(index.keys, atI32(index.sorted, mid)) < word) lo = mid + 1
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
      const id = atI32(index.sorted, i)
      const key = at(index.keys, id)
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
  const terms = words.map((w, i) =>
    expandWord(index, w, { prefix: w.length > SHORT_WORD || i === words.length - 1, typos: true }),
  )
  const short = words.map((w) => words.length > 1 && w.length <= SHORT_WORD)
  const joins: (MatchSet | null)[] = []
  for (let i = 0; i + 1 < words.length; i++) {
    const joined = expandWord(index, at(words, i) + at(words, i + 1), { prefix: i + 2 === words.length, typos: false })
    joins.push(joined.size > 0 ? joined : null)
  }
  // A word that matches nothing may still be half of a joined word, with the one before or after it.
  const joinedAt = (i: number): boolean => i >= 0 && i < joins.length && joins[i] !== null
  for (let i = 0; i < terms.length; i++) {
    if (at(terms, i).size === 0 && !joinedAt(i - 1) && !joinedAt(i)) return null
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
