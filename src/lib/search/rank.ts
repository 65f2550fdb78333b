/**
 * Ranking: the best lines by base score get bonuses, looked at word by word: all typed
 * words next to each other in typed order, else closeness; and more occurrences.
 */
import { at, atI32, atF32 } from './at.ts'
import type { Matches } from './match.ts'
import type { Plan } from './plan.ts'
import { scratchOf } from './scratch.ts'
import type { TextIndex } from './text-index.ts'

export interface Scored {
  line: number
  score: number
}

/** Lines looked at word by word for the final ranking; the rest keep their base order. */
export const MAX_RERANK = 2000

/**
 * The matches worth ranking, best first (ties in line order): the best `MAX_RERANK` by base
 * score, with their bonuses.
 */
export function rankMatches(index: TextIndex, plan: Plan, matches: Matches): Scored[] {
  const { lines, scores } = matches
  const pool: Scored[] = []
  if (lines.length <= MAX_RERANK) {
    for (let i = 0; i < lines.length; i++) pool.push({ line: atI32(lines, i), score: atF32(scores, i) })
  } else {
    const copy = scores.slice().sort()
    const threshold = atF32(copy, copy.length - MAX_RERANK)
    for (let i = 0; i < lines.length; i++)
      if (atF32(scores, i) > threshold) pool.push({ line: atI32(lines, i), score: atF32(scores, i) })
    // Lines tied at the cut (thousands for `a`): take them evenly across the corpus, not the first ones.
    let ties = 0
    for (let i = 0; i < lines.length; i++) if (scores[i] === threshold) ties++
    const need = MAX_RERANK - pool.length
    let seen = 0
    let taken = 0
    for (let i = 0; i < lines.length && taken < need; i++) {
      if (scores[i] !== threshold) continue
      if (Math.floor((taken * ties) / need) === seen) {
        pool.push({ line: atI32(lines, i), score: threshold })
        taken++
      }
      seen++
    }
  }
  const bonus = bonusScorer(index, plan)
  for (const hit of pool) hit.score += bonus(hit.line)
  pool.sort((a, b) => b.score - a.score || a.line - b.line)
  return pool
}

const JOIN_SHIFT = 16

/** Bit `i` for a word matching typed word `i`; bit `16 + i` for a word matching join `i`. */
function termBits(index: TextIndex, plan: Plan): Int32Array {
  const bits = scratchOf(index).wordInts.fill(0)
  plan.terms.forEach((set, i) => {
    for (const id of set.keys()) bits[id] = atI32(bits, id) | (1 << i)
  })
  plan.joins.forEach((set, i) => {
    if (set) for (const id of set.keys()) bits[id] = atI32(bits, id) | (1 << (JOIN_SHIFT + i))
  })
  plan.splits.forEach((splits, i) => {
    for (const { left, right } of splits)
      for (const id of [...left.keys(), ...right.keys()]) bits[id] = atI32(bits, id) | (1 << i)
  })
  return bits
}

function bonusScorer(index: TextIndex, plan: Plan): (line: number) => number {
  const n = plan.terms.length
  if (n === 0) return () => 0
  const bits = termBits(index, plan)
  const positions: number[][] = plan.terms.map(() => [])
  return (line) => {
    for (const p of positions) p.length = 0
    let occurrences = 0
    const words = index.lineWords(line)
    for (let word = 0; word < words.length; word++) {
      const m = atI32(bits, atI32(words, word))
      if (m === 0) continue
      occurrences++
      for (let i = 0; i < n; i++) {
        if (m & (1 << i)) at(positions, i).push(word)
        // Join i (of words i and i + 1) exists only for i < n - 1.
        if (m & (1 << (JOIN_SHIFT + i))) {
          at(positions, i).push(word)
          at(positions, i + 1).push(word)
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
  if (i === positions.length) return true
  for (const p of at(positions, i)) {
    if (prev < 0 || p === prev || p === prev + 1) {
      if (inOrderChain(positions, i + 1, p)) return true
    }
  }
  return false
}

/** Fewest words spanning one occurrence of every typed word. */
function minSpan(positions: number[][]): number {
  const cursor = positions.map(() => 0)
  let best = Infinity
  for (;;) {
    let lo = Infinity
    let hi = -Infinity
    let loList = -1
    for (let i = 0; i < positions.length; i++) {
      const list = at(positions, i)
      const c = at(cursor, i)
      if (c === list.length) return best // one typed word has no occurrence left
      const p = at(list, c)
      if (p < lo) {
        lo = p
        loList = i
      }
      if (p > hi) hi = p
    }
    best = Math.min(best, hi - lo + 1)
    cursor[loList] = at(cursor, loList) + 1
  }
}
