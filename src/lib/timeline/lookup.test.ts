import { describe, expect, it } from 'vitest'
import type { SourceItem, Timeline } from '../episode/types.ts'
import { parseTime, formatTimeParam } from '../time/time.ts'
import { chapterAt, chapterShareTime, episodeLength, lineAt, lineAtFrom, lineShareTime, nearestKept } from './lookup.ts'
import { buildTimeline } from './timeline.ts'

const L = (sec: number, text = 'x'.repeat(15)): SourceItem => ({ kind: 'line', text, sec })
const H = (title: string): SourceItem => ({ kind: 'header', title })

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
  const withChapters = buildTimeline([L(5), H('A'), L(10), L(20), H('B'), L(30)]).timeline
  it.each([
    [0, -1], // no chapter yet
    [NaN, -1],
    [5, -1], // the active line comes before the first header
    [10, 0],
    [25, 0],
    [30, 1],
    [1000, 1],
  ])('at %d is chapter %d', (seconds, expected) => {
    expect(chapterAt(withChapters, seconds)).toBe(expected)
  })

  it('is the opening chapter from 0, before its first line', () => {
    const opening = buildTimeline([H('Intro'), H('Welcome'), L(100), H('Next'), L(200)]).timeline
    expect(opening.chapters.map((c) => [c.title, c.start])).toEqual([
      ['Welcome', 0],
      ['Next', 200],
    ])
    expect([0, 50, 100, 199.9, 200].map((t) => chapterAt(opening, t))).toEqual([0, 0, 0, 0, 1])
  })

  it('is -1 on an empty timeline', () => {
    expect(chapterAt(empty, 3)).toBe(-1)
  })
})

describe('chapterShareTime', () => {
  it('is 0 for a chapter that opens the transcript, else its first line’s share time', () => {
    const t = buildTimeline([H('Welcome'), L(100), H('Next'), L(200)]).timeline
    expect(t.chapters.map((c) => chapterShareTime(t, c))).toEqual([0, 200])
  })
})

describe('episodeLength', () => {
  // Each line lasts 15 characters / 15 per second = 1 s after the last written time.
  const t = buildTimeline([L(100), L(5000)]).timeline
  it('is the stated duration when the transcript ends before it', () => {
    expect(episodeLength(t, 6000)).toBe(6000)
  })
  it('is the end of the last line when the stated duration is shorter, or missing', () => {
    expect(episodeLength(t, 4800)).toBe(5001)
    expect(episodeLength(t, undefined)).toBe(5001)
  })
  it('is 0 for no transcript and no duration', () => {
    expect(episodeLength(empty, undefined)).toBe(0)
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

describe('nearestKept', () => {
  it.each([
    [[2, 5, 9], 5, 5], // kept itself
    [[2, 5, 9], 7, 5], // the last kept line before
    [[2, 5, 9], 100, 9],
    [[2, 5, 9], 0, 2], // none before: the first kept after
    [[], 3, -1],
    [[2, 5], -1, -1],
  ])('in %j for line %d is %d', (kept, i, expected) => {
    expect(nearestKept(kept, i)).toBe(expected)
  })
})
