import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { boundedDistance, letterMask, popcount, typoBudget } from './distance.ts'

/** Plain OSA distance, the reference. */
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  const at = (i: number, j: number): number => d[i]?.[j] ?? Infinity
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1)
      const row = d[i]
      if (row) row[j] = v
    }
  }
  return at(a.length, b.length)
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e'), maxLength: 10 })

describe('boundedDistance', () => {
  it('counts the typos the issue names', () => {
    expect(boundedDistance('kubernets', 'kubernetes', 2)).toBe(1)
    expect(boundedDistance('terrafrom', 'terraform', 2)).toBe(1)
    expect(boundedDistance('airflwo', 'airflow', 1)).toBe(1)
    expect(boundedDistance('airflow', 'airflow', 1)).toBe(0)
    expect(boundedDistance('spark', 'shark', 1)).toBe(1)
    expect(boundedDistance('spark', 'sharp', 1)).toBe(2) // more than k: k + 1
  })

  it('measures against the closest prefix in prefix mode', () => {
    expect(boundedDistance('kubrenet', 'kubernetes', 1, true)).toBe(1)
    expect(boundedDistance('kuber', 'kubernetes', 1, true)).toBe(0)
    expect(boundedDistance('kxyzr', 'kubernetes', 1, true)).toBe(2)
  })

  it('agrees with the plain algorithm up to k', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, k) => {
        expect(boundedDistance(a, b, k)).toBe(Math.min(osa(a, b), k + 1))
      }),
    )
  })

  it('in prefix mode, agrees with the best prefix', () => {
    fc.assert(
      fc.property(
        word.filter((w) => w.length > 0),
        word,
        fc.integer({ min: 0, max: 2 }),
        (a, b, k) => {
          let best = Infinity
          for (let j = 0; j <= b.length; j++) best = Math.min(best, osa(a, b.slice(0, j)))
          expect(boundedDistance(a, b, k, true)).toBe(Math.min(best, k + 1))
        },
      ),
    )
  })
})

describe('letter masks', () => {
  it('never reject a pair within k edits', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = osa(a, b)
        const ma = letterMask(a)
        const mb = letterMask(b)
        expect(popcount(ma & ~mb)).toBeLessThanOrEqual(d)
        expect(popcount(mb & ~ma)).toBeLessThanOrEqual(d)
      }),
    )
  })

  it('popcount counts bits', () => {
    expect(popcount(0)).toBe(0)
    expect(popcount(0b1011)).toBe(3)
    expect(popcount(-1)).toBe(32)
  })
})

describe('typoBudget', () => {
  it('allows none for short words, one up to 7 letters, two from 8', () => {
    expect([1, 3, 4, 7, 8, 12].map(typoBudget)).toEqual([0, 0, 1, 1, 2, 2])
  })
})
