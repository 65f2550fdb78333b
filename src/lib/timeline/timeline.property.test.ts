import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chapterAt, lineAt, lineAtFrom } from './lookup.ts'
import { SPEAKING_RATE, buildTimeline, lineWeight } from './timeline.ts'
import { itemsArb, naiveLndsLength, runs, sourceLines, usable } from '../../../tests/support/timeline-arbitraries.ts'

// --- Properties ----------------------------------------------------------------------

describe('buildTimeline properties', () => {
  it('never throws, and gives finite, non-negative, strictly increasing starts', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const { timeline } = buildTimeline(items)
        expect(timeline.lines).toHaveLength(sourceLines(items).length)
        let prev = -Infinity
        for (const line of timeline.lines) {
          expect(Number.isFinite(line.start)).toBe(true)
          expect(Object.is(line.start, -0)).toBe(false)
          expect(line.start).toBeGreaterThanOrEqual(0)
          expect(line.start).toBeGreaterThan(prev)
          prev = line.start
        }
      }),
      runs,
    )
  })

  it('finds every line at its own start', () => {
    fc.assert(
      fc.property(itemsArb, fc.integer({ min: -2, max: 70 }), (items, hint) => {
        const { timeline } = buildTimeline(items)
        timeline.lines.forEach((line, i) => {
          expect(lineAt(timeline, line.start)).toBe(i)
          expect(lineAtFrom(timeline, line.start, i - 1)).toBe(i)
          expect(lineAtFrom(timeline, line.start, hint)).toBe(i)
          expect(chapterAt(timeline, line.start)).toBe(line.chapter)
        })
      }),
      runs,
    )
  })

  it('keeps exactly a longest non-decreasing subsequence of written times as anchors', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const src = sourceLines(items)
        const { timeline, outOfOrder } = buildTimeline(items)
        const reason = new Map(outOfOrder.map((o) => [o.line, o.reason]))

        // Reports are in line order, one per line at most, with the written value.
        expect(outOfOrder.map((o) => o.line)).toEqual([...reason.keys()].sort((a, b) => a - b))
        for (const o of outOfOrder) expect(Object.is(o.sec, src[o.line]?.sec)).toBe(true)

        const keptValues: number[] = []
        let lastKept: number | undefined
        timeline.lines.forEach((line, i) => {
          const written = src[i]?.sec
          const sec = written === undefined ? undefined : written + 0 // -0 reads as 0
          const why = reason.get(i)
          if (sec === undefined) {
            expect(line.estimated).toBe(true)
            expect(why).toBeUndefined()
            return
          }
          if (!usable(sec)) {
            expect(why).toBe('invalid')
            expect(line.estimated).toBe(true)
            return
          }
          expect(why).not.toBe('invalid')
          if (why === 'order') {
            expect(line.estimated).toBe(true)
            return
          }
          // Kept by the subsequence.
          keptValues.push(sec)
          if (why === 'zero' || why === 'crowded') {
            expect(line.estimated).toBe(true)
          } else if (line.estimated) {
            // Not the first of its run of equal written times.
            expect(lastKept).toBe(sec)
          } else {
            // An anchor holds its written time exactly, and starts a run.
            expect(line.start).toBe(sec)
            expect(lastKept === undefined || lastKept < sec).toBe(true)
          }
          if (why === 'zero') {
            expect(sec).toBe(0)
            expect(i).toBeGreaterThan(0)
          }
          lastKept = sec
        })

        // The kept times are non-decreasing, and as many as the longest such subsequence.
        for (let j = 1; j < keptValues.length; j++) {
          expect(keptValues[j]).toBeGreaterThanOrEqual(keptValues[j - 1] ?? 0)
        }
        expect(keptValues.length).toBe(naiveLndsLength(src.map((l) => l.sec).filter(usable)))

        // Non-estimated lines are exactly the anchors: their start is their written time.
        for (const line of timeline.lines) {
          if (!line.estimated) expect(line.start === src[line.index]?.sec).toBe(true)
        }
      }),
      runs,
    )
  })

  it('spreads lines between anchors in proportion to weight, and at the speaking rate outside', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const { timeline, outOfOrder } = buildTimeline(items)
        if (outOfOrder.some((o) => o.reason === 'crowded')) return // starts were nudged
        const lines = timeline.lines
        const w = lines.map((l) => lineWeight(l.text))
        const anchors = lines.filter((l) => !l.estimated).map((l) => l.index)
        const sum = (from: number, to: number) => w.slice(from, to).reduce((a, b) => a + b, 0)
        const expectNear = (actual: number, expected: number) =>
          expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected))

        const first = anchors[0]
        lines.forEach((line, k) => {
          const before = anchors.filter((a) => a <= k).pop()
          const after = anchors.find((a) => a > k)
          if (before === undefined && after === undefined) {
            expectNear(line.start, sum(0, k) / SPEAKING_RATE)
          } else if (before === undefined && after !== undefined) {
            expectNear(line.start, ((lines[after]?.start ?? 0) * sum(0, k)) / sum(0, after))
          } else if (before !== undefined && after === undefined) {
            expectNear(line.start, (lines[before]?.start ?? 0) + sum(before, k) / SPEAKING_RATE)
          } else if (before !== undefined && after !== undefined) {
            const ta = lines[before]?.start ?? 0
            const tb = lines[after]?.start ?? 0
            expectNear(line.start, ta + ((tb - ta) * sum(before, k)) / sum(before, after))
          }
        })
        if (first !== undefined && first > 0) expect(lines[0]?.start).toBe(0)
      }),
      runs,
    )
  })

  it('resolves speakers and chapters from the item order', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const { timeline } = buildTimeline(items)
        const { lines, chapters } = timeline
        let speaker: string | undefined
        let chapter = -1
        let k = 0
        // A header is a chapter only when a line comes right after it (else it has no lines).
        const kept: { title: string; firstLine: number }[] = []
        items.forEach((item, pos) => {
          if (item.kind === 'header') {
            if (items[pos + 1]?.kind === 'line') {
              chapter++
              kept.push({ title: item.title, firstLine: k })
            }
            return
          }
          const who = item.who?.trim()
          if (who) speaker = who
          expect(lines[k]?.speaker).toBe(speaker)
          expect(lines[k]?.chapter).toBe(chapter)
          expect(lines[k]?.time).toBe(item.time)
          k++
        })

        expect(chapters).toHaveLength(kept.length)
        let prev = -Infinity
        chapters.forEach((c, i) => {
          expect(c.index).toBe(i)
          expect(c.title).toBe(kept[i]?.title)
          expect(c.firstLine).toBe(kept[i]?.firstLine)
          const first = lines[c.firstLine]
          if (!first) throw new Error('a chapter without its first line')
          // The chapter that opens the transcript starts at 0; every other at its first line.
          const opens = i === 0 && c.firstLine === 0
          expect(c.start).toBe(opens ? 0 : first.start)
          expect(c.estimated).toBe(opens ? false : first.estimated)
          expect(c.start).toBeGreaterThan(prev)
          prev = c.start
          // The chapter playing at each of its lines' starts is this one.
          expect(chapterAt(timeline, first.start)).toBe(i)
        })
      }),
      runs,
    )
  })
})
