/**
 * WebVTT and SRT caption files, read with `webvtt-parser` (see `sidecar.ts` for why): every
 * problem at its line of the file; SRT turned into WebVTT line for line first.
 */
import { createRequire } from 'node:module'
import { roundMs } from '../lib/formats/export.ts'
import type { Problem } from './problems.ts'
import { byLine, type Read, type ReadCue } from './sidecar-types.ts'

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
