/**
 * Reading the `transcript:` list item by item: `{header}` items (chapters) and `{line, sec, time,
 * who}` items, each checked on its own. A bad item is reported at its line and left out; a field
 * that can be read another way (a `sec` written as text) is read, with a warning.
 */
import type { SourceHeader, SourceItem, SourceLine } from '../lib/episode/types.ts'
import { formatTime, parseTime } from '../lib/time/time.ts'
import { checkSpeakerName } from './clean-text.ts'
import { typeName, type Reporter } from './reporter.ts'

/** A written `time` further than this from `sec` is reported. */
const TIME_TOLERANCE_SEC = 1

type Path = (string | number)[]

/** Speaker names that need a warning, collected so each name as written is reported once. */
type WhoNotes = Map<string, { path: Path; index: number; warning: string; count: number }>

/** Validates `transcript` item by item. Returns the items, with their file lines. */
export function readTranscript(raw: unknown, r: Reporter): SourceItem[] | undefined {
  if (raw === undefined || raw === null) return undefined
  if (!Array.isArray(raw)) {
    r.error(
      ['transcript'],
      `field "transcript" must be a list of {header} and {line, sec, time, who} items, not ${typeName(raw)}`,
    )
    return []
  }
  const items: SourceItem[] = []
  const whoNotes: WhoNotes = new Map()
  raw.forEach((item: unknown, i) => {
    const read = readItem(item, i, r, whoNotes)
    if (read) items.push(read)
  })
  for (const n of whoNotes.values())
    r.warn(
      n.path,
      `transcript[${n.index}].who ${n.warning}${n.count > 1 ? ` (the same in ${n.count - 1} later line${n.count > 2 ? 's' : ''})` : ''}`,
    )
  return items
}

/** One item of the list, or undefined when it is left out (reported). */
function readItem(item: unknown, i: number, r: Reporter, whoNotes: WhoNotes): SourceItem | undefined {
  const path = ['transcript', i]
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    r.error(path, `transcript[${i}] must be a mapping with "header" or "line", not ${typeName(item)}`)
    return undefined
  }
  const rec = item as Record<string, unknown>
  const hasHeader = 'header' in rec
  const hasLine = 'line' in rec
  if (hasHeader && hasLine) {
    r.error(path, `transcript[${i}] has both "header" and "line": split it into two items`)
    return undefined
  }
  if (hasHeader) return readHeader(rec.header, i, r)
  if (!hasLine) {
    r.error(path, `transcript[${i}] has neither "header" nor "line"`)
    return undefined
  }
  return readLine(rec, i, r, whoNotes)
}

function readHeader(h: unknown, i: number, r: Reporter): SourceHeader | undefined {
  const path = ['transcript', i, 'header']
  if (typeof h !== 'string' && typeof h !== 'number') {
    r.error(path, `field "transcript[${i}].header" must be text, not ${typeName(h)}`)
    return undefined
  }
  const title = String(h).trim()
  if (!title) {
    r.warn(path, `transcript[${i}].header is empty; the chapter is skipped`)
    return undefined
  }
  return { kind: 'header', title, srcLine: r.lineOf(['transcript', i]) }
}

function readLine(rec: Record<string, unknown>, i: number, r: Reporter, whoNotes: WhoNotes): SourceLine | undefined {
  const path = ['transcript', i]
  const text = rec.line
  if (typeof text !== 'string' && typeof text !== 'number') {
    r.error([...path, 'line'], `field "transcript[${i}].line" must be text, not ${typeName(text)}`)
    return undefined
  }
  const line: SourceLine = { kind: 'line', text: String(text).trim(), srcLine: r.lineOf(path) }
  if (!line.text) {
    r.warn([...path, 'line'], `transcript[${i}].line is empty; the line is skipped`)
    return undefined
  }
  const ok = readSec(rec.sec, line, i, r) && readTime(rec.time, line, i, r) && readWho(rec.who, line, i, r, whoNotes)
  return ok ? line : undefined
}

/** `sec`: a number of seconds, or text that reads as a time (with a warning). False when it is an error. */
function readSec(sec: unknown, line: SourceLine, i: number, r: Reporter): boolean {
  if (sec === undefined || sec === null) return true
  const path = ['transcript', i, 'sec']
  if (typeof sec === 'number' && Number.isFinite(sec) && sec >= 0) {
    line.sec = sec
    return true
  }
  const parsed = typeof sec === 'string' ? parseTime(sec) : undefined
  if (parsed === undefined) {
    r.error(path, `field "transcript[${i}].sec" must be a number of seconds (0 or more), not ${typeName(sec)}`)
    return false
  }
  line.sec = parsed
  r.warn(
    path,
    `field "transcript[${i}].sec" should be a number of seconds, not text ${JSON.stringify(sec)}; read as ${String(parsed)}`,
  )
  return true
}

/** `time`: the written time, kept as written; one that is not a time, or disagrees with `sec`, is reported. */
function readTime(time: unknown, line: SourceLine, i: number, r: Reporter): boolean {
  if (time === undefined || time === null) return true
  const path = ['transcript', i, 'time']
  if (typeof time !== 'string' && typeof time !== 'number') {
    r.error(path, `field "transcript[${i}].time" must be text like "1:02:28", not ${typeName(time)}`)
    return false
  }
  const written = String(time).trim()
  const parsed = parseTime(written)
  if (parsed === undefined) {
    r.warn(
      path,
      `transcript[${i}].time ${JSON.stringify(written)} is not a time; ${line.sec !== undefined ? `sec ${line.sec} is used` : 'the start is estimated'}`,
    )
    return true
  }
  line.time = written
  if (line.sec !== undefined && Math.abs(parsed - line.sec) > TIME_TOLERANCE_SEC) {
    r.warn(
      path,
      `transcript[${i}].time ${JSON.stringify(written)} disagrees with sec ${line.sec} (${formatTime(line.sec)}); sec is used`,
    )
  }
  return true
}

/** `who`: the speaker's name, checked (a name that is not a name is noted once per spelling). */
function readWho(who: unknown, line: SourceLine, i: number, r: Reporter, whoNotes: WhoNotes): boolean {
  if (who === undefined || who === null) return true
  const path = ['transcript', i, 'who']
  if (typeof who !== 'string' && typeof who !== 'number') {
    r.error(path, `field "transcript[${i}].who" must be a name, not ${typeName(who)}`)
    return false
  }
  const written = String(who)
  const checked = checkSpeakerName(written)
  if (checked.warning) {
    // Once per name as written, at its first line: a file that writes `Alexey:` throughout gets one warning.
    const note = whoNotes.get(written)
    if (note) note.count++
    else whoNotes.set(written, { path, index: i, warning: checked.warning, count: 1 })
  }
  if (checked.name) line.who = checked.name
  return true
}
