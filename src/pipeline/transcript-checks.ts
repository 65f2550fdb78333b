/**
 * Warnings about a transcript as a whole, once its items are read and its timeline built:
 * speaker names that look like misspellings of a frequent one, timestamps the timeline could
 * not use, and a first line without a speaker.
 */
import type { SourceItem, Timeline } from '../lib/episode/types.ts'
import type { OutOfOrder } from '../lib/timeline/timeline.ts'
import { formatTime } from '../lib/time/time.ts'
import { likelyMisspellings } from './clean-text.ts'
import type { Reporter } from './reporter.ts'

/** A speaker written once or twice, close to a frequent one: "did you mean Alexey?". */
export function checkSpeakers(items: readonly SourceItem[], r: Reporter, fallbackLine: number): void {
  const counts = new Map<string, number>()
  const firstUse = new Map<string, number>()
  for (const it of items) {
    if (it.kind !== 'line' || !it.who) continue
    counts.set(it.who, (counts.get(it.who) ?? 0) + 1)
    if (!firstUse.has(it.who)) firstUse.set(it.who, it.srcLine ?? fallbackLine)
  }
  for (const [name, frequent] of likelyMisspellings(counts)) {
    const n = counts.get(name) ?? 0
    r.at(
      firstUse.get(name) ?? fallbackLine,
      'warning',
      `speaker ${JSON.stringify(name)} (${n} line${n === 1 ? '' : 's'}) is close to ${JSON.stringify(frequent)} (${counts.get(frequent)} lines): did you mean ${frequent}?`,
    )
  }
}

const WHY: Record<OutOfOrder['reason'], string> = {
  order: 'is out of order with the times around it (a typo?)',
  zero: 'is 0 but lines come before it',
  invalid: 'is not a usable time (negative, or more than 115 days)',
  crowded: 'is too close to the time before it to fit the lines between',
}

/** Each written time the timeline set aside, with the start it estimated instead. */
export function checkTimes(timeline: Timeline, outOfOrder: readonly OutOfOrder[], r: Reporter): void {
  for (const o of outOfOrder) {
    const line = timeline.lines[o.line]
    const estimate = `this line's start is estimated as ${formatTime(line?.start ?? 0)}`
    const written = `timestamp sec ${o.sec}${Number.isFinite(o.sec) && o.sec >= 0 && o.sec < 360_000 ? ` (${formatTime(o.sec)})` : ''}`
    r.at(o.srcLine ?? 1, 'warning', `${written} ${WHY[o.reason]}; ${estimate}`)
  }
}

/** A transcript that opens with a nameless line shows it without a name: worth a warning. */
export function checkFirstSpeaker(items: readonly SourceItem[], timeline: Timeline, r: Reporter): void {
  const firstLine = timeline.lines[0]
  if (!firstLine || firstLine.speaker !== undefined) return
  const src = items.find((it) => it.kind === 'line')
  r.at(
    src?.srcLine ?? 1,
    'warning',
    'the transcript starts with a line that has no speaker ("who"); it shows without a name',
  )
}
