import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatTimeParam, parseTime } from '../time/time.ts'
import { lineAt, lineShareTime } from './lookup.ts'
import { buildTimeline } from './timeline.ts'
import { itemsArb, runs } from '../../../tests/support/timeline-arbitraries.ts'

describe('lineShareTime properties', () => {
  it('gives a value that finds the line, with at most 3 decimals when the line lasts 1 ms or more', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const { timeline } = buildTimeline(items)
        const { lines } = timeline
        lines.forEach((line, i) => {
          const value = lineShareTime(timeline, i)
          expect(value).toBeGreaterThanOrEqual(line.start)
          expect(lineAt(timeline, value)).toBe(i)
          const next = lines[i + 1]
          if (next === undefined || next.start - line.start >= 0.001) {
            // The share link carries it exactly.
            expect(Math.round(value * 1000) / 1000).toBe(value)
            expect(lineAt(timeline, parseTime(formatTimeParam(value)) ?? NaN)).toBe(i)
          }
        })
      }),
      runs,
    )
  })

  it('is the shortest decimal that works', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const { timeline } = buildTimeline(items)
        timeline.lines.forEach((line, i) => {
          const value = lineShareTime(timeline, i)
          if (value === line.start && Math.round(value * 1000) / 1000 !== value) return // fallback
          const decimals = formatTimeParam(value).split('.')[1]?.length ?? 0
          // With one decimal fewer, rounding up lands on another line.
          if (decimals > 0) {
            const scale = 10 ** (decimals - 1)
            const coarser = Math.ceil(line.start * scale - 1e-9) / scale
            expect(lineAt(timeline, coarser)).not.toBe(i)
          }
        })
      }),
      runs,
    )
  })
})
