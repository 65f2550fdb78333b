/**
 * Time ranges and transcript lines: which lines a quote covers, and the range that covers
 * exactly some lines (the link of a selection, of keyboard marks).
 *
 * Line i is spoken over [start(i), start(i + 1)); the last line runs to the end of the episode
 * (no end at all, for overlap). A line is in a range when the two overlap.
 */
import type { Timeline } from '../episode/types.ts'
import type { TimeRange } from '../time/time-range.ts'
import { ceilTo, lineAt, lineShareTime } from './lookup.ts'
import { timelineEnd } from './timeline.ts'

/** The first and last line (indexes, inclusive) a range overlaps; undefined when none. */
export interface LineSpan {
  first: number
  last: number
}

/** The lines a range overlaps, or undefined (no lines, or the range ends before the first line). */
export function linesInRange(timeline: Timeline, range: TimeRange): LineSpan | undefined {
  const lines = timeline.lines
  if (lines.length === 0 || !(range.end > range.start)) return undefined
  const firstLine = lines[0]
  if (!firstLine || !(firstLine.start < range.end)) return undefined
  // The line being spoken at the start (or the first line, for a range that starts before it).
  const first = Math.max(0, lineAt(timeline, range.start))
  // The last line starting strictly before the end.
  let last = lineAt(timeline, range.end)
  if (lines[last]?.start === range.end) last--
  if (last < first) return undefined
  return { first, last }
}

/**
 * The range whose link selects exactly lines `first`..`last`: it starts at the first line's
 * share time ({@link lineShareTime}: a short number inside the line) and ends at the start of
 * the line after the last, written with the fewest decimals that still end after the last
 * line's start (so `formatRangeParam` writes it exactly and it selects no further line). The
 * last line of the transcript ends at the episode's end (`length`, or the transcript's end).
 *
 * @throws RangeError when an index is not a line, or `last < first`.
 */
export function rangeOfLines(timeline: Timeline, first: number, last: number, length = 0): TimeRange {
  const lines = timeline.lines
  const lastLine = lines[last]
  if (lines[first] === undefined || lastLine === undefined || last < first)
    throw new RangeError(`No lines ${first}..${last} in a timeline of ${lines.length} lines`)
  const start = lineShareTime(timeline, first)
  const after = lines[last + 1]
  if (!after) {
    const end = Math.ceil(Math.max(length, timelineEnd(timeline)))
    return { start, end: end > start ? end : Math.floor(start) + 1 }
  }
  // The line's own link time first; when it sits in the line's last instant (closer to the next
  // line than a link can write), a finer start in the same line leaves room for the end.
  const firstEnd = lines[first + 1]?.start ?? Infinity
  const from = lines[first]?.start ?? start
  const starts = [start, ...SCALES.map((scale) => ceilTo(from, scale)).filter((s) => s < firstEnd && s !== start)]
  for (const s of starts) {
    const above = Math.max(s, lastLine.start)
    for (const scale of SCALES) {
      const value = floorTo(after.start, scale)
      if (value > above) return { start: s, end: value }
    }
  }
  return { start, end: after.start }
}

const SCALES = [1, 10, 100, 1000]

/** The largest k / scale (as the double `Number('k-as-decimal')` gives) that is <= x. */
function floorTo(x: number, scale: number): number {
  if (!(Math.abs(x * scale) < 2 ** 52)) return Math.floor(x)
  let k = Math.floor(x * scale)
  while (k / scale > x) k--
  while ((k + 1) / scale <= x) k++
  return k / scale
}
