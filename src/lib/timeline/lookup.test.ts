import { describe, expect, it } from 'vitest'
import type { Timeline } from '../episode/types.ts'
import { parseTime, formatTimeParam } from '../time/time.ts'
import { chapterAt, lineAt, lineAtFrom, lineShareTime } from './lookup.ts'

/** A timeline with lines at `starts`; `chapters[i]` is line i's chapter (default -1). */
function timeline(starts: number[], lineChapters: number[] = []): Timeline {
  return {
    lines: starts.map((start, index) => ({
      index,
      text: `line ${index}`,
      start,
      estimated: false,
      chapter: lineChapters[index] ?? -1,
    })),
    chapters: [],
  }
}

const empty = timeline([])
const tl = timeline([0, 10, 20.5, 30])

describe('lineAt', () => {
  it.each([
    [0, 0], // exactly at the first start
    [5, 0],
    [9.999, 0],
    [10, 1], // exactly at a start: that line
    [20.49, 1],
    [20.5, 2],
    [29.9999, 2],
    [30, 3],
    [1e9, 3], // after the last start: the last line
    [Infinity, 3],
  ])('at %d is line %d', (seconds, expected) => {
    expect(lineAt(tl, seconds)).toBe(expected)
  })

  it('is -1 before the first line, for NaN and -Infinity', () => {
    const late = timeline([5, 8])
    expect(lineAt(late, 4.999)).toBe(-1)
    expect(lineAt(late, 0)).toBe(-1)
    expect(lineAt(late, -1)).toBe(-1)
    expect(lineAt(tl, NaN)).toBe(-1)
    expect(lineAt(tl, -Infinity)).toBe(-1)
  })

  it('is -1 on an empty timeline', () => {
    expect(lineAt(empty, 0)).toBe(-1)
    expect(lineAt(empty, 100)).toBe(-1)
  })

  it('works on one line', () => {
    const one = timeline([3])
    expect([lineAt(one, 2), lineAt(one, 3), lineAt(one, 4)]).toEqual([-1, 0, 0])
  })
})

describe('lineAtFrom', () => {
  it.each([
    [15, 1, 1], // hint right
    [25, 1, 2], // hint is the previous line
    [25, 2, 2],
    [5, 3, 0], // seek back
    [31, 0, 3], // seek forward
    [15, -1, 1], // no hint yet
    [15, 99, 1], // stale hint
    [15, 1.5, 1], // not an index
    [NaN, 1, -1],
    [-1, 0, -1],
  ])('at %d with hint %d is line %d', (seconds, hint, expected) => {
    expect(lineAtFrom(tl, seconds, hint)).toBe(expected)
    expect(lineAtFrom(tl, seconds, hint)).toBe(lineAt(tl, seconds))
  })

  it('is -1 on an empty timeline', () => {
    expect(lineAtFrom(empty, 5, 0)).toBe(-1)
  })
})

describe('chapterAt', () => {
  const withChapters = timeline([5, 10, 20, 30], [-1, 0, 0, 1])
  it.each([
    [0, -1], // no active line
    [NaN, -1],
    [5, -1], // the active line has no chapter
    [10, 0],
    [25, 0],
    [30, 1],
    [1000, 1],
  ])('at %d is chapter %d', (seconds, expected) => {
    expect(chapterAt(withChapters, seconds)).toBe(expected)
  })

  it('is -1 on an empty timeline', () => {
    expect(chapterAt(empty, 3)).toBe(-1)
  })
})

describe('lineShareTime', () => {
  it.each([
    [[0, 10], 0, 0], // whole start: itself
    [[0, 10.25, 10.26, 20.5], 1, 10.25], // needs 2 decimals: 11 and 10.3 are the next line's
    [[0, 10.25, 10.26, 20.5], 2, 11], // rounds up to a whole second when it fits
    [[0, 10.25, 10.26, 20.5], 3, 21], // last line: no upper bound
    [[0, 10.21, 10.35], 1, 10.3], // 1 decimal, rounded up (not 10.2)
    [[1.0001, 1.0015], 0, 1.001], // 3 decimals
    [[0.07, 0.075], 0, 0.07], // 0.07 × 100 is 7.000000000000001 in doubles: still 0.07, not 0.071
    [[8.05, 8.055], 0, 8.05], // 8.05 × 100 and × 1000 both land just above an integer: still 8.05, not 8.051
    [[0.3, 0.31], 0, 0.3],
  ])('in %j for line %d is %d', (starts, i, expected) => {
    expect(lineShareTime(timeline(starts), i)).toBe(expected)
  })

  it('falls back to the exact start when the line lasts under a millisecond', () => {
    expect(lineShareTime(timeline([1.0001, 1.0005]), 0)).toBe(1.0001)
  })

  it('gives values that survive a share link round trip', () => {
    const t = timeline([0, 10.25, 10.26, 20.5, 20.5004, 99.99])
    for (let i = 0; i < t.lines.length - 1; i++) {
      if (i === 3) continue // lasts 0.4 ms: cannot be written with 3 decimals
      const value = lineShareTime(t, i)
      expect(lineAt(t, parseTime(formatTimeParam(value)) ?? NaN)).toBe(i)
    }
  })

  it('throws a RangeError for an index that is not a line', () => {
    expect(() => lineShareTime(tl, 4)).toThrow(RangeError)
    expect(() => lineShareTime(tl, -1)).toThrow(RangeError)
    expect(() => lineShareTime(empty, 0)).toThrow(RangeError)
  })
})
