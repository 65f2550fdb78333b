import { describe, expect, it } from 'vitest'
import type { SourceHeader, SourceItem, SourceLine } from '../episode/types.ts'
import { MAX_WRITTEN_SEC, SPEAKING_RATE, buildTimeline, lineWeight } from './timeline.ts'

/** A line of `len` characters (default 10), with optional written fields. */
function L(sec?: number, len = 10, extra: Partial<SourceLine> = {}): SourceLine {
  const line: SourceLine = { kind: 'line', text: 'x'.repeat(len), ...extra }
  if (sec !== undefined) line.sec = sec
  return line
}
function H(title: string): SourceHeader {
  return { kind: 'header', title }
}
const starts = (items: SourceItem[]) => buildTimeline(items).timeline.lines.map((l) => l.start)
const estimated = (items: SourceItem[]) => buildTimeline(items).timeline.lines.map((l) => l.estimated)

describe('lineWeight', () => {
  it('is the text length, at least 1', () => {
    expect(lineWeight('')).toBe(1)
    expect(lineWeight('a')).toBe(1)
    expect(lineWeight('hello')).toBe(5)
  })
})

describe('buildTimeline: edge shapes', () => {
  it('handles no items', () => {
    expect(buildTimeline([])).toEqual({ timeline: { lines: [], chapters: [] }, outOfOrder: [] })
  })

  it('handles one line with no time', () => {
    const { timeline, outOfOrder } = buildTimeline([L(undefined, 10, { text: 'Hello' })])
    expect(timeline.lines).toEqual([{ index: 0, text: 'Hello', start: 0, estimated: true, chapter: -1 }])
    expect(timeline.lines[0]).not.toHaveProperty('speaker')
    expect(outOfOrder).toEqual([])
  })

  it('keeps a single written time exactly', () => {
    const { timeline } = buildTimeline([L(30, 10, { time: '0:30', who: 'Ann' })])
    expect(timeline.lines).toEqual([
      { index: 0, text: 'x'.repeat(10), speaker: 'Ann', start: 30, estimated: false, time: '0:30', chapter: -1 },
    ])
  })

  it('handles headers only (none has lines, so there are no chapters)', () => {
    const { timeline } = buildTimeline([H('A'), H('B')])
    expect(timeline).toEqual({ lines: [], chapters: [] })
  })
})

describe('buildTimeline: starts', () => {
  it('interpolates between anchors in proportion to text length', () => {
    // weights 10, 30, 60 between 100 and 200: 100 + 100 × {0, 10, 40} / 100
    const items = [L(100, 10), L(undefined, 30), L(undefined, 60), L(200, 5)]
    expect(starts(items)).toEqual([100, 110, 140, 200])
    expect(estimated(items)).toEqual([false, true, true, false])
  })

  it('spreads lines before the first anchor over [0, T_first)', () => {
    // weights 10, 30 before 80: 80 × {0, 10} / 40
    const items = [L(undefined, 10), L(undefined, 30), L(80, 5)]
    expect(starts(items)).toEqual([0, 20, 80])
    expect(estimated(items)).toEqual([true, true, false])
  })

  it(`uses ${SPEAKING_RATE} characters per second after the last anchor`, () => {
    expect(SPEAKING_RATE).toBe(15)
    const items = [L(10, 30), L(undefined, 15), L(undefined, 45)]
    expect(starts(items)).toEqual([10, 12, 13])
    expect(estimated(items)).toEqual([false, true, true])
  })

  it(`uses ${SPEAKING_RATE} characters per second from 0 when there is no anchor`, () => {
    expect(starts([L(undefined, 30), L(undefined, 15), L(undefined, 1)])).toEqual([0, 2, 3])
  })

  it('gives empty lines weight 1', () => {
    const items: SourceItem[] = [L(0, 0), L(undefined, 0), L(10, 0), L(undefined, 0)]
    expect(starts(items)).toEqual([0, 5, 10, 10 + 1 / 15])
  })

  it('keeps a written 0 on the first line', () => {
    const { timeline, outOfOrder } = buildTimeline([L(0), L(undefined, 15)])
    expect(timeline.lines.map((l) => [l.start, l.estimated])).toEqual([
      [0, false],
      [10 / 15, true],
    ])
    expect(outOfOrder).toEqual([])
  })

  it('estimates all but the first of a run of lines sharing one time, without reporting them', () => {
    // one turn in three paragraphs at 162, next anchor 222: 162 + 60 × {0, 10, 40} / 60
    const items = [L(162, 10), L(162, 30), L(162, 20), L(222)]
    const { timeline, outOfOrder } = buildTimeline(items)
    expect(timeline.lines.map((l) => l.start)).toEqual([162, 172, 202, 222])
    expect(timeline.lines.map((l) => l.estimated)).toEqual([false, true, true, false])
    expect(outOfOrder).toEqual([])
  })

  it('spreads a run sharing the last time at the speaking rate', () => {
    expect(starts([L(50, 30), L(50, 15)])).toEqual([50, 52])
  })
})

describe('buildTimeline: written times out of order', () => {
  it('rejects a time that jumps ahead (e.g. 13:44 between 12:14 and 12:46)', () => {
    const items = [L(734), L(824, 10, { time: '13:44', srcLine: 40 }), L(766), L(780)]
    const { timeline, outOfOrder } = buildTimeline(items)
    expect(outOfOrder).toEqual([{ line: 1, sec: 824, srcLine: 40, reason: 'order' }])
    // the rejected line is interpolated between 734 and 766 (equal weights)
    expect(timeline.lines.map((l) => l.start)).toEqual([734, 750, 766, 780])
    expect(timeline.lines.map((l) => l.estimated)).toEqual([false, true, false, false])
    // the written display string is kept
    expect(timeline.lines[1]?.time).toBe('13:44')
  })

  it('rejects a time that goes back', () => {
    const { timeline, outOfOrder } = buildTimeline([L(100), L(200), L(120), L(140), L(160)])
    expect(outOfOrder).toEqual([{ line: 1, sec: 200, reason: 'order' }])
    expect(timeline.lines.map((l) => l.start)).toEqual([100, 110, 120, 140, 160])
  })

  it('rejects a stray 0 in the middle', () => {
    const { timeline, outOfOrder } = buildTimeline([L(100), L(0), L(126)])
    expect(outOfOrder).toEqual([{ line: 1, sec: 0, reason: 'order' }])
    expect(timeline.lines.map((l) => l.start)).toEqual([100, 113, 126])
  })

  it('on a tie keeps the earlier lines', () => {
    // [10, 99] and [10, 30] are both longest: 99 (earlier) stays, 30 goes
    const { timeline, outOfOrder } = buildTimeline([L(10), L(99), L(30, 15)])
    expect(outOfOrder).toEqual([{ line: 2, sec: 30, reason: 'order' }])
    expect(timeline.lines.map((l) => l.start)).toEqual([10, 99, 99 + 10 / 15])
  })

  it('rejects a first anchor at 0 that has lines before it', () => {
    const { timeline, outOfOrder } = buildTimeline([L(undefined, 10), L(0, 10, { srcLine: 7 }), L(20, 20)])
    expect(outOfOrder).toEqual([{ line: 1, sec: 0, srcLine: 7, reason: 'zero' }])
    expect(timeline.lines.map((l) => l.start)).toEqual([0, 10, 20])
    expect(timeline.lines.map((l) => l.estimated)).toEqual([true, true, false])
  })

  it('rejects a run of zeros with lines before it, reporting only its first', () => {
    const { timeline, outOfOrder } = buildTimeline([L(), L(0), L(0), L(30)])
    expect(outOfOrder).toEqual([{ line: 1, sec: 0, reason: 'zero' }])
    expect(timeline.lines.map((l) => l.start)).toEqual([0, 10, 20, 30])
  })

  it('rejects a lone 0 after lines with no time, then counts at the speaking rate', () => {
    const { timeline, outOfOrder } = buildTimeline([L(undefined, 15), L(0, 15)])
    expect(outOfOrder).toEqual([{ line: 1, sec: 0, reason: 'zero' }])
    expect(timeline.lines.map((l) => l.start)).toEqual([0, 1])
  })

  it('rejects invalid written times', () => {
    const items = [L(-5), L(NaN), L(Infinity), L(MAX_WRITTEN_SEC + 1), L(MAX_WRITTEN_SEC)]
    const { timeline, outOfOrder } = buildTimeline(items)
    expect(outOfOrder).toEqual([
      { line: 0, sec: -5, reason: 'invalid' },
      { line: 1, sec: NaN, reason: 'invalid' },
      { line: 2, sec: Infinity, reason: 'invalid' },
      { line: 3, sec: MAX_WRITTEN_SEC + 1, reason: 'invalid' },
    ])
    expect(timeline.lines.map((l) => l.start)).toEqual([0, 2.5e6, 5e6, 7.5e6, MAX_WRITTEN_SEC])
  })

  it('reports rejected times in line order', () => {
    const { outOfOrder } = buildTimeline([L(-1), L(500), L(10), L(20), L(5)])
    expect(outOfOrder.map((o) => [o.line, o.reason])).toEqual([
      [0, 'invalid'],
      [1, 'order'],
      [4, 'order'],
    ])
  })

  it('keeps starts strictly increasing when written times are too close for doubles', () => {
    const t = 1 + Number.EPSILON // the double right after 1
    const { timeline, outOfOrder } = buildTimeline([L(1), L(undefined, 5), L(t)])
    const [a, b, c] = timeline.lines.map((l) => l.start)
    expect(a).toBe(1)
    expect(b).toBe(t)
    expect(c).toBeGreaterThan(t)
    expect(outOfOrder).toEqual([{ line: 2, sec: t, reason: 'crowded' }])
    expect(timeline.lines[2]?.estimated).toBe(true)
  })
})

describe('buildTimeline: speakers', () => {
  it('carries the speaker forward, across headers, trimming who', () => {
    const items: SourceItem[] = [
      L(undefined, 10),
      L(undefined, 10, { who: ' Alice ' }),
      L(undefined, 10),
      H('Next'),
      L(undefined, 10, { who: '   ' }),
      L(undefined, 10, { who: 'Bob' }),
      L(undefined, 10),
    ]
    const speakers = buildTimeline(items).timeline.lines.map((l) => l.speaker)
    expect(speakers).toEqual([undefined, 'Alice', 'Alice', 'Alice', 'Bob', 'Bob'])
  })
})

describe('buildTimeline: chapters', () => {
  it('gives -1 to lines before the first header', () => {
    const { timeline } = buildTimeline([L(0), H('A'), L(10)])
    expect(timeline.lines.map((l) => l.chapter)).toEqual([-1, 0])
    expect(timeline.chapters).toEqual([{ index: 0, title: 'A', start: 10, estimated: false, firstLine: 1 }])
  })

  it('drops headers with no lines of their own: of headers in a row, the last is the chapter', () => {
    const { timeline } = buildTimeline([L(50), H('A'), H('B'), H('C'), L(100), L(120)])
    expect(timeline.chapters).toEqual([{ index: 0, title: 'C', start: 100, estimated: false, firstLine: 1 }])
    expect(timeline.lines.map((l) => l.chapter)).toEqual([-1, 0, 0])
  })

  it('starts a chapter that opens the transcript at 0', () => {
    const { timeline } = buildTimeline([H('Intro'), H('Welcome'), L(100), H('Next'), L(200)])
    expect(timeline.chapters).toEqual([
      { index: 0, title: 'Welcome', start: 0, estimated: false, firstLine: 0 },
      { index: 1, title: 'Next', start: 200, estimated: false, firstLine: 1 },
    ])
  })

  it('mirrors the estimated flag of the next line', () => {
    // weights 10, 20 between 0 and 30: the line after the header starts at 30 × 10 / 30
    const { timeline } = buildTimeline([L(0), H('A'), L(undefined, 20), L(30)])
    expect(timeline.chapters).toEqual([{ index: 0, title: 'A', start: 10, estimated: true, firstLine: 1 }])
  })

  it('drops headers after the last line', () => {
    const { timeline } = buildTimeline([H('A'), L(10, 30), H('B'), H('C')])
    expect(timeline.chapters).toEqual([{ index: 0, title: 'A', start: 0, estimated: false, firstLine: 0 }])
  })

  it('has no chapters without lines', () => {
    expect(buildTimeline([H('A'), H('B')]).timeline.chapters).toEqual([])
  })
})

describe('buildTimeline: seed episode shape', () => {
  it('builds the timeline of header, header, 100, 126, header, 145, 162, 162, 271', () => {
    const items: SourceItem[] = [
      H('Intro'),
      H('Welcome'),
      L(100, 20, { time: '1:40', who: 'Host' }),
      L(126, 20, { time: '2:06', who: 'Guest' }),
      H('Early days'),
      L(145, 20, { time: '2:25', who: 'Host' }),
      L(162, 30, { time: '2:42', who: 'Guest' }),
      L(162, 79, { time: '2:42' }),
      L(271, 20, { time: '4:31', who: 'Host' }),
    ]
    const { timeline, outOfOrder } = buildTimeline(items)
    expect(outOfOrder).toEqual([])
    // second 162: 162 + (271 − 162) × 30 / (30 + 79) = 192
    expect(timeline.lines.map((l) => l.start)).toEqual([100, 126, 145, 162, 192, 271])
    expect(timeline.lines.map((l) => l.estimated)).toEqual([false, false, false, false, true, false])
    expect(timeline.lines.map((l) => l.time)).toEqual(['1:40', '2:06', '2:25', '2:42', '2:42', '4:31'])
    expect(timeline.lines.map((l) => l.speaker)).toEqual(['Host', 'Guest', 'Host', 'Guest', 'Guest', 'Host'])
    expect(timeline.lines.map((l) => l.chapter)).toEqual([0, 0, 1, 1, 1, 1])
    expect(timeline.lines.map((l) => l.index)).toEqual([0, 1, 2, 3, 4, 5])
    // "Intro" has no lines of its own; "Welcome" opens the transcript, so it starts at 0.
    expect(timeline.chapters).toEqual([
      { index: 0, title: 'Welcome', start: 0, estimated: false, firstLine: 0 },
      { index: 1, title: 'Early days', start: 145, estimated: false, firstLine: 2 },
    ])
  })
})
