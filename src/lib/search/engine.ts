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
import { planQuery } from './plan.ts'
import type { ParsedQuery } from './query.ts'
import { rankMatches, type Scored } from './rank.ts'
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
}

/** Plan → match → rank, with the highlighting of the same plan; null when nothing can match. */
export function runQuery(index: TextIndex, query: ParsedQuery, allow: Uint8Array | null): QueryRun | null {
  const plan = planQuery(index, query)
  if (!plan) return null
  const matches = matchLines(index, plan, allow)
  return {
    lines: matches.lines,
    ranked: rankMatches(index, plan, matches),
    highlight: (line) => highlightLine(index, plan, line),
  }
}
