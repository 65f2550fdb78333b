/** Podcasting 2.0 transcript and chapters JSON files, with each problem located at its line. */
import type { Problem } from './problems.ts'
import { byLine, type Read, type ReadChapter, type ReadCue } from './sidecar-types.ts'

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
