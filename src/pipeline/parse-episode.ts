/**
 * The build-time episode pipeline for one file: front matter → YAML →
 * schema → transcript items → timeline → the typed `EpisodeData` the
 * browser receives. Never throws: every problem becomes a `Problem` that
 * names the file, the line in it and the field.
 */
import type { z } from 'zod'
import type { EpisodeData, EpisodeLink, EpisodeMeta, SourceItem, SourceLine } from '../lib/episode/types.ts'
import { episodeLength } from '../lib/timeline/lookup.ts'
import { buildTimeline } from '../lib/timeline/timeline.ts'
import { formatTime, parseIsoDuration, parseTime } from '../lib/time/time.ts'
import { checkSpeakerName, cleanText, likelyMisspellings } from './clean-text.ts'
import { splitFrontMatter } from './frontmatter.ts'
import { MAX_LINES, WARN_LINES } from './limits.ts'
import { readKeyMoments } from './key-moments.ts'
import { renderMarkdown } from './markdown.ts'
import type { Problem } from './problems.ts'
import { FrontMatter } from './schema.ts'
import { slugFor } from './slug.ts'
import { normaliseYoutubeId } from './youtube-id.ts'
import { YamlSource } from './yaml-source.ts'

export interface ParseResult {
  /** The episode, when the file has no errors. */
  episode?: EpisodeData
  problems: Problem[]
  /** Set when the file is deliberately not loaded (a draft). */
  skipped?: string
}

/**
 * `s11e03-x.md` → `s11e03-x`; a doubled `.md.md` loses both; other names follow the slug rule
 * (src/pipeline/slug.ts: `My Episode.md` → `my-episode`). A name that gives no slug gives `''`.
 */
export function slugFromFileName(fileName: string): string {
  const r = slugFor(fileName)
  return r.ok ? r.slug : ''
}

export function isDraft(fileName: string): boolean {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  return base.startsWith('_')
}

const LINK_ORDER = ['youtube', 'spotify', 'apple', 'anchor']
/** A written `time` further than this from `sec` is reported. */
const TIME_TOLERANCE_SEC = 1
const DATE = /^\d{4}-\d{2}-\d{2}$/

class Reporter {
  readonly problems: Problem[] = []
  constructor(
    private readonly file: string,
    private readonly source: YamlSource | undefined,
    private readonly yamlLine: number,
  ) {}

  /** The file line of the YAML value at `path`, or of its nearest existing parent. */
  lineOf(path: readonly (string | number)[]): number {
    return this.source ? this.source.lineOf(path) : this.yamlLine
  }

  at(line: number, severity: Problem['severity'], message: string): void {
    this.problems.push({ file: this.file, line, severity, message })
  }

  error(path: readonly (string | number)[], message: string): void {
    this.at(this.lineOf(path), 'error', message)
  }

  warn(path: readonly (string | number)[], message: string): void {
    this.at(this.lineOf(path), 'warning', message)
  }
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  )
}

function typeName(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  if (typeof v === 'object') return 'a mapping'
  if (typeof v === 'string') return `text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`
  return `${typeof v} ${String(v)}`
}

/** The schema's type names in the words of an episode file's author. */
const EXPECTED: Record<string, string> = {
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const field = fieldName(issue.path)
  let value: unknown = input
  for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey]
  if (issue.code === 'invalid_type') {
    if (value === undefined) return `missing required field "${field}"`
    return `field "${field}" must be ${EXPECTED[issue.expected] ?? `a ${issue.expected}`}, not ${typeName(value)}`
  }
  if (issue.code === 'too_small' && field === 'title') return 'field "title" must not be empty'
  if (issue.code === 'too_small') return `field "${field}" must not be negative (got ${String(value)})`
  return `field "${field}": ${issue.message}`
}

/** Validates `transcript` item by item. Returns the items, with their file lines. */
function readTranscript(raw: unknown, r: Reporter): SourceItem[] | undefined {
  if (raw === undefined || raw === null) return undefined
  if (!Array.isArray(raw)) {
    r.error(
      ['transcript'],
      `field "transcript" must be a list of {header} and {line, sec, time, who} items, not ${typeName(raw)}`,
    )
    return []
  }
  const items: SourceItem[] = []
  const whoNotes = new Map<string, { path: (string | number)[]; index: number; warning: string; count: number }>()
  raw.forEach((item: unknown, i) => {
    const path = ['transcript', i]
    const srcLine = r.lineOf(path)
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      r.error(path, `transcript[${i}] must be a mapping with "header" or "line", not ${typeName(item)}`)
      return
    }
    const rec = item as Record<string, unknown>
    const hasHeader = 'header' in rec
    const hasLine = 'line' in rec
    if (hasHeader && hasLine) {
      r.error(path, `transcript[${i}] has both "header" and "line": split it into two items`)
      return
    }
    if (hasHeader) {
      const h = rec.header
      if (typeof h === 'string' || typeof h === 'number') {
        const title = String(h).trim()
        if (title) items.push({ kind: 'header', title, srcLine })
        else r.warn([...path, 'header'], `transcript[${i}].header is empty; the chapter is skipped`)
      } else {
        r.error([...path, 'header'], `field "transcript[${i}].header" must be text, not ${typeName(h)}`)
      }
      return
    }
    if (!hasLine) {
      r.error(path, `transcript[${i}] has neither "header" nor "line"`)
      return
    }
    const text = rec.line
    if (typeof text !== 'string' && typeof text !== 'number') {
      r.error([...path, 'line'], `field "transcript[${i}].line" must be text, not ${typeName(text)}`)
      return
    }
    const line: SourceLine = { kind: 'line', text: String(text).trim(), srcLine }
    if (!line.text) {
      r.warn([...path, 'line'], `transcript[${i}].line is empty; the line is skipped`)
      return
    }
    const sec = rec.sec
    if (sec !== undefined && sec !== null) {
      if (typeof sec === 'number' && Number.isFinite(sec) && sec >= 0) line.sec = sec
      else if (typeof sec === 'string' && parseTime(sec) !== undefined) {
        line.sec = parseTime(sec)
        r.warn(
          [...path, 'sec'],
          `field "transcript[${i}].sec" should be a number of seconds, not text ${JSON.stringify(sec)}; read as ${String(line.sec)}`,
        )
      } else {
        r.error(
          [...path, 'sec'],
          `field "transcript[${i}].sec" must be a number of seconds (0 or more), not ${typeName(sec)}`,
        )
        return
      }
    }
    const time = rec.time
    if (time !== undefined && time !== null) {
      if (typeof time === 'string' || typeof time === 'number') {
        const written = String(time).trim()
        const parsed = parseTime(written)
        if (parsed === undefined) {
          r.warn(
            [...path, 'time'],
            `transcript[${i}].time ${JSON.stringify(written)} is not a time; ${line.sec !== undefined ? `sec ${line.sec} is used` : 'the start is estimated'}`,
          )
        } else {
          line.time = written
          if (line.sec !== undefined && Math.abs(parsed - line.sec) > TIME_TOLERANCE_SEC) {
            r.warn(
              [...path, 'time'],
              `transcript[${i}].time ${JSON.stringify(written)} disagrees with sec ${line.sec} (${formatTime(line.sec)}); sec is used`,
            )
          }
        }
      } else {
        r.error([...path, 'time'], `field "transcript[${i}].time" must be text like "1:02:28", not ${typeName(time)}`)
        return
      }
    }
    const who = rec.who
    if (who !== undefined && who !== null) {
      if (typeof who === 'string' || typeof who === 'number') {
        const written = String(who)
        const checked = checkSpeakerName(written)
        if (checked.warning) {
          // Once per name as written, at its first line: a file that writes `Alexey:` throughout gets one warning.
          const note = whoNotes.get(written)
          if (note) note.count++
          else whoNotes.set(written, { path: [...path, 'who'], index: i, warning: checked.warning, count: 1 })
        }
        if (checked.name) line.who = checked.name
      } else {
        r.error([...path, 'who'], `field "transcript[${i}].who" must be a name, not ${typeName(who)}`)
        return
      }
    }
    items.push(line)
  })
  for (const n of whoNotes.values())
    r.warn(
      n.path,
      `transcript[${n.index}].who ${n.warning}${n.count > 1 ? ` (the same in ${n.count - 1} later line${n.count > 2 ? 's' : ''})` : ''}`,
    )
  return items
}

function readLinks(raw: FrontMatter['links'], r: Reporter): EpisodeLink[] {
  const links: EpisodeLink[] = []
  for (const [kind, url] of Object.entries(raw ?? {})) {
    if (typeof url === 'string' && /^https?:\/\/\S+$/i.test(url.trim())) links.push({ kind, url: url.trim() })
    else r.warn(['links', kind], `links.${kind} is not an http(s) URL (${typeName(url)}); the link is left out`)
  }
  const rank = (k: string) => (LINK_ORDER.includes(k) ? LINK_ORDER.indexOf(k) : LINK_ORDER.length)
  return links.sort((a, b) => rank(a.kind) - rank(b.kind))
}

/** The spoken name matching a guest id (`tomaszhinc` → `Tomasz`), else a readable form of the id. */
function guestName(id: string, speakers: readonly string[]): string {
  const key = id.toLowerCase().replace(/[^a-z0-9]/g, '')
  const spoken = speakers.find((s) => {
    const first = (s.split(/\s+/)[0] ?? '')
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9]/g, '')
    return first.length >= 3 && key.startsWith(first)
  })
  return spoken ?? id
}

export interface ParseOptions {
  /** The name used in messages (defaults to the file name given). */
  displayName?: string
}

/** Parses and validates one episode file. Never throws. */
export function parseEpisodeFile(fileName: string, text: string, options: ParseOptions = {}): ParseResult {
  const file = options.displayName ?? fileName
  if (isDraft(fileName))
    return {
      problems: [{ file, line: 1, severity: 'note', message: 'draft (file name starts with "_"): skipped' }],
      skipped: 'draft',
    }
  try {
    return parseUnsafe(fileName, file, text)
  } catch (err) {
    // A bug in the pipeline must still not become a stack trace for the author.
    return {
      problems: [
        {
          file,
          line: 1,
          severity: 'error',
          message: `internal error while reading this file: ${err instanceof Error ? err.message : String(err)}`,
        },
      ],
    }
  }
}

/** Fields whose text is a title or a name: invisible characters are removed from them too. */
function isNameField(path: readonly (string | number)[]): boolean {
  const [top, , field] = path
  return (
    top === 'title' ||
    top === 'short' ||
    top === 'guests' ||
    (top === 'transcript' && (field === 'who' || field === 'header'))
  )
}

/** Removes control characters, bidi overrides and (in names) invisible characters from every text of the front matter. */
function cleanStrings(value: unknown, path: (string | number)[], r: Reporter): unknown {
  if (typeof value === 'string') {
    const cleaned = cleanText(value, { name: isNameField(path) })
    if (cleaned.removed.length) r.warn(path, `${fieldName(path)} contains ${cleaned.removed.join(' and ')}: removed`)
    return cleaned.text
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = cleanStrings(value[i], [...path, i], r)
    return value
  }
  if (value !== null && typeof value === 'object') {
    const rec = value as Record<string, unknown>
    for (const key of Object.keys(rec)) rec[key] = cleanStrings(rec[key], [...path, key], r)
    return rec
  }
  return value
}

/** The Markdown body without control characters and bidi overrides, each removal reported at its line. */
function cleanBody(body: string, bodyLine: number, r: Reporter): string {
  const lines = body.split('\n')
  return lines
    .map((line, i) => {
      const cleaned = cleanText(line)
      if (cleaned.removed.length)
        r.at(bodyLine + i, 'warning', `the body contains ${cleaned.removed.join(' and ')}: removed`)
      return cleaned.text
    })
    .join('\n')
}

function parseUnsafe(fileName: string, file: string, text: string): ParseResult {
  const slug = slugFor(fileName)
  if (!slug.ok) return { problems: [{ file, line: 1, severity: 'error', message: slug.message }] }
  const split = splitFrontMatter(text)
  if (!split.ok) return { problems: [{ file, line: split.line, severity: 'error', message: split.message }] }
  const { yaml, yamlLine, bodyLine } = split.value

  const source = new YamlSource(yaml, yamlLine)
  const r = new Reporter(file, source, yamlLine)
  const loaded = source.load()
  if (!loaded.ok) {
    for (const e of loaded.errors) r.at(e.line, 'error', e.message)
    return { problems: r.problems }
  }
  for (const w of loaded.warnings) r.at(w.line, 'warning', w.message)
  const data = loaded.data
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    r.at(
      yamlLine,
      'error',
      `front matter must be a mapping of fields (title, ids, transcript, ...), not ${typeName(data)}`,
    )
    return { problems: r.problems }
  }
  const record = cleanStrings(data, [], r) as Record<string, unknown>
  const body = cleanBody(split.value.body, bodyLine, r)
  if (slug.changed)
    r.at(
      1,
      'warning',
      `the file name is not a plain address: the episode is published as /episodes/${slug.slug} (see "Your own episodes" in README.md for the rule)`,
    )
  if (Array.isArray(record.transcript)) {
    source.confirmTranscriptLength(record.transcript.length)
    const n = record.transcript.length
    if (n > MAX_LINES) {
      r.error(
        ['transcript'],
        `the transcript has ${n} items; at most ${MAX_LINES} are published (the page would take too long to open): split the episode`,
      )
      return { problems: r.problems }
    }
    if (n > WARN_LINES)
      r.warn(['transcript'], `the transcript has ${n} items; above ${WARN_LINES}, the page is slow to open on a phone`)
  }

  const parsed = FrontMatter.safeParse(record)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) r.error(issue.path as (string | number)[], describeIssue(issue, record))
  }
  const items = readTranscript(record.transcript, r)
  if (!parsed.success || r.problems.some((p) => p.severity === 'error')) return { problems: r.problems }
  const fm = parsed.data

  const yt = normaliseYoutubeId(fm.ids.youtube)
  if (!yt.ok) {
    r.error(
      ['ids', 'youtube'],
      `ids.youtube ${JSON.stringify(fm.ids.youtube)} is not a YouTube video id (11 characters of A–Z, a–z, 0–9, "-" and "_") or a YouTube URL`,
    )
    return { problems: r.problems }
  }
  if (yt.normalised)
    r.warn(
      ['ids', 'youtube'],
      `ids.youtube ${JSON.stringify(fm.ids.youtube)} carries URL residue; read as the video id "${yt.id}"`,
    )

  if (items === undefined) r.warn([], 'no transcript: the episode loads with the video only')
  const counts = new Map<string, number>()
  const firstUse = new Map<string, number>()
  for (const it of items ?? []) {
    if (it.kind !== 'line' || !it.who) continue
    counts.set(it.who, (counts.get(it.who) ?? 0) + 1)
    if (!firstUse.has(it.who)) firstUse.set(it.who, it.srcLine ?? yamlLine)
  }
  for (const [name, frequent] of likelyMisspellings(counts)) {
    const n = counts.get(name) ?? 0
    r.at(
      firstUse.get(name) ?? yamlLine,
      'warning',
      `speaker ${JSON.stringify(name)} (${n} line${n === 1 ? '' : 's'}) is close to ${JSON.stringify(frequent)} (${counts.get(frequent)} lines): did you mean ${frequent}?`,
    )
  }
  const { timeline, outOfOrder } = buildTimeline(items ?? [])
  for (const o of outOfOrder) {
    const line = timeline.lines[o.line]
    const estimate = `this line's start is estimated as ${formatTime(line?.start ?? 0)}`
    const written = `timestamp sec ${o.sec}${Number.isFinite(o.sec) && o.sec >= 0 && o.sec < 360_000 ? ` (${formatTime(o.sec)})` : ''}`
    const why: Record<typeof o.reason, string> = {
      order: 'is out of order with the times around it (a typo?)',
      zero: 'is 0 but lines come before it',
      invalid: 'is not a usable time (negative, or more than 115 days)',
      crowded: 'is too close to the time before it to fit the lines between',
    }
    r.at(o.srcLine ?? 1, 'warning', `${written} ${why[o.reason]}; ${estimate}`)
  }
  const firstLine = timeline.lines[0]
  if (firstLine && firstLine.speaker === undefined) {
    const src = (items ?? []).find((it) => it.kind === 'line')
    r.at(
      src?.srcLine ?? 1,
      'warning',
      'the transcript starts with a line that has no speaker ("who"); it shows without a name',
    )
  }

  const speakers: string[] = []
  for (const l of timeline.lines) if (l.speaker && !speakers.includes(l.speaker)) speakers.push(l.speaker)
  const guests = fm.guests ?? []
  let date: string | undefined
  for (const key of ['dateadded', 'date'] as const) {
    const v = fm[key]
    if (v && !date) {
      if (DATE.test(v.trim())) date = v.trim()
      else r.warn([key], `${key} ${JSON.stringify(v)} is not a date like 2022-05-27; left out`)
    }
  }
  let durationSec: number | undefined
  if (fm.duration) {
    durationSec = parseIsoDuration(fm.duration)
    if (durationSec === undefined)
      r.warn(
        ['duration'],
        `duration ${JSON.stringify(fm.duration)} is not an ISO 8601 duration like PT01H05M09S; left out`,
      )
  }
  const lastLine = timeline.lines[timeline.lines.length - 1]
  if (durationSec === undefined && lastLine) durationSec = Math.ceil(lastLine.start)

  const meta: EpisodeMeta = {
    slug: slug.slug,
    title: fm.title.trim(),
    ...(fm.short ? { short: fm.short.trim() } : {}),
    ...(fm.season != null ? { season: fm.season } : {}),
    ...(fm.episode != null ? { episode: fm.episode } : {}),
    guests,
    guestNames: guests.map((g) => guestName(g, speakers)),
    speakers,
    youtubeId: yt.id,
    ...(date ? { date } : {}),
    ...(durationSec !== undefined ? { durationSec } : {}),
    topics: fm.topics ?? [],
    ...(fm.description ? { description: fm.description.trim() } : {}),
    lineCount: timeline.lines.length,
    chapterCount: timeline.chapters.length,
  }
  const clips = readKeyMoments(fm.quotableClips ?? [], yt.id, episodeLength(timeline, durationSec))
  for (const p of clips.problems) r.warn(['quotableClips', p.index, p.field], p.message)
  const episode: EpisodeData = {
    meta,
    ...(fm.intro ? { intro: fm.intro.trim() } : {}),
    links: readLinks(fm.links, r),
    bodyHtml: renderMarkdown(body),
    timeline,
    ...(clips.moments.length ? { moments: clips.moments } : {}),
  }
  return { episode, problems: r.problems.sort((a, b) => a.line - b.line) }
}
