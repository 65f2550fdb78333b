import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clampRange, crossedStop, formatRange, formatRangeParam, parseTimeParam, timeRange } from './time-range.ts'

describe('parseTimeParam', () => {
  it.each([
    ['1:02:28,1:03:10', 3748, 3790],
    ['3748,3790', 3748, 3790],
    ['1h2m28s,1h3m10s', 3748, 3790],
    ['62:28,3790s', 3748, 3790],
    ['162.35,170.5', 162.35, 170.5],
    ['npt:10,20', 10, 20],
    [' 10 , 20 ', 10, 20],
    [',20', 0, 20],
  ])('reads the range %s', (raw, start, end) => {
    expect(parseTimeParam(raw)).toEqual({ start, range: { start, end } })
  })

  it.each([
    ['3790,3748', 3790], // reversed
    ['100,100', 100], // empty
    ['100,abc', 100], // unreadable end
    ['100,', 100], // no end
    ['100,-5', 100],
    ['1:02:28,1:2:3:4', 3748],
    ['1,2,3x', 1],
    [',', 0],
  ])('falls back to the start alone for %s', (raw, start) => {
    expect(parseTimeParam(raw)).toEqual({ start })
  })

  it.each(['abc,100', '-5,100', '', 'abc', null, undefined])('gives nothing for %s', (raw) => {
    expect(parseTimeParam(raw)).toEqual({})
  })

  it('reads a plain time as before', () => {
    expect(parseTimeParam('1:02:28')).toEqual({ start: 3748 })
    expect(parseTimeParam('0')).toEqual({ start: 0 })
  })

  it('never throws, and any range it gives is usable', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const p = parseTimeParam(raw)
        if (p.range) {
          expect(p.range.end).toBeGreaterThan(p.range.start)
          expect(p.range.start).toBe(p.start)
        }
      }),
    )
  })
})

/** Seconds with at most 3 decimals, as links carry them. */
const millis = fc.integer({ min: 0, max: 400_000_000 }).map((n) => n / 1000)

describe('formatRangeParam', () => {
  it('writes both ends compactly', () => {
    expect(formatRangeParam({ start: 3748, end: 3790.5 })).toBe('3748,3790.5')
  })

  it('round-trips: format then parse gives the same range', () => {
    fc.assert(
      fc.property(millis, millis, (a, b) => {
        fc.pre(a !== b)
        const range = { start: Math.min(a, b), end: Math.max(a, b) }
        expect(parseTimeParam(formatRangeParam(range)).range).toEqual(range)
      }),
    )
  })
})

describe('formatRange', () => {
  it('reads as a span of clock times', () => {
    expect(formatRange({ start: 3748, end: 3790 })).toBe('1:02:28–1:03:10')
    expect(formatRange({ start: 78, end: 221 })).toBe('1:18–3:41')
  })
})

describe('timeRange and clampRange', () => {
  it('accepts only usable ranges', () => {
    expect(timeRange(1, 2)).toEqual({ start: 1, end: 2 })
    expect(timeRange(-0, 2)).toEqual({ start: 0, end: 2 })
    expect(timeRange(2, 2)).toBeUndefined()
    expect(timeRange(-1, 2)).toBeUndefined()
    expect(timeRange(1, Number.NaN)).toBeUndefined()
    expect(timeRange(1, Infinity)).toBeUndefined()
  })
  it('brings an end past the episode back to it, and drops a range that starts past it', () => {
    expect(clampRange({ start: 10, end: 500 }, 300)).toEqual({ start: 10, end: 300 })
    expect(clampRange({ start: 300, end: 500 }, 300)).toBeUndefined()
    expect(clampRange({ start: 10, end: 500 }, 0)).toEqual({ start: 10, end: 500 })
  })
})

describe('crossedStop', () => {
  it('stops when the clock passes the end while playing on', () => {
    expect(crossedStop(99.9, 100, 100)).toBe(true)
    expect(crossedStop(99.5, 100.3, 100)).toBe(true)
  })
  it('does not stop before the end, after it, or on a jump far past it', () => {
    expect(crossedStop(98, 99.9, 100)).toBe(false)
    expect(crossedStop(100, 101, 100)).toBe(false)
    expect(crossedStop(50, 400, 100)).toBe(false)
  })
})
