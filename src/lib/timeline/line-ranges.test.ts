import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SourceItem, Timeline } from '../episode/types.ts'
import { formatRangeParam, parseTimeParam } from '../time/time-range.ts'
import { linesInRange, rangeOfLines } from './line-ranges.ts'
import { buildTimeline } from './timeline.ts'

const line = (text: string, sec?: number): SourceItem => ({ kind: 'line', text, sec, who: 'Ana' })
const { timeline } = buildTimeline([line('One.', 10), line('Two.', 20), line('Three.', 30), line('Four.', 40)])

describe('linesInRange', () => {
  it.each([
    [
      { start: 10, end: 20 },
      { first: 0, last: 0 },
    ],
    [
      { start: 15, end: 35 },
      { first: 0, last: 2 },
    ],
    [
      { start: 20, end: 20.001 },
      { first: 1, last: 1 },
    ],
    [
      { start: 0, end: 12 },
      { first: 0, last: 0 },
    ],
    [
      { start: 45, end: 50 },
      { first: 3, last: 3 },
    ],
    [
      { start: 35, end: 9999 },
      { first: 2, last: 3 },
    ],
  ])('%j overlaps %j', (range, span) => {
    expect(linesInRange(timeline, range)).toEqual(span)
  })
  it('gives nothing before the first line, or for no lines', () => {
    expect(linesInRange(timeline, { start: 0, end: 10 })).toBeUndefined()
    expect(linesInRange(buildTimeline([]).timeline, { start: 0, end: 10 })).toBeUndefined()
  })
})

describe('rangeOfLines', () => {
  it('starts at the first line and ends where the next line starts', () => {
    expect(rangeOfLines(timeline, 1, 1)).toEqual({ start: 20, end: 30 })
    expect(rangeOfLines(timeline, 0, 2)).toEqual({ start: 10, end: 40 })
  })
  it('ends the last line at the episode end', () => {
    expect(rangeOfLines(timeline, 3, 3, 100)).toEqual({ start: 40, end: 100 })
    expect(rangeOfLines(timeline, 3, 3).end).toBeGreaterThan(40)
  })
  it('rejects indexes that are not lines', () => {
    expect(() => rangeOfLines(timeline, 2, 1)).toThrow(RangeError)
    expect(() => rangeOfLines(timeline, 0, 4)).toThrow(RangeError)
  })
})

// Messy timelines: missing, shared and backward times give estimated, fractional starts.
const itemsArb: fc.Arbitrary<SourceItem[]> = fc.array(
  fc.record(
    {
      kind: fc.constant('line' as const),
      text: fc.string({ minLength: 1, maxLength: 60 }),
      sec: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.double({ min: 0, max: 600, noNaN: true })),
    },
    { requiredKeys: ['kind', 'text'] },
  ),
  { minLength: 1, maxLength: 40 },
)

/**
 * Whether lines first..last+1 each last 2 ms or more: a link carries milliseconds, so a line
 * shorter than that (only with degenerate data) has no link of its own (see lineShareTime).
 */
function linkable(tl: Timeline, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const a = tl.lines[k]
    const b = tl.lines[k + 1]
    if (a && b && b.start - a.start < 0.002) return false
  }
  return true
}

describe('range links of lines (property)', () => {
  it("every line's range link selects exactly that line", () => {
    fc.assert(
      fc.property(itemsArb, fc.nat(), (items, pick) => {
        const { timeline: tl } = buildTimeline(items)
        fc.pre(tl.lines.length > 0)
        const i = pick % tl.lines.length
        fc.pre(linkable(tl, i, i))
        // Through the link text, as a listener receives it.
        const link = parseTimeParam(formatRangeParam(rangeOfLines(tl, i, i, 0))).range
        expect(link).toBeDefined()
        if (link) expect(linesInRange(tl, link)).toEqual({ first: i, last: i })
      }),
      { numRuns: 300 },
    )
  })

  it('a line whose link time sits in its last instant still gets a range link (found by the property below)', () => {
    const { timeline: tl } = buildTimeline([
      { kind: 'line', text: '  ', sec: 1.387778780781446e-17 },
      { kind: 'line', text: ' ' },
      { kind: 'line', text: ' ' },
    ])
    const link = parseTimeParam(formatRangeParam(rangeOfLines(tl, 1, 1, 0))).range
    expect(link).toBeDefined()
    if (link) expect(linesInRange(tl, link)).toEqual({ first: 1, last: 1 })
  })

  it('every run of lines has a range link that selects exactly that run', () => {
    fc.assert(
      fc.property(itemsArb, fc.nat(), fc.nat(), (items, a, b) => {
        const { timeline: tl } = buildTimeline(items)
        fc.pre(tl.lines.length > 0)
        const first = Math.min(a, b) % tl.lines.length
        const last = Math.max(first, Math.max(a, b) % tl.lines.length)
        fc.pre(linkable(tl, first, last))
        const link = parseTimeParam(formatRangeParam(rangeOfLines(tl, first, last, 0))).range
        if (link) expect(linesInRange(tl, link)).toEqual({ first, last })
        expect(link).toBeDefined()
      }),
      { numRuns: 300 },
    )
  })
})
