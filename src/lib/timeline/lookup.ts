/**
 * Lookups on a built timeline: which line / chapter is active at a playback
 * time, and the time to write in a line's share link.
 *
 * Lines' starts are strictly increasing (see `buildTimeline`), which is what
 * makes "the last line whose start <= t" well defined.
 */
import type { Chapter, Timeline } from '../episode/types.ts'
import { timelineEnd } from './timeline.ts'

/**
 * Index of the active line at `seconds`, by binary search (O(log n)).
 *
 * Boundary rule: the active line is the last line whose start <= seconds.
 * Exactly at a line's start, that line is active. Before the first line's
 * start, for NaN, or with no lines: -1. After the last line's start (however
 * far, Infinity included): the last line.
 */
export function lineAt(timeline: Timeline, seconds: number): number {
  return lastStartingBy(timeline.lines, seconds)
}

/**
 * Index of the last item whose `start` is at or before `seconds`, by binary search over items
 * whose starts never decrease; -1 when none (and for NaN, which compares false).
 */
function lastStartingBy(items: readonly { start: number }[], seconds: number): number {
  let lo = 0
  let hi = items.length
  // Invariant: items[0..lo) start <= seconds, items[hi..) start > seconds.
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    const item = items[mid]
    if (item !== undefined && item.start <= seconds) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/**
 * Same result as {@link lineAt}, faster during playback: tries `hint` (the
 * line active at the previous tick) and `hint + 1` before a binary search.
 * Any hint is accepted; a wrong or out-of-range one only costs the search.
 */
export function lineAtFrom(timeline: Timeline, seconds: number, hint: number): number {
  const lines = timeline.lines
  for (const i of [hint, hint + 1]) {
    const line = lines[i]
    if (line === undefined || !(line.start <= seconds)) continue
    const next = lines[i + 1]
    if (next === undefined || next.start > seconds) return i
  }
  return lineAt(timeline, seconds)
}

/**
 * Index of the chapter playing at `seconds`: the last chapter whose start is
 * at or before `seconds`, or -1. Chapters start where their first line starts
 * (the first one at 0 when it opens the transcript), so this is the active
 * line's `chapter` whenever a line is active (see {@link lineAt}), and the
 * opening chapter before the first line.
 */
export function chapterAt(timeline: Timeline, seconds: number): number {
  return lastStartingBy(timeline.chapters, seconds)
}

/**
 * How long the episode runs, for the clock and the progress display: the
 * later of its stated duration and the end of its transcript (real files
 * often state a duration that ends before their last lines).
 */
export function episodeLength(timeline: Timeline, statedSec: number | undefined): number {
  return Math.max(statedSec ?? 0, timelineEnd(timeline))
}

/**
 * The time to put in a chapter's share link: 0 for a chapter that opens the
 * transcript at 0, else its first line's share time ({@link lineShareTime}).
 */
export function chapterShareTime(timeline: Timeline, chapter: Chapter): number {
  if (chapter.firstLine < 0 || chapter.start < (timeline.lines[chapter.firstLine]?.start ?? 0)) return chapter.start
  return lineShareTime(timeline, chapter.firstLine)
}

/**
 * The time to put in line `i`'s share link: the line's start rounded UP to
 * the fewest decimals (0, then 1, 2, 3) such that `lineAt` gives back `i`,
 * i.e. the value is >= the line's start and < the next line's start.
 * `formatTimeParam` writes it exactly, and `parseTime` reads it back exactly.
 *
 * When the next line starts less than a millisecond after (only with
 * degenerate data) no such value exists: the exact start is returned, which
 * `lineAt` maps to `i` but a 3-decimal link cannot carry.
 *
 * @throws RangeError when `i` is not the index of a line.
 */
export function lineShareTime(timeline: Timeline, i: number): number {
  const line = timeline.lines[i]
  if (line === undefined) throw new RangeError(`No line ${i} in a timeline of ${timeline.lines.length} lines`)
  const from = line.start
  const until = timeline.lines[i + 1]?.start ?? Infinity
  for (const scale of [1, 10, 100, 1000]) {
    const value = ceilTo(from, scale)
    if (value < until) return value
  }
  return from
}

/**
 * The smallest k / scale (as a double, the same one `Number('k-as-decimal')`
 * gives) that is >= x. `Math.ceil(x * scale)` alone can be off by one when
 * the product rounds across an integer, so correct it both ways.
 * Terminates: k moves at most one step each way for |x × scale| < 2^52.
 */
export function ceilTo(x: number, scale: number): number {
  // Beyond 2^52 doubles have no fractional part (and k + 1 may equal k).
  if (!(Math.abs(x * scale) < 2 ** 52)) return Math.ceil(x)
  let k = Math.ceil(x * scale)
  while (k / scale < x) k++
  while ((k - 1) / scale >= x) k--
  return k / scale
}

/**
 * With a filter that keeps only some lines (`kept`, ascending indexes), the
 * kept line that stands for line `i`: `i` itself when kept, else the last
 * kept line before it, else the first kept line after it; -1 when nothing is
 * kept or `i` is -1.
 */
export function nearestKept(kept: readonly number[], i: number): number {
  if (i < 0 || kept.length === 0) return -1
  let lo = 0
  let hi = kept.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((kept[mid] ?? Infinity) <= i) lo = mid + 1
    else hi = mid
  }
  return kept[lo - 1] ?? kept[0] ?? -1
}
