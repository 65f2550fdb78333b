/**
 * The search engine both scopes share (one episode, all episodes), so matching,
 * ranking and highlighting mean the same everywhere. A query runs in four steps, one
 * module each:
 *
 * - `text-index.ts` (with `vocabulary.ts`): every line split into folded words, each
 *   distinct word with an id, a letter-set mask and its postings; each line its word ids;
 * - `plan.ts`: each typed word expanded to the vocabulary words it matches (exact, prefix,
 *   typo), neighbours joined (`data ops` → `DataOps`), quoted phrases;
 * - `match.ts`: the lines where every word and every phrase matches, with a base score
 *   (the sum of the qualities), in scratch buffers reused between queries (`scratch.ts`);
 * - `rank.ts`: the best lines get proximity and frequency bonuses; `mark.ts`: the ranges
 *   to highlight in a line.
 *
 * Costs are bounded by the index, not the query: a one-letter word expands to a prefix
 * range of the vocabulary, postings fill one array per word, and only the best
 * `MAX_RERANK` lines are looked at word by word.
 */
import type { Range } from './highlight.ts'
import { highlightLine } from './mark.ts'
import { matchLines } from './match.ts'
import { expandQuery, planQuery, withoutWords, wordFound, type Plan } from './plan.ts'
import type { ParsedQuery } from './query.ts'
import { rankMatches, type Scored } from './rank.ts'
import { indexInSorted } from './sorted.ts'
import type { TextIndex } from './text-index.ts'

export { buildTextIndex, type TextIndex } from './text-index.ts'
export type { Scored } from './rank.ts'

export interface QueryRun {
  /** Every matching line, ascending (how many match, and where). */
  lines: Int32Array
  /** The lines worth ranking (all of them, up to `MAX_RERANK`), best first, ties in line order. */
  ranked: Scored[]
  /** The ranges to highlight in a matching line. */
  highlight(line: number): Range[]
  /** True when no line has every word: the lines have all words but one (or but those that match nothing). */
  partial: boolean
  /** The plan that found the lines: the strict one, or a fallback (the relaxed plan, or all words but one). */
  tier: 'strict' | 'relaxed' | 'partial'
  /** The typed words a matching line does not have (empty unless `partial`). */
  missing(line: number): readonly string[]
}

const NONE: readonly string[] = []

function fullRun(index: TextIndex, plan: Plan, allow: Uint8Array | null, tier: 'strict' | 'relaxed'): QueryRun | null {
  const matches = matchLines(index, plan, allow)
  if (matches.lines.length === 0) return null
  return {
    lines: matches.lines,
    ranked: rankMatches(index, plan, matches),
    highlight: (line) => highlightLine(index, plan, line),
    partial: false,
    tier,
    missing: () => NONE,
  }
}

/**
 * Plan → match → rank, with the highlighting of the same plan; null when no typed word
 * matches anything. When no line has every word, the fallbacks, in turn: typos for words
 * that exist and halves of 2 letters (the relaxed plan); then lines with every word but
 * one, after leaving out the words that match nothing (`partial`, each line with the
 * words it lacks, ranked by the weight of the words it has).
 */
export function runQuery(index: TextIndex, query: ParsedQuery, allow: Uint8Array | null): QueryRun | null {
  const strict = planQuery(index, query, 'strict')
  const full = strict && fullRun(index, strict, allow, 'strict')
  if (full) return full
  const relaxed = planQuery(index, query, 'relaxed')
  const fallback = relaxed && fullRun(index, relaxed, allow, 'relaxed')
  if (fallback) return fallback
  return partialRun(index, query, allow)
}

/** Lines with every typed word but one (besides the words that match nothing), best first. */
function partialRun(index: TextIndex, query: ParsedQuery, allow: Uint8Array | null): QueryRun | null {
  const strict = expandQuery(index, query, 'strict')
  const relaxed = expandQuery(index, query, 'relaxed')
  if (!strict || !relaxed || query.words.length < 2) return null
  // Each word as the strict plan has it, or as the relaxed one when only that finds it.
  const plan: Plan = { ...strict, terms: [...strict.terms], splits: [...strict.splits], weights: [...strict.weights] }
  for (let i = 0; i < plan.words.length; i++) {
    if (wordFound(strict, i)) continue
    plan.terms[i] = relaxed.terms[i] ?? new Map()
    plan.splits[i] = relaxed.splits[i] ?? []
    plan.weights[i] = relaxed.weights[i] ?? 0
  }
  const n = plan.words.length
  const unfound: number[] = []
  for (let i = 0; i < n; i++) if (!wordFound(plan, i)) unfound.push(i)
  if (unfound.length === n) return null
  const drops: number[][] = []
  if (unfound.length > 0) drops.push(unfound)
  else for (let j = 0; j < n; j++) drops.push([j])
  let runs = collectRuns(index, plan, drops, allow)
  if (runs.length === 0 && unfound.length > 0 && n - unfound.length >= 2) {
    // Every word that matches something, but one.
    const more: number[][] = []
    for (let j = 0; j < n; j++) if (!unfound.includes(j)) more.push([...unfound, j].sort((a, b) => a - b))
    runs = collectRuns(index, plan, more, allow)
  }
  if (runs.length === 0) return null

  const best = new Map<number, { score: number; run: number }>()
  runs.forEach((r, k) => {
    for (const hit of r.ranked) {
      const had = best.get(hit.line)
      if (!had || hit.score > had.score) best.set(hit.line, { score: hit.score, run: k })
    }
  })
  const all = new Set<number>()
  for (const r of runs) for (const line of r.lines) all.add(line)
  const lines = Int32Array.from([...all].sort((a, b) => a - b))
  const ranked: Scored[] = [...best].map(([line, { score }]) => ({ line, score }))
  ranked.sort((a, b) => b.score - a.score || a.line - b.line)
  const runOf = (line: number): PartialRun | undefined => {
    const k = best.get(line)?.run
    return k === undefined ? runs.find((r) => r.has(line)) : runs[k]
  }
  return {
    lines,
    ranked,
    highlight: (line) => {
      const r = runOf(line)
      return r ? highlightLine(index, r.plan, line) : []
    },
    partial: true,
    tier: 'partial',
    missing: (line) => runOf(line)?.missing ?? NONE,
  }
}

interface PartialRun {
  plan: Plan
  missing: readonly string[]
  lines: Int32Array
  ranked: Scored[]
  has(line: number): boolean
}

function collectRuns(index: TextIndex, plan: Plan, drops: number[][], allow: Uint8Array | null): PartialRun[] {
  const out: PartialRun[] = []
  for (const drop of drops) {
    const sub = withoutWords(plan, drop)
    if (sub.words.length === 0 && sub.phrases.length === 0) continue
    if (sub.words.some((_, i) => !wordFound(sub, i))) continue
    const matches = matchLines(index, sub, allow)
    if (matches.lines.length === 0) continue
    const lines = matches.lines
    const ranked = rankMatches(index, sub, matches)
    out.push({
      plan: sub,
      missing: drop.map((i) => plan.words[i] ?? ''),
      lines,
      ranked,
      has: (line) => indexInSorted(lines, line) >= 0,
    })
  }
  return out
}
