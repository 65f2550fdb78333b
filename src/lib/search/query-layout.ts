/**
 * The word index as one query of the chunked search sees it (`chunked-search.ts`): the
 * postings of the words the query looks at, laid out as the engine reads them, and each
 * line's words made from those postings on demand: the query's words in their places, a
 * filler (a word in no match set) between them, up to the last of them. Matching, phrases,
 * closeness and highlighting look at nothing else, so no line's text and no array of every
 * line's words is needed.
 */
import { at, atI32 } from './at.ts'
import type { DecodedPostings } from './chunks.ts'
import { indexInSorted } from './sorted.ts'

/** Up to this many words laid out, a line's words are found by a search in each word's postings. */
const FEW_WORDS = 16

interface Laid {
  id: number
  postings: DecodedPostings
}

/** The laid-out words' postings by line: line `l`'s are `start[l] .. start[l + 1]`. */
interface ByLine {
  start: Int32Array
  /** Index into the laid-out words. */
  word: Int32Array
  /** Index into that word's postings. */
  entry: Int32Array
}

export class QueryLayout {
  private laid: Laid[] = []
  private byLine: ByLine | null = null

  constructor(
    private readonly vocab: number,
    private readonly lineTotal: number,
    /** The filler's word id. */
    private readonly filler: number,
    /** Up to this many words, a line's words are found by a search in each word's postings (tests set both ways). */
    private readonly few = FEW_WORDS,
  ) {}

  /**
   * Lays out `words` (those `postingsOf` has): their postings, word by word in id order, as
   * `TextIndex.postStart` / `postings` (over the vocabulary and the filler).
   */
  lay(words: ReadonlySet<number>, postingsOf: (id: number) => DecodedPostings | undefined) {
    this.laid = []
    this.byLine = null
    for (const id of [...words].sort((a, b) => a - b)) {
      const p = postingsOf(id)
      if (p) this.laid.push({ id, postings: p })
    }
    let total = 0
    for (const { postings: p } of this.laid) total += p.lines.length
    const postStart = new Int32Array(this.vocab + 2)
    const postings = new Int32Array(total)
    let next = 0
    let w = 0
    for (let id = 0; id <= this.vocab; id++) {
      postStart[id] = next
      const word = this.laid[w]
      if (word && word.id === id) {
        w++
        postings.set(word.postings.lines, next)
        next += word.postings.lines.length
      }
    }
    postStart[this.vocab + 1] = next
    return { postStart, postings }
  }

  /** Line `line` as the query's words see it (`TextIndex.lineWords`). */
  lineWords(line: number): Int32Array {
    let length = 0
    const found: { id: number; from: number; to: number; positions: Int32Array }[] = []
    const add = (id: number, p: DecodedPostings, k: number): void => {
      const from = atI32(p.posStart, k)
      const to = atI32(p.posStart, k + 1)
      found.push({ id, from, to, positions: p.positions })
      length = Math.max(length, atI32(p.positions, to - 1) + 1)
    }
    if (this.laid.length <= this.few) {
      for (const { id, postings: p } of this.laid) {
        const k = indexInSorted(p.lines, line)
        if (k >= 0) add(id, p, k)
      }
    } else {
      // Many words (a short prefix): look the line up in the words' postings turned around.
      const byLine = this.linesIndex()
      for (let slot = atI32(byLine.start, line), end = atI32(byLine.start, line + 1); slot < end; slot++) {
        const { id, postings: p } = at(this.laid, atI32(byLine.word, slot))
        add(id, p, atI32(byLine.entry, slot))
      }
    }
    const out = new Int32Array(length).fill(this.filler)
    for (const { id, from, to, positions } of found) for (let j = from; j < to; j++) out[atI32(positions, j)] = id
    return out
  }

  /** The postings by line, made when first needed. */
  private linesIndex(): ByLine {
    if (this.byLine) return this.byLine
    const { lineTotal } = this
    const start = new Int32Array(lineTotal + 1)
    for (const { postings: p } of this.laid) for (const line of p.lines) start[line + 1] = atI32(start, line + 1) + 1
    for (let l = 0; l < lineTotal; l++) start[l + 1] = atI32(start, l + 1) + atI32(start, l)
    const total = atI32(start, lineTotal)
    const word = new Int32Array(total)
    const entry = new Int32Array(total)
    const next = start.slice(0, lineTotal)
    this.laid.forEach(({ postings: p }, w) => {
      for (let k = 0; k < p.lines.length; k++) {
        const line = atI32(p.lines, k)
        const slot = atI32(next, line)
        word[slot] = w
        entry[slot] = k
        next[line] = slot + 1
      }
    })
    this.byLine = { start, word, entry }
    return this.byLine
  }
}
