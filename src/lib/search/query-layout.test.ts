import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodePostings, encodePostings, type DecodedPostings } from './chunks.ts'
import { QueryLayout } from './query-layout.ts'
import { buildTextIndex } from './text-index.ts'

/** Every word's postings with positions, from the whole index (as the build encodes them). */
function allPostings(texts: string[]) {
  const index = buildTextIndex(texts)
  const pairs: number[][] = index.keys.map(() => [])
  for (let line = 0; line < texts.length; line++) index.lineWords(line).forEach((id, pos) => pairs[id]?.push(line, pos))
  return { index, postings: pairs.map((p) => decodePostings(encodePostings(p))) }
}

const WORDS = 'a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg hh'.split(' ')
const texts = fc.array(
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')),
  { minLength: 1, maxLength: 40 },
)

describe('QueryLayout', () => {
  it("reads each line's words from the postings: the words laid out in their places, the filler between, up to the last", () => {
    fc.assert(
      fc.property(texts, fc.uniqueArray(fc.nat(40), { minLength: 1, maxLength: 34 }), (lines, picks) => {
        const { index, postings } = allPostings(lines)
        const vocab = index.keys.length
        const words = new Set(picks.filter((id) => id < vocab))
        const filler = vocab
        // Both ways of finding a line's words: a search in each word's postings, and the postings by line.
        const layouts = [Infinity, 0].map((few) => new QueryLayout(vocab, lines.length, filler, few))
        const [laid] = layouts.map((layout) => layout.lay(words, (id): DecodedPostings | undefined => postings[id]))
        if (!laid) throw new Error('no layout')
        for (let line = 0; line < lines.length; line++) {
          const all = [...index.lineWords(line)].map((id) => (words.has(id) ? id : filler))
          while (all.length > 0 && all.at(-1) === filler) all.pop()
          for (const layout of layouts) expect([...layout.lineWords(line)]).toEqual(all)
        }
        // The postings, laid out as the whole index has them for these words.
        for (const id of words)
          expect([...laid.postings.subarray(laid.postStart[id], laid.postStart[id + 1])]).toEqual([
            ...index.postings.subarray(index.postStart[id], index.postStart[id + 1]),
          ])
      }),
      { numRuns: 80 },
    )
  })
})
