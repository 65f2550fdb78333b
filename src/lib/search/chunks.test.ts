import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodePostings, encodePostings } from './chunks.ts'

/** A word's occurrences: lines ascending, each with 1–4 positions ascending (any size, base-36 digits of every kind). */
const occurrences = fc
  .uniqueArray(fc.nat(3_000_000), { maxLength: 60 })
  .chain((raw) => {
    const lines = [...raw].sort((a, b) => a - b)
    return fc.tuple(
      fc.constant(lines),
      fc.array(fc.uniqueArray(fc.nat(5000), { minLength: 1, maxLength: 4 }), {
        minLength: lines.length,
        maxLength: lines.length,
      }),
    )
  })
  .map(([lines, positions]) => ({ lines, positions: positions.map((p) => [...p].sort((a, b) => a - b)) }))

describe('postings encoding', () => {
  it('decodes what it encodes: every line, and every position of each', () => {
    fc.assert(
      fc.property(occurrences, ({ lines, positions }) => {
        const pairs = lines.flatMap((line, k) => (positions[k] ?? []).flatMap((p) => [line, p]))
        const decoded = decodePostings(encodePostings(pairs))
        expect([...decoded.lines]).toEqual(lines)
        expect(decoded.posStart.length).toBe(lines.length + 1)
        const back = lines.map((_, k) => [
          ...decoded.positions.subarray(decoded.posStart[k] ?? 0, decoded.posStart[k + 1] ?? 0),
        ])
        expect(back).toEqual(positions)
      }),
    )
  })

  it('reads the written form: line deltas and positions in base 36', () => {
    // Line 35 (z) at positions 0 and 36 (10); line 35 + 36 = 71 at position 2.
    const decoded = decodePostings('z.0.10,10.2')
    expect([...decoded.lines]).toEqual([35, 71])
    expect([...decoded.posStart]).toEqual([0, 2, 3])
    expect([...decoded.positions]).toEqual([0, 36, 2])
  })

  it('decodes nothing to nothing', () => {
    const decoded = decodePostings('')
    expect(decoded.lines.length).toBe(0)
    expect([...decoded.posStart]).toEqual([0])
  })
})
