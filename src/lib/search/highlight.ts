/**
 * Highlight ranges and snippet windows. A range is `[start, end)` in UTF-16 code units
 * of the text it belongs to (what `String#slice` takes).
 */

export type Range = [number, number]

/** Sorted, with overlapping or touching ranges merged and empty ones dropped. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter(([s, e]) => e > s)
  // Usually already in order (words are found left to right): sorting would only allocate.
  let inOrder = true
  for (let i = 1; i < sorted.length && inOrder; i++) inOrder = (sorted[i - 1]?.[0] ?? 0) <= (sorted[i]?.[0] ?? 0)
  if (!inOrder) sorted.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const out: Range[] = []
  for (const [s, e] of sorted) {
    const last = out[out.length - 1]
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else out.push([s, e])
  }
  return out
}

/** The parts of `ranges` inside `[from, to)`, shifted so that `from` is 0. */
export function clipRanges(ranges: readonly Range[], from: number, to: number): Range[] {
  const out: Range[] = []
  for (const [s, e] of ranges) {
    const cs = Math.max(s, from)
    const ce = Math.min(e, to)
    if (ce > cs) out.push([cs - from, ce - from])
  }
  return out
}

export interface Snippet {
  /** A window of the text, cut at spaces where possible. */
  text: string
  /** Where the window starts in the full text. */
  offset: number
  /** True when text was left out before / after the window (show an ellipsis). */
  clippedStart: boolean
  clippedEnd: boolean
  /** Highlight ranges relative to `text`. */
  ranges: Range[]
}

export interface SnippetOptions {
  /** Target window length in code units. */
  width?: number
  /** How much text to keep before the first highlighted range. */
  lead?: number
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

/**
 * A window of about `width` characters around the highlighted ranges: the window that
 * holds the most ranges, starting a little before the first of them, moved to word
 * boundaries. Texts not much longer than `width` are kept whole.
 */
export function snippet(text: string, ranges: readonly Range[], options: SnippetOptions = {}): Snippet {
  const width = options.width ?? 160
  const lead = options.lead ?? 40
  const slack = 20
  if (text.length <= width + slack) {
    return { text, offset: 0, clippedStart: false, clippedEnd: false, ranges: clipRanges(ranges, 0, text.length) }
  }
  // The window start (before snapping) that covers the most ranges, earliest on ties.
  let from = 0
  let bestCount = -1
  for (const [s] of ranges) {
    const start = Math.max(0, Math.min(s - lead, text.length - width))
    let count = 0
    for (const [rs, re] of ranges) if (rs >= start && re <= start + width) count++
    if (count > bestCount) {
      bestCount = count
      from = start
    }
  }
  let to = Math.min(text.length, from + width)
  // Snap to spaces: start after one, end before one, when one is close.
  if (from > 0) {
    const firstRange = ranges.find(([s]) => s >= from)
    const limit = Math.min(from + slack, firstRange ? firstRange[0] : from + slack)
    for (let i = from; i < limit; i++) {
      if (isSpace(text.charCodeAt(i))) {
        from = i + 1
        break
      }
    }
  }
  if (to < text.length) {
    for (let i = to; i > to - slack && i > from; i--) {
      if (isSpace(text.charCodeAt(i))) {
        to = i
        break
      }
    }
  }
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--
  // Leading and trailing spaces are of no use in a snippet.
  while (from < to && isSpace(text.charCodeAt(from))) from++
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--
  return {
    text: text.slice(from, to),
    offset: from,
    clippedStart: from > 0,
    clippedEnd: to < text.length,
    ranges: clipRanges(ranges, from, to),
  }
}
