/**
 * Build the timeline of an episode: a start for every transcript line, the
 * resolved speaker, and where each chapter starts.
 *
 * Written times in real files are incomplete and sometimes wrong: lines with
 * no time, several paragraphs sharing one time, times that go backwards. The
 * rules below keep as many written times as possible ("anchors") and estimate
 * the rest from text length, so that starts are always strictly increasing.
 */
import { longestNonDecreasing } from './longest-run.ts'
import type { Chapter, SourceItem, SourceLine, TimedLine, Timeline } from '../episode/types.ts'

/** Assumed speaking rate, in characters per second, where no written time bounds a line. */
export const SPEAKING_RATE = 15

/**
 * Largest written `sec` accepted as an anchor (about 115 days). Larger values
 * are certainly typos, and bounding them keeps every computed start finite.
 */
export const MAX_WRITTEN_SEC = 10_000_000

/**
 * Why a written time was not used:
 * - `order`: it breaks the order of the other written times;
 * - `zero`: it is 0 but lines come before it (they need room before it);
 * - `invalid`: negative, not finite, or above {@link MAX_WRITTEN_SEC};
 * - `crowded`: too close to the previous written time for the lines between
 *   to get distinct floating-point starts (only with absurdly close times).
 */
export type OutOfOrderReason = 'order' | 'zero' | 'invalid' | 'crowded'

/** A written time that was rejected; the line's start is estimated instead. */
export interface OutOfOrder {
  /** Index of the line among lines (as in `TimedLine.index`). */
  line: number
  /** The written time that was rejected. */
  sec: number
  /** 1-based line in the episode file, when known. */
  srcLine?: number
  reason: OutOfOrderReason
}

export interface BuildResult {
  timeline: Timeline
  /** Rejected written times, in line order. The build warns for each. */
  outOfOrder: OutOfOrder[]
}

/** Weight of a line for proportional spreading: its text length, at least 1. */
export function lineWeight(text: string): number {
  return Math.max(1, text.length)
}

/**
 * Build the timeline from validated items. Never throws.
 *
 * 1. Anchors. Lines whose written `sec` is finite and in [0, MAX_WRITTEN_SEC]
 *    are candidates (others are reported `invalid`). The longest
 *    non-decreasing subsequence of their times is kept; on ties, the
 *    lexicographically smallest sequence of line indices is kept (earlier
 *    lines win). The others are reported `order`. In a run of kept times with
 *    the same value, only the first is an anchor; the rest are estimated and
 *    not reported. If the first anchor is 0 and lines come before it, it is
 *    reported `zero` and dropped.
 * 2. Between anchors a (time Ta) and b (time Tb), line k starts at
 *    Ta + (Tb − Ta) × W(a..k−1) / W(a..b−1), where W sums line weights
 *    ({@link lineWeight}); so each start lies strictly between its neighbours.
 * 3. Before the first anchor, lines spread the same way over [0, T_first)
 *    (the first line starts at 0). After the last anchor, or everywhere when
 *    there is none, each line lasts weight / {@link SPEAKING_RATE} seconds,
 *    counting from the last anchor (or from 0).
 * 4. `estimated` is true for every line that is not an anchor, i.e. whose
 *    start is not exactly its written `sec`. `time` keeps the written display
 *    string.
 * 5. Speaker: the line's `who` (trimmed, non-empty), else the speaker of the
 *    line before (across chapters), else undefined.
 * 6. Chapters, as a listener reads them: a header directly followed by another
 *    header or by the end of the transcript has no lines of its own and is not
 *    a chapter (it is dropped: real files open with "Podcast Introduction"
 *    right before "Guest Introduction"). Every chapter has a `firstLine`, the
 *    line right after its header, and starts where that line starts, mirroring
 *    its `estimated`, except the first chapter when it opens the transcript
 *    (no line before it): it starts at 0, not estimated, so it covers the
 *    start of the video. A line's `chapter` is the last header before it (a
 *    kept one, since a line follows it), or -1.
 *
 * Starts are finite, >= 0 and strictly increasing along the lines. In the
 * floating-point corner where two written times are too close for that
 * (`crowded`), the later anchor is dropped and starts nudged up by one ulp.
 */
export function buildTimeline(items: readonly SourceItem[]): BuildResult {
  const lines: SourceLine[] = []
  for (const item of items) if (item.kind === 'line') lines.push(item)
  const n = lines.length

  // prefix[k] = total weight of lines 0..k-1 (integers, exact).
  const prefix = new Array<number>(n + 1)
  prefix[0] = 0
  for (let k = 0; k < n; k++) prefix[k + 1] = at(prefix, k) + lineWeight(at(lines, k).text)

  const outOfOrder: OutOfOrder[] = []
  const report = (k: number, reason: OutOfOrderReason): void => {
    const line = at(lines, k)
    const entry: OutOfOrder = { line: k, sec: line.sec ?? NaN, reason }
    if (line.srcLine !== undefined) entry.srcLine = line.srcLine
    outOfOrder.push(entry)
  }

  // --- 1. Anchors -----------------------------------------------------------
  const candidates: number[] = [] // line indices with a usable written time
  for (let k = 0; k < n; k++) {
    const sec = at(lines, k).sec
    if (sec === undefined) continue
    if (isUsableSec(sec)) candidates.push(k)
    else report(k, 'invalid')
  }
  const keptPositions = new Set(longestNonDecreasing(candidates.map((k) => at(lines, k).sec ?? 0)))

  const anchors: number[] = [] // line indices, strictly increasing written times
  let lastKept: number | undefined
  candidates.forEach((k, pos) => {
    if (!keptPositions.has(pos)) {
      report(k, 'order')
      return
    }
    const sec = secOf(lines, k)
    // Same value as the previous kept time: a turn split into paragraphs;
    // only the first paragraph holds the written time.
    if (sec !== lastKept) anchors.push(k)
    lastKept = sec
  })

  // A first anchor at 0 leaves no room for the lines before it: drop it. After
  // the collapse above anchors strictly increase, so the next one is > 0 and
  // no repeat is needed.
  const head = anchors[0]
  if (head !== undefined && head > 0 && secOf(lines, head) === 0) {
    report(head, 'zero')
    anchors.shift()
  }

  // --- 2, 3. Starts ----------------------------------------------------------
  const start = new Array<number>(n).fill(0)
  const isAnchor = new Array<boolean>(n).fill(false)
  for (const k of anchors) isAnchor[k] = true

  const first = anchors[0]
  if (first === undefined) {
    for (let k = 0; k < n; k++) start[k] = at(prefix, k) / SPEAKING_RATE
  } else {
    // Before the first anchor: as if an anchor at 0 stood on line 0.
    spread(start, prefix, 0, 0, first, secOf(lines, first))
    for (let j = 0; j + 1 < anchors.length; j++) {
      const a = at(anchors, j)
      const b = at(anchors, j + 1)
      spread(start, prefix, a, secOf(lines, a), b, secOf(lines, b))
    }
    const last = at(anchors, anchors.length - 1)
    const lastSec = secOf(lines, last)
    for (let k = last; k < n; k++) {
      start[k] = lastSec + (at(prefix, k) - at(prefix, last)) / SPEAKING_RATE
    }
  }

  // Floating-point safety net: with sane data every start is already above
  // the one before; only absurdly close written times can tie.
  for (let k = 1; k < n; k++) {
    const prev = at(start, k - 1)
    if (at(start, k) > prev) continue
    if (isAnchor[k]) {
      isAnchor[k] = false
      report(k, 'crowded')
    }
    start[k] = nextUp(prev)
  }

  outOfOrder.sort((x, y) => x.line - y.line)

  // --- 4, 5, 6. Lines and chapters ------------------------------------------
  const timedLines: TimedLine[] = []
  const chapters: Chapter[] = []
  let pending: string | undefined // the header right above the next line, if any
  let speaker: string | undefined
  for (const item of items) {
    if (item.kind === 'header') {
      // A header followed by another one has no lines: the later one wins.
      pending = item.title
      continue
    }
    const k = timedLines.length
    const lineStart = at(start, k)
    const estimated = !isAnchor[k]
    const who = item.who?.trim()
    if (who) speaker = who

    if (pending !== undefined) {
      const opens = k === 0 && chapters.length === 0
      chapters.push({
        index: chapters.length,
        title: pending,
        start: opens ? 0 : lineStart,
        estimated: opens ? false : estimated,
        firstLine: k,
      })
      pending = undefined
    }

    const line: TimedLine = { index: k, text: item.text, start: lineStart, estimated, chapter: chapters.length - 1 }
    if (speaker !== undefined) line.speaker = speaker
    if (item.time !== undefined) line.time = item.time
    timedLines.push(line)
  }
  // A header after the last line has no lines either: dropped.

  return { timeline: { lines: timedLines, chapters }, outOfOrder }
}

/**
 * Where the transcript ends: the last line's start plus its length at
 * {@link SPEAKING_RATE} (the same rule that times lines after the last written
 * time); 0 with no lines.
 */
export function timelineEnd(timeline: Timeline): number {
  const last = timeline.lines[timeline.lines.length - 1]
  return last ? last.start + lineWeight(last.text) / SPEAKING_RATE : 0
}

/** A written time that can be an anchor: finite, in [0, MAX_WRITTEN_SEC]. */
function isUsableSec(sec: number): boolean {
  return typeof sec === 'number' && Number.isFinite(sec) && sec >= 0 && sec <= MAX_WRITTEN_SEC
}

/**
 * Starts for lines from..to−1, spread over [t0, t1) in proportion to weight:
 * line k gets t0 + (t1 − t0) × W(from..k−1) / W(from..to−1). Nothing when
 * from >= to. Multiplying before dividing keeps simple cases exact.
 */
function spread(start: number[], prefix: number[], from: number, t0: number, to: number, t1: number): void {
  const total = at(prefix, to) - at(prefix, from)
  for (let k = from; k < to; k++) {
    start[k] = t0 + ((t1 - t0) * (at(prefix, k) - at(prefix, from))) / total
  }
}

/** The written time of line k, known to be usable when called (a written -0 reads as 0). */
function secOf(lines: readonly SourceLine[], k: number): number {
  return (at(lines, k).sec ?? 0) + 0
}

/** Indexed read for indices known to be in range (keeps strict index checks honest). */
function at<T>(array: readonly T[], i: number): T {
  return array[i] as T
}

const f64 = new Float64Array(1)
const u64 = new BigUint64Array(f64.buffer)

/** The next double above x, for finite x >= 0. */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE
  f64[0] = x
  u64[0] = (u64[0] ?? 0n) + 1n
  return f64[0] ?? x
}
