/**
 * Caption and transcript files beside an episode file (build time, Node only): `<name>.vtt`,
 * `<name>.srt` or `<name>.json` (a Podcasting 2.0 transcript), and `<name>.chapters.json`
 * (Podcasting 2.0 chapters), read into the same transcript items as a YAML `transcript:`.
 * Never throws: every problem is a `Problem` at a line of the sidecar file.
 *
 * WebVTT is read by `webvtt-parser` (w3c/webvtt.js, the W3C validator's parser): it follows
 * the specification (BOM, CR/LF, cue settings, multi-line cues, NOTE and STYLE blocks, voice
 * tags and character references), reports each problem with its line, is synchronous, has no
 * dependencies and is 28 kB. Of the others compared, `media-captions` reads a BOM as a missing
 * header and merges SRT cues that lack a blank line, `subtitle` stops at the first NOTE or
 * STYLE block, `subsrt-ts` loses the first SRT cue after a BOM, and `@plussub/srt-vtt-parser`
 * fails on CR/LF with a BOM. SRT has no specification worth the name: it is turned into
 * WebVTT line for line (so line numbers hold) and read by the same parser.
 */
import { createRequire } from 'node:module'
import type { SourceItem, SourceLine } from '../lib/episode/types.ts'
import { roundMs } from '../lib/formats/export.ts'
import { formatTime } from '../lib/time/time.ts'
import { checkSpeakerName, cleanText } from './clean-text.ts'
import type { Problem } from './problems.ts'

export type SidecarKind = 'vtt' | 'srt' | 'json'

/** The transcript sidecar extensions, in the order they are looked for. */
export const SIDECAR_KINDS: readonly SidecarKind[] = ['vtt', 'srt', 'json']

/** The chapters file's suffix: `<name>.chapters.json`. */
export const CHAPTERS_SUFFIX = '.chapters.json'

/** One caption cue as read, before paragraphs are joined. */
export interface ReadCue {
  start: number
  end: number
  speaker?: string
  text: string
  /** 1-based line of the cue's timing (or segment) in the sidecar file. */
  line: number
}

export interface ReadChapter {
  start: number
  title: string
  line: number
}

export interface Read<T> {
  values: T[]
  problems: Problem[]
}

// --- WebVTT, through webvtt-parser ---------------------------------------------------------

interface VttNode {
  type: 'text' | 'object' | 'timestamp'
  name?: string
  value?: string
  children?: VttNode[]
}
interface VttCue {
  startTime: number
  endTime: number
  text: string
  tree: VttNode
}
interface VttParser {
  parse(input: string, mode?: string): { cues: VttCue[]; errors: { message: string; line: number; col?: number }[] }
}

const require = createRequire(import.meta.url)
// A CommonJS module without types: its shape is declared above.
const { WebVTTParser } = require('webvtt-parser') as { WebVTTParser: new (entities?: unknown) => VttParser }
/** Every named character reference of HTML, as the WebVTT specification reads them. */
const ENTITIES: unknown = require('webvtt-parser/html-entities.json')

/** A timing line, as the pre-scan sees it (the parser reads it properly). */
const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{1,2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{1,2}[.,]\d{1,3})/

function timestampMs(ts: string): number {
  const [main = '', frac = '0'] = ts.split(/[.,]/)
  const parts = main.split(':').map(Number)
  const [h, m, s] = parts.length === 3 ? parts : [0, ...parts]
  return ((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)) * 1000 + Number(frac.padEnd(3, '0'))
}

/** The parser's terse messages, in an author's words; settings and tags are only warnings. */
function vttProblem(message: string, lineText: string): { severity: Problem['severity']; message: string } | undefined {
  if (/^Start timestamp is not greater/.test(message)) return undefined // checked in source order below
  if (/^No valid signature/.test(message))
    return {
      severity: 'error',
      message: `not a WebVTT file: it must start with "WEBVTT"${TIMING.test(lineText) || /^\d+$/.test(lineText.trim()) ? ' (this looks like SRT: name it .srt)' : ''}`,
    }
  if (/^End timestamp is not greater/.test(message))
    return { severity: 'error', message: `the cue ends before it starts (${lineText.trim()})` }
  if (/setting|position|alignment|^Size|direction|Duplicate/i.test(message))
    return { severity: 'warning', message: `cue setting ignored: ${message}` }
  if (/tag|annotation|<v>/i.test(message)) return { severity: 'warning', message: `cue text: ${message}` }
  if (/Blank line missing before cue|No blank line after the signature/.test(message))
    return { severity: 'warning', message: message.replace(/\.$/, '') }
  if (/timestamp|digits|separator|seconds|minutes|time unit|Milliseconds/i.test(message))
    return { severity: 'error', message: `malformed cue timing: ${message.replace(/\.$/, '')} (${lineText.trim()})` }
  return { severity: 'error', message: message.replace(/\.$/, '') }
}

/** The text of a cue's tree (tags gone, references decoded) and its first voice's name. */
function flatten(node: VttNode, out: { text: string; voice?: string }): void {
  if (node.type === 'text') out.text += node.value ?? ''
  if (node.type === 'object' && node.name === 'v' && out.voice === undefined && node.value?.trim())
    out.voice = node.value.trim()
  for (const child of node.children ?? []) flatten(child, out)
}

/** `Alexey: text`, `Alexey Grigorev: text`, `Speaker 1: text`: a capitalised name of at most 4 words before a colon. */
const NAME_PREFIX = /^(\p{Lu}[\p{L}\p{M}'’.-]*(?: [\p{L}\p{M}\p{N}'’.-]+){0,3})\s*:\s+(\S[\s\S]*)$/u

/** Splits a `Name:` prefix off a cue's text, when it has one. */
export function splitSpeakerPrefix(text: string): { speaker?: string; text: string } {
  const m = NAME_PREFIX.exec(text)
  return m?.[1] && m[2] ? { speaker: m[1], text: m[2] } : { text }
}

/**
 * Reads WebVTT text. `lineOffset` shifts reported lines (SRT is read as WebVTT behind a
 * two-line header); `lineText` gives the original lines for messages.
 */
export function readVtt(file: string, text: string, lineOffset = 0, original?: readonly string[]): Read<ReadCue> {
  const problems: Problem[] = []
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const srcLines = original ?? lines
  const at = (line: number) => Math.max(1, line - lineOffset)
  const report = (line: number, severity: Problem['severity'], message: string) =>
    problems.push({ file, line: at(line), severity, message })

  let parsed: ReturnType<VttParser['parse']>
  try {
    parsed = new WebVTTParser(ENTITIES).parse(text)
  } catch (err) {
    report(1, 'error', `cannot read the captions: ${err instanceof Error ? err.message : String(err)}`)
    return { values: [], problems }
  }
  for (const e of parsed.errors) {
    const lineText = srcLines[at(e.line) - 1] ?? ''
    // Header lines such as YouTube's `Kind: captions` and `Language: en` are harmless.
    if (/^No blank line after the signature/.test(e.message) && /^[\w-]+:\s*\S/.test(lineText)) continue
    const p = vttProblem(e.message, lineText)
    if (!p) continue
    report(e.line, p.severity, p.message)
    // Without the signature nothing else the parser says is worth reading.
    if (/^not a WebVTT file/.test(p.message)) return { values: [], problems }
  }

  // Timing lines in source order: where each cue is, and whether cues go backwards.
  const timings = new Map<number, number[]>()
  let inNote = false
  let previous: { ms: number; line: number } | undefined
  lines.forEach((l, i) => {
    if (l.trim() === '') inNote = false
    else if (/^(NOTE|STYLE|REGION)($|[ \t])/.test(l)) inNote = true
    const m = inNote ? null : TIMING.exec(l)
    if (!m?.[1]) return
    const ms = timestampMs(m[1])
    const lineNo = i + 1
    if (previous && ms < previous.ms)
      report(
        lineNo,
        'error',
        `this cue starts at ${m[1]}, before the cue above it (line ${at(previous.line)}): cues must be in time order`,
      )
    previous = { ms, line: lineNo }
    const list = timings.get(ms) ?? []
    list.push(lineNo)
    timings.set(ms, list)
  })

  const values: ReadCue[] = []
  for (const cue of parsed.cues) {
    const flat: { text: string; voice?: string } = { text: '' }
    flatten(cue.tree, flat)
    const line = timings.get(Math.round(cue.startTime * 1000))?.shift() ?? 1
    let body = flat.text.replace(/\s*\n\s*/g, ' ').trim()
    let speaker = flat.voice
    if (speaker === undefined) {
      const split = splitSpeakerPrefix(body)
      speaker = split.speaker
      body = split.text
    }
    // Caption times are whole milliseconds; the parser's sums carry float noise (1.5590000000000002).
    const read: ReadCue = { start: roundMs(cue.startTime), end: roundMs(cue.endTime), text: body, line: at(line) }
    if (speaker !== undefined) read.speaker = speaker
    values.push(read)
  }
  return { values, problems: byLine(problems) }
}

/** Problems in line order, those of other files (a chapters file) after. */
function byLine(problems: Problem[]): Problem[] {
  const file = problems[0]?.file
  return problems.sort((a, b) => Number(a.file !== file) - Number(b.file !== file) || a.line - b.line)
}

// --- SRT, as WebVTT ---------------------------------------------------------------------

/** SRT formatting the captions carry (`<i>`, `<font color=…>`, `{\an8}`): not part of the words. */
const SRT_TAGS = /<\/?(?:i|b|u|font)(?:\s[^>]*)?>|\{\\[^}]*\}/gi

/**
 * SRT turned into WebVTT line for line: a `WEBVTT` header and a blank line above, each cue
 * number blanked (so a missing blank line between cues does no harm), commas in timings made
 * dots, formatting tags removed and the text's `&`, `<` and `>` escaped.
 */
export function srtAsVtt(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const out = lines.map((l) => l)
  lines.forEach((l, i) => {
    const m = TIMING.exec(l)
    if (m?.[1] && m[2]) {
      const fix = (ts: string) => {
        const ms = timestampMs(ts)
        const pad = (n: number, w = 2) => String(n).padStart(w, '0')
        return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`
      }
      out[i] = `${fix(m[1])} --> ${fix(m[2])}`
      if (i > 0 && /^\s*\d+\s*$/.test(lines[i - 1] ?? '')) out[i - 1] = ''
      return
    }
    if (/-->/.test(l)) return // a malformed timing: the parser says what is wrong with it
    out[i] = l.replace(SRT_TAGS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  })
  return ['WEBVTT', '', ...out].join('\n')
}

export function readSrt(file: string, text: string): Read<ReadCue> {
  const original = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  if (/^\s*WEBVTT/.test(original[0] ?? ''))
    return {
      values: [],
      problems: [{ file, line: 1, severity: 'error', message: 'this is a WebVTT file, not SRT: name it .vtt' }],
    }
  return readVtt(file, srtAsVtt(text), 2, original)
}

// --- Podcasting 2.0 JSON ----------------------------------------------------------------

/** The line of a character offset. */
function lineAtOffset(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** Lines where each occurrence of `"key"` sits, in order (to locate the n-th segment). */
function keyLines(text: string, key: string): number[] {
  const lines: number[] = []
  const re = new RegExp(`"${key}"\\s*:`, 'g')
  let line = 1
  let last = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++
    last = m.index
    lines.push(line)
  }
  return lines
}

/**
 * Where JSON.parse failed, from its message: V8 gives a position for some errors and only a
 * snippet around the token for others (`Unexpected token ']', ..."one" },↵  ]..." is not valid JSON`).
 */
export function jsonErrorAt(text: string, raw: string): { offset: number; message: string } {
  const pos = /at position (\d+)/.exec(raw)?.[1]
  if (pos) return { offset: Number(pos), message: raw.replace(/\s*in JSON at position.*$/, '') }
  const m = /^Unexpected token '([\s\S])', (?:\.\.\.)?"([\s\S]*?)(?:\.\.\.)?" is not valid JSON$/.exec(raw)
  if (m?.[1] && m[2] !== undefined) {
    const snippet = m[2]
    const at = text.indexOf(snippet)
    const inSnippet = snippet.indexOf(m[1])
    if (at >= 0 && inSnippet >= 0) return { offset: at + inSnippet, message: `unexpected "${m[1]}"` }
  }
  if (/Unexpected end of JSON input/.test(raw)) return { offset: text.length, message: 'the file ends too early' }
  return { offset: 0, message: raw }
}

function parseJson(file: string, text: string, problems: Problem[]): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (err) {
    const { offset, message } = jsonErrorAt(text, err instanceof Error ? err.message : String(err))
    const before = text.slice(0, offset).trimEnd()
    const hint = before.endsWith(',') && /^[\]}]/.test(text.slice(offset).trimStart()) ? ' (a comma before it?)' : ''
    problems.push({
      file,
      line: lineAtOffset(text, offset),
      severity: 'error',
      message: `not valid JSON: ${message}${hint}`,
    })
    return undefined
  }
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0

/** Reads a Podcasting 2.0 transcript (`{ version, segments: [{ speaker, startTime, endTime, body }] }`). */
export function readTranscriptJson(file: string, text: string): Read<ReadCue> {
  const problems: Problem[] = []
  const data = parseJson(file, text, problems)
  if (data === undefined) return { values: [], problems }
  const segments = (data as { segments?: unknown } | null)?.segments
  if (!Array.isArray(segments)) {
    problems.push({
      file,
      line: 1,
      severity: 'error',
      message:
        'not a Podcasting 2.0 transcript: expected {"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}',
    })
    return { values: [], problems }
  }
  const starts = keyLines(text, 'startTime')
  const located = starts.length === segments.length
  const segmentsLine = keyLines(text, 'segments')[0] ?? 1
  const values: ReadCue[] = []
  segments.forEach((seg: unknown, i) => {
    const line = located ? (starts[i] ?? segmentsLine) : segmentsLine
    const bad = (message: string) =>
      problems.push({ file, line, severity: 'error', message: `segments[${i}]: ${message}` })
    if (seg === null || typeof seg !== 'object' || Array.isArray(seg)) return bad('must be an object')
    const s = seg as Record<string, unknown>
    if (!isTime(s.startTime))
      return bad(`"startTime" must be a number of seconds (0 or more), not ${JSON.stringify(s.startTime)}`)
    const end = s.endTime === undefined ? s.startTime : s.endTime
    if (!isTime(end)) return bad(`"endTime" must be a number of seconds (0 or more), not ${JSON.stringify(s.endTime)}`)
    if (typeof s.body !== 'string') return bad(`"body" must be text, not ${JSON.stringify(s.body)}`)
    if (s.endTime !== undefined && end < s.startTime)
      return bad(`the segment ends (${String(end)}) before it starts (${String(s.startTime)})`)
    const cue: ReadCue = { start: s.startTime, end, text: s.body.replace(/\s+/g, ' ').trim(), line }
    if (typeof s.speaker === 'string' && s.speaker.trim()) cue.speaker = s.speaker.trim()
    values.push(cue)
  })
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1]
    const cue = values[i]
    if (prev && cue && cue.start < prev.start)
      problems.push({
        file,
        line: cue.line,
        severity: 'error',
        message: `this segment starts at ${cue.start}, before the one above it (${prev.start}, line ${prev.line}): segments must be in time order`,
      })
  }
  return { values, problems: byLine(problems) }
}

/** Reads Podcasting 2.0 chapters (`{ version, chapters: [{ startTime, title }] }`). */
export function readChaptersJson(file: string, text: string): Read<ReadChapter> {
  const problems: Problem[] = []
  const data = parseJson(file, text, problems)
  if (data === undefined) return { values: [], problems }
  const chapters = (data as { chapters?: unknown } | null)?.chapters
  if (!Array.isArray(chapters)) {
    problems.push({
      file,
      line: 1,
      severity: 'error',
      message: 'not Podcasting 2.0 chapters: expected {"version": "1.2.0", "chapters": [{"startTime", "title"}]}',
    })
    return { values: [], problems }
  }
  const starts = keyLines(text, 'startTime')
  const located = starts.length === chapters.length
  const values: ReadChapter[] = []
  chapters.forEach((c: unknown, i) => {
    const line = located ? (starts[i] ?? 1) : 1
    const bad = (severity: Problem['severity'], message: string) =>
      problems.push({ file, line, severity, message: `chapters[${i}]: ${message}` })
    if (c === null || typeof c !== 'object' || Array.isArray(c)) return bad('error', 'must be an object')
    const r = c as Record<string, unknown>
    if (!isTime(r.startTime))
      return bad('error', `"startTime" must be a number of seconds (0 or more), not ${JSON.stringify(r.startTime)}`)
    if (r.toc === false) return // a chapter hidden from the table of contents
    const title = typeof r.title === 'string' ? r.title.trim() : ''
    if (!title) return bad('warning', 'has no title; skipped')
    values.push({ start: r.startTime, title, line })
  })
  values.sort((a, b) => a.start - b.start)
  return { values, problems }
}

// --- Cues → transcript items --------------------------------------------------------------

/**
 * When consecutive cues are joined into one paragraph (caption files cut sentences into
 * 2–5 s cues; a transcript reads in paragraphs). A cue joins the paragraph before it when
 * - both have the same speaker (or neither has one),
 * - it starts less than {@link JOIN.maxGapSec} after the cue before it ends,
 * - no chapter starts between them, and
 * - the paragraph so far is shorter than {@link JOIN.sentenceSec}, or it is shorter than
 *   {@link JOIN.maxSec} and its text does not yet end a sentence (`.`, `?`, `!`, `…`).
 * The paragraph keeps its first cue's start.
 */
export const JOIN = { maxGapSec: 2, sentenceSec: 20, maxSec: 60 } as const

export interface JoinOptions {
  /** Join cues into paragraphs (default true; the round-trip tests turn it off). */
  join?: boolean
}

const ENDS_SENTENCE = /[.?!…]["'”’)\]]*$/

/** The transcript items of a sidecar's cues and chapters, with every warning about them. */
export function cuesToItems(
  file: string,
  cues: readonly ReadCue[],
  chapters: readonly ReadChapter[],
  chaptersFile: string | undefined,
  options: JoinOptions = {},
): Read<SourceItem> {
  const problems: Problem[] = []
  const join = options.join ?? true
  const kept: ReadCue[] = []
  let overlaps = 0
  let firstOverlap = 0
  const names = new Map<string, string>()
  for (const cue of cues) {
    const cleaned = cleanText(cue.text)
    if (cleaned.removed.length)
      problems.push({
        file,
        line: cue.line,
        severity: 'warning',
        message: `the cue contains ${cleaned.removed.join(' and ')}: removed`,
      })
    const text = cleaned.text.trim()
    if (!text) {
      problems.push({ file, line: cue.line, severity: 'warning', message: 'empty cue; skipped' })
      continue
    }
    const prev = kept[kept.length - 1]
    if (prev && cue.start < prev.end - 0.0005 && cue.start >= prev.start) {
      if (overlaps++ === 0) firstOverlap = cue.line
    }
    const out: ReadCue = { ...cue, text }
    if (cue.speaker !== undefined) {
      const checked = checkSpeakerName(cleanText(cue.speaker, { name: true }).text)
      if (checked.warning && !names.has(cue.speaker)) {
        problems.push({ file, line: cue.line, severity: 'warning', message: `speaker ${checked.warning}` })
      }
      names.set(cue.speaker, checked.name)
      if (checked.name) out.speaker = checked.name
      else delete out.speaker
    }
    kept.push(out)
  }
  if (overlaps)
    problems.push({
      file,
      line: firstOverlap,
      severity: 'warning',
      message: `${overlaps} cue${overlaps === 1 ? '' : 's'} start${overlaps === 1 ? 's' : ''} before the cue above ${overlaps === 1 ? 'it' : 'them'} ends (overlapping captions); each line starts where its cue starts`,
    })

  const items: SourceItem[] = []
  let chapter = 0
  let paragraph: { line: SourceLine; start: number; lastEnd: number; speaker?: string } | undefined
  for (const cue of kept) {
    let newChapter = false
    while (chapter < chapters.length && (chapters[chapter]?.start ?? 0) <= cue.start + 0.0005) {
      const c = chapters[chapter]
      if (c) items.push({ kind: 'header', title: c.title, srcLine: c.line })
      chapter++
      newChapter = true
    }
    const p = paragraph
    const length = p ? cue.end - p.start : 0
    if (
      join &&
      p &&
      !newChapter &&
      p.speaker === cue.speaker &&
      cue.start - p.lastEnd < JOIN.maxGapSec &&
      (cue.start - p.start < JOIN.sentenceSec || (length < JOIN.maxSec && !ENDS_SENTENCE.test(p.line.text)))
    ) {
      p.line.text = `${p.line.text} ${cue.text}`
      p.lastEnd = Math.max(p.lastEnd, cue.end)
      continue
    }
    const line: SourceLine = { kind: 'line', text: cue.text, sec: cue.start, srcLine: cue.line }
    if (cue.speaker !== undefined) line.who = cue.speaker
    items.push(line)
    paragraph = {
      line,
      start: cue.start,
      lastEnd: cue.end,
      ...(cue.speaker !== undefined ? { speaker: cue.speaker } : {}),
    }
  }
  for (; chapter < chapters.length; chapter++) {
    const c = chapters[chapter]
    if (c && chaptersFile)
      problems.push({
        file: chaptersFile,
        line: c.line,
        severity: 'warning',
        message: `chapter "${c.title}" starts at ${formatTime(c.start)}, after the last cue; left out`,
      })
  }
  return { values: items, problems: byLine(problems) }
}

/** Reads a transcript sidecar of a kind. */
export function readSidecar(file: string, kind: SidecarKind, text: string): Read<ReadCue> {
  if (kind === 'vtt') return readVtt(file, text)
  if (kind === 'srt') return readSrt(file, text)
  return readTranscriptJson(file, text)
}
