/**
 * Time ranges on the episode clock: a quote (`?t=START,END`, the W3C media-fragment form), a key
 * moment, a selection of lines. Named `TimeRange` to keep it apart from text ranges (search
 * marks, `src/lib/search/highlight.ts`). Pure functions; none throws.
 *
 * A range is half-open, [start, end): it holds the instants from `start` up to, not including,
 * `end`, and always has `end > start`.
 */
import { formatTime, formatTimeParam, parseTime } from './time.ts'

export interface TimeRange {
  /** Seconds, >= 0. */
  start: number
  /** Seconds, > start. */
  end: number
}

/** What a `t` parameter asks for: a start, and an end when it is a usable range. */
export interface TimeParam {
  start?: number
  range?: TimeRange
}

/**
 * Reads a `t` parameter: `3748`, `1:02:28`, `1h2m28s`, or a range `START,END` with each end in
 * any of those forms (`1:02:28,1:03:10`, `3748,62m10s`), optionally with the media-fragment
 * prefix `npt:`. An empty start means 0 (`,20`). Never an error:
 *
 * - a valid range (both ends readable, end after start) gives `start` and `range`;
 * - a range whose end is missing, unreadable, equal to or before the start gives `start` alone;
 * - an unreadable start gives nothing (the episode opens at its start).
 */
export function parseTimeParam(raw: string | null | undefined): TimeParam {
  if (typeof raw !== 'string') return {}
  let s = raw.trim()
  if (/^npt:/i.test(s)) s = s.slice(4)
  const comma = s.indexOf(',')
  if (comma < 0) {
    const start = parseTime(s)
    return start === undefined ? {} : { start }
  }
  const startText = s.slice(0, comma).trim()
  const start = startText === '' ? 0 : parseTime(startText)
  if (start === undefined) return {}
  const end = parseTime(s.slice(comma + 1))
  if (end === undefined || !(end > start)) return { start }
  return { start, range: { start, end } }
}

/**
 * A usable range from any two numbers, or undefined: both finite, start >= 0, end > start.
 */
export function timeRange(start: number, end: number): TimeRange | undefined {
  if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0 || !(end > start)) return undefined
  return { start: start === 0 ? 0 : start, end }
}

/**
 * The `t` value of a range: `3748,3790.5` (each end as {@link formatTimeParam} writes it).
 * Round trip: for ends with at most 3 decimals, `parseTimeParam(formatRangeParam(r)).range`
 * equals `r`.
 */
export function formatRangeParam(range: TimeRange): string {
  return `${formatTimeParam(range.start)},${formatTimeParam(range.end)}`
}

/** For people: `1:02:28–1:03:10`. */
export function formatRange(range: TimeRange): string {
  return `${formatTime(range.start)}–${formatTime(range.end)}`
}

/**
 * A range kept within an episode of `length` seconds (0 when unknown: no limit), or undefined
 * when it starts past the end. An end past the end is brought back to it.
 */
export function clampRange(range: TimeRange, length: number): TimeRange | undefined {
  if (!(length > 0)) return range
  if (range.start >= length) return undefined
  return timeRange(range.start, Math.min(range.end, length))
}

/**
 * Whether playing from `previous` to `now` (two successive clock readings) crossed the stop
 * time `stopAt`: the one rule that decides when a quote pauses. A jump far past the stop (the
 * player's own scrubber, a seek) is not crossing it: the listener went elsewhere.
 */
export function crossedStop(previous: number, now: number, stopAt: number, maxStep = 2): boolean {
  return previous < stopAt && now >= stopAt && now - stopAt <= maxStep
}
