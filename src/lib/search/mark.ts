/**
 * Marking: the ranges of a matching line to highlight, every matched word and every
 * matched phrase, as offsets into the line's original text.
 */
import { at, atI32 } from './at.ts'
import { mergeRanges, type Range } from './highlight.ts'
import { keyPrefixEnd, scanWords } from './normalize.ts'
import type { Plan, WordMatch } from './plan.ts'
import type { TextIndex } from './text-index.ts'

// Reused by `highlightLine` (one line at a time): word ranges and per-word match state.
const wordStarts: number[] = []
const wordEnds: number[] = []
const wordBits: number[] = []
const wordAlone: boolean[] = []
const wordUntil: number[] = []

/** No word of the vocabulary: in no match set. */
const NO_WORD = -1

function pushWordRange(_text: string, start: number, end: number): void {
  wordStarts.push(start)
  wordEnds.push(end)
}

/** End of the highlight of word `k`: all of it, or the typed part of a prefix match. */
function highlightEnd(text: string, k: number, m: WordMatch): number {
  const end = at(wordEnds, k)
  return m.prefix < 0 ? end : keyPrefixEnd(text, at(wordStarts, k), end, m.prefix)
}

/** The typed words word `k` of the line matches, as bits; 0 before the first word and after the last. */
function bitsAround(k: number): number {
  return k >= 0 && k < wordBits.length ? at(wordBits, k) : 0
}

/** Ranges of line `line` to highlight: every matched word, every matched phrase. */
export function highlightLine(index: TextIndex, plan: Plan, line: number): Range[] {
  const text = at(index.texts, line)
  // Word ranges, in the order of the line's word ids (the same scanner made both).
  wordStarts.length = 0
  wordEnds.length = 0
  scanWords(text, pushWordRange)
  const count = wordStarts.length
  // The index may hold fewer words for the line than its text (the chunked search lays out
  // only the words a query looks at, up to the last of them): the rest match nothing.
  const words = index.lineWords(line)
  const wordAt = (k: number): number => (k < words.length ? atI32(words, k) : NO_WORD)
  const ranges: Range[] = []
  // Per word: which typed words it matches (bits; -1 for a joined word), whether any of
  // them shows alone, and where its highlight ends.
  wordBits.length = 0
  wordAlone.length = 0
  wordUntil.length = 0
  for (let k = 0; k < count; k++) {
    const id = wordAt(k)
    let bits = 0
    let alone = false
    let until = -1
    for (let i = 0; i < plan.terms.length; i++) {
      const m = at(plan.terms, i).get(id)
      if (!m) continue
      bits |= 1 << i
      if (!plan.short[i]) alone = true
      until = Math.max(until, highlightEnd(text, k, m))
    }
    for (const join of plan.joins) {
      if (join?.has(id)) {
        bits = -1
        alone = true
        until = at(wordEnds, k)
      }
    }
    wordBits.push(bits)
    wordAlone.push(alone)
    wordUntil.push(until)
  }
  for (let k = 0; k < count; k++) {
    const bits = at(wordBits, k)
    if (bits === 0) continue
    // A short word ("a" in "A/B testing") only where the word typed before or after it sits beside it.
    let show = wordAlone[k] === true
    for (let i = 0; i < plan.terms.length && !show; i++) {
      if ((bits & (1 << i)) === 0) continue
      show = (i > 0 && (bitsAround(k - 1) & (1 << (i - 1))) !== 0) || (bitsAround(k + 1) & (1 << (i + 1))) !== 0
    }
    const start = at(wordStarts, k)
    const end = at(wordUntil, k)
    if (show && end > start) ranges.push([start, end])
  }
  // A typed word found as two words side by side (`realtime` in "real-time"): both, as one.
  for (const splits of plan.splits) {
    for (const { left, right } of splits) {
      for (let s = 0; s + 1 < count; s++) {
        if (left.has(wordAt(s)) && right.has(wordAt(s + 1))) ranges.push([at(wordStarts, s), at(wordEnds, s + 1)])
      }
    }
  }
  for (const slots of plan.phrases) {
    const width = slots.length
    for (let s = 0; s + width <= count; s++) {
      let last: WordMatch | undefined
      let j = 0
      for (; j < width; j++) {
        last = at(slots, j).get(wordAt(s + j))
        if (!last) break
      }
      if (j === width && last) ranges.push([at(wordStarts, s), highlightEnd(text, s + width - 1, last)])
    }
  }
  return mergeRanges(ranges)
}
