import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clipRanges, mergeRanges, snippet, type Range } from './highlight.ts'

describe('mergeRanges', () => {
  it('sorts, merges overlapping and touching ranges, drops empty ones', () => {
    expect(
      mergeRanges([
        [10, 12],
        [0, 3],
        [2, 5],
        [5, 6],
        [8, 8],
      ]),
    ).toEqual([
      [0, 6],
      [10, 12],
    ])
  })
})

describe('clipRanges', () => {
  it('keeps the parts inside the window, relative to it', () => {
    expect(
      clipRanges(
        [
          [0, 5],
          [8, 12],
          [20, 30],
        ],
        3,
        10,
      ),
    ).toEqual([
      [0, 2],
      [5, 7],
    ])
  })
})

describe('snippet', () => {
  const long = 'word '.repeat(100).trim() // 499 characters

  it('keeps a short text whole', () => {
    expect(snippet('short text', [[6, 10]])).toEqual({
      text: 'short text',
      offset: 0,
      clippedStart: false,
      clippedEnd: false,
      ranges: [[6, 10]],
    })
  })

  it('cuts a window around the match, at word boundaries, ranges relative to it', () => {
    const at = 300
    const s = snippet(long, [[at, at + 4]], { width: 100, lead: 30 })
    expect(s.clippedStart).toBe(true)
    expect(s.clippedEnd).toBe(true)
    expect(s.text.length).toBeLessThanOrEqual(100)
    expect(s.text.startsWith('word')).toBe(true)
    expect(s.text.endsWith('word')).toBe(true)
    expect(long.slice(s.offset, s.offset + s.text.length)).toBe(s.text)
    expect(s.ranges).toEqual([[at - s.offset, at - s.offset + 4]])
    expect(at - s.offset).toBeGreaterThanOrEqual(10)
  })

  it('prefers the window holding the most matches', () => {
    const ranges: Range[] = [
      [5, 9],
      [300, 304],
      [320, 324],
      [340, 344],
    ]
    const s = snippet(long, ranges, { width: 100 })
    expect(s.ranges).toHaveLength(3)
  })

  it('starts at the beginning when the match is near it', () => {
    const s = snippet(long, [[5, 9]], { width: 100 })
    expect(s.offset).toBe(0)
    expect(s.clippedStart).toBe(false)
  })

  it('never splits a surrogate pair', () => {
    const text = '🎉'.repeat(200)
    const s = snippet(text, [[201, 203]], { width: 51 })
    expect(s.offset % 2).toBe(0)
    expect(s.text.length % 2).toBe(0)
  })

  it('keeps ranges inside the snippet', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.array(fc.tuple(fc.nat(400), fc.nat(30)), { maxLength: 6 }),
        (text, raw) => {
          const ranges = mergeRanges(
            raw.map(([s, l]): Range => [Math.min(s, text.length), Math.min(s + l, text.length)]),
          )
          const s = snippet(text, ranges, { width: 80 })
          expect(text.slice(s.offset, s.offset + s.text.length)).toBe(s.text)
          for (const [a, b] of s.ranges) {
            expect(a).toBeGreaterThanOrEqual(0)
            expect(b).toBeGreaterThan(a)
            expect(b).toBeLessThanOrEqual(s.text.length)
          }
        },
      ),
    )
  })
})
