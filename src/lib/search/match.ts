/**
 * Matching: every line where every typed word (or two neighbours joined) and every quoted
 * phrase matches, with its base score, the sum of the qualities.
 *
 * Worked a column at a time (one pass over all lines per typed word) by small functions
 * that only ever see typed arrays: they stay optimised whatever the shape of the query,
 * and allocate nothing per line.
 */
import { at, atI32, atF32 } from './at.ts'
import { QUALITY, type MatchSet, type Plan } from './plan.ts'
import { scratchOf } from './scratch.ts'
import type { TextIndex } from './text-index.ts'

export interface Matches {
  /** Matching lines, ascending. */
  lines: Int32Array
  /** Base score of each, aligned with `lines`. */
  scores: Float32Array
}

/** Every line matching the plan (and allowed by `allow`, when given), with its base score. */
export function matchLines(index: TextIndex, plan: Plan, allow: Uint8Array | null): Matches {
  const scratch = scratchOf(index)
  scratch.reset()
  // cover(i): best score of typed words i.. on each line, -1 when they do not all match.
  // Each word alone (weighed), or two neighbours as one joined word:
  // cover(i) = max(w_i q_i + cover(i+1), (w_i + w_i+1) j_i + cover(i+2)).
  // Three columns in turn (cover(i), cover(i+1), cover(i+2)); the qualities of each word are
  // made after them and handed back once used, so the buffers do not grow with the words typed.
  let after = scratch.perLine().fill(-1) // cover(n + 1)
  let next = scratch.perLine() // cover(n) = 0
  let spare = scratch.perLine()
  const temporary = scratch.mark()
  for (let i = plan.terms.length - 1; i >= 0; i--) {
    const cover = spare
    const weight = at(plan.weights, i)
    coverWord(cover, termQualities(index, plan, i), weight, next)
    const join = plan.joins[i] // none after the last word
    if (join) coverJoin(cover, lineQualities(index, join), weight + at(plan.weights, i + 1), after)
    scratch.release(temporary)
    spare = after
    after = next
    next = cover
  }
  const total = next
  for (const phrase of plan.phrases) addPhrase(total, phraseQualities(index, phrase))
  if (allow) applyAllow(total, allow)
  const count = collect(total, scratch.lines, scratch.scores)
  return { lines: scratch.lines.slice(0, count), scores: scratch.scores.slice(0, count) }
}

/** Best quality per line of any word in `set`. */
function lineQualities(index: TextIndex, set: MatchSet): Float32Array {
  const out = scratchOf(index).perLine()
  const { postStart, postings } = index
  for (const [id, m] of set) {
    for (let p = atI32(postStart, id), end = atI32(postStart, id + 1); p < end; p++) {
      const line = atI32(postings, p)
      if (m.quality > atF32(out, line)) out[line] = m.quality
    }
  }
  return out
}

/** Best quality per line of typed word `i`: any word it matches, or its two halves side by side. */
function termQualities(index: TextIndex, plan: Plan, i: number): Float32Array {
  const out = lineQualities(index, at(plan.terms, i))
  for (const { left, right } of at(plan.splits, i)) {
    const pair = phraseQualities(index, [left, right])
    for (let l = 0; l < out.length; l++) {
      const q = (atF32(pair, l) / 2) * QUALITY.split
      if (q > atF32(out, l)) out[l] = q
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
    for (let l = 0; l < lineCount; l++) if (seen[l] === j && atF32(q, l) > 0) seen[l] = j + 1
  })
  const dense = slots.map((s) => denseQualities(index, s))
  const width = slots.length
  for (let line = 0; line < lineCount; line++) {
    if (seen[line] !== width) continue
    let best = 0
    const words = index.lineWords(line)
    for (let t = 0, end = words.length - width; t <= end; t++) {
      let q = 1
      for (let j = 0; j < width && q > 0; j++) q = Math.min(q, atF32(at(dense, j), atI32(words, t + j)))
      if (q > best) best = q
    }
    out[line] = best * width
  }
  return out
}

function coverWord(cover: Float32Array, q: Float32Array, weight: number, next: Float32Array): void {
  for (let l = 0; l < cover.length; l++) {
    const a = atF32(q, l)
    const b = atF32(next, l)
    cover[l] = a > 0 && b >= 0 ? weight * a + b : -1
  }
}

function coverJoin(cover: Float32Array, joined: Float32Array, weight: number, after: Float32Array): void {
  for (let l = 0; l < cover.length; l++) {
    const j = atF32(joined, l)
    const b = atF32(after, l)
    if (j > 0 && b >= 0 && weight * j + b > atF32(cover, l)) cover[l] = weight * j + b
  }
}

function addPhrase(total: Float32Array, phrase: Float32Array): void {
  for (let l = 0; l < total.length; l++) {
    const p = atF32(phrase, l)
    const t = atF32(total, l)
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
    const t = atF32(total, l)
    if (t >= 0) {
      lines[count] = l
      scores[count] = t
      count++
    }
  }
  return count
}
