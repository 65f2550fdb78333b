/**
 * An episode's transcript in the field's open formats: Podcasting 2.0 transcript JSON and
 * chapters JSON, WebVTT, SRT and plain text. Pure functions of the built episode data.
 *
 * Every timed format has one cue per transcript line. A cue starts at the line's start (an
 * estimated start is exported as it is shown, rounded to the millisecond) and ends where the
 * next line starts; the last line ends at {@link timelineEnd}, the timeline's own rule.
 */
import type { EpisodeData, Timeline } from '../episode/types.ts'
import { timeLabel } from '../time/time.ts'
import { timelineEnd } from '../timeline/timeline.ts'
import type { ExportFormat } from '../site/files.ts'

export interface Cue {
  /** Seconds, rounded to the millisecond. */
  start: number
  end: number
  speaker?: string
  text: string
  /** Index of the line's chapter, or -1. */
  chapter: number
}

/** Seconds rounded to whole milliseconds (times in every export are in milliseconds). */
export function roundMs(sec: number): number {
  return Math.round(sec * 1000) / 1000
}

/** One cue per line: from the line's start to the next line's start (the last to the transcript's end). */
export function cuesOf(timeline: Timeline): Cue[] {
  const { lines } = timeline
  const end = timelineEnd(timeline)
  return lines.map((line, i) => {
    const cue: Cue = {
      start: roundMs(line.start),
      end: roundMs(lines[i + 1]?.start ?? end),
      text: line.text,
      chapter: line.chapter,
    }
    if (line.speaker !== undefined) cue.speaker = line.speaker
    return cue
  })
}

/**
 * `HH:MM:SS.mmm` (WebVTT) or `HH:MM:SS,mmm` (SRT) from seconds; hours grow past two digits
 * when needed. Negative and non-finite values give zero.
 */
export function formatTimestamp(sec: number, separator: '.' | ',' = '.'): string {
  const ms = Number.isFinite(sec) && sec > 0 ? Math.round(sec * 1000) : 0
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const s = Math.floor((ms % 60_000) / 1000)
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`
}

/** Cue text never holds a blank line (it would end the cue): runs of line breaks become one. */
function cueLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n')
}

/** WebVTT cue text: `&`, `<` and `>` as character references (so `-->` cannot occur either). */
export function escapeVttText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A `<v>` annotation: no line break, and `&` and `>` as references. */
function escapeVttAnnotation(name: string): string {
  return name.replace(/\s+/g, ' ').replace(/&/g, '&amp;').replace(/>/g, '&gt;')
}

/** A NOTE block's text: one line, and never `-->` (which would end it). */
function noteText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/-->/g, '--&gt;')
}

/**
 * WebVTT: one cue per line, numbered from 1, with a `<v Speaker>` voice tag; each chapter's
 * title as a `NOTE` block right before its first cue.
 */
export function toWebVtt(episode: EpisodeData): string {
  const { timeline } = episode
  const out = ['WEBVTT', '']
  let chapter = -1
  cuesOf(timeline).forEach((cue, i) => {
    if (cue.chapter !== chapter && cue.chapter >= 0) {
      const title = timeline.chapters[cue.chapter]?.title ?? ''
      out.push(`NOTE Chapter: ${noteText(title)}`, '')
    }
    chapter = cue.chapter
    const text = escapeVttText(cueLines(cue.text))
    out.push(
      String(i + 1),
      `${formatTimestamp(cue.start)} --> ${formatTimestamp(cue.end)}`,
      cue.speaker !== undefined ? `<v ${escapeVttAnnotation(cue.speaker)}>${text}` : text,
      '',
    )
  })
  return out.join('\n')
}

/** SRT has no escapes: a `-->` in the text would read as a timing line, so it is broken up. */
function srtText(text: string): string {
  return cueLines(text).replace(/-->/g, '- ->')
}

/** SRT: cues numbered from 1, the speaker as a `Speaker: ` prefix. */
export function toSrt(episode: EpisodeData): string {
  return cuesOf(episode.timeline)
    .map((cue, i) =>
      [
        String(i + 1),
        `${formatTimestamp(cue.start, ',')} --> ${formatTimestamp(cue.end, ',')}`,
        `${cue.speaker !== undefined ? `${cue.speaker.replace(/\s+/g, ' ')}: ` : ''}${srtText(cue.text)}`,
        '',
      ].join('\n'),
    )
    .join('\n')
}

/** The Podcasting 2.0 transcript JSON (`application/json`): segments of speaker, start, end and body. */
export function toTranscriptJson(episode: EpisodeData): string {
  const segments = cuesOf(episode.timeline).map((cue) => ({
    ...(cue.speaker !== undefined ? { speaker: cue.speaker } : {}),
    startTime: cue.start,
    endTime: cue.end,
    body: cue.text,
  }))
  return `${JSON.stringify({ version: '1.0.0', segments }, null, 2)}\n`
}

/** The Podcasting 2.0 chapters JSON (`application/json+chapters`). */
export function toChaptersJson(episode: EpisodeData): string {
  const chapters = episode.timeline.chapters.map((c) => ({ startTime: roundMs(c.start), title: c.title }))
  return `${JSON.stringify({ version: '1.2.0', chapters }, null, 2)}\n`
}

/**
 * Readable text: the title, then each chapter as a heading with its time, and each line as
 * its time (as shown on the page: `~` marks an estimated start) and speaker, then its text.
 */
export function toPlainText(episode: EpisodeData): string {
  const { meta, timeline } = episode
  const out = [meta.title, '='.repeat(Math.min(72, Math.max(3, meta.title.length))), '']
  let chapter = -1
  for (const line of timeline.lines) {
    const c = timeline.chapters[line.chapter]
    if (line.chapter !== chapter && c) {
      out.push(`## ${c.title} (${timeLabel(c.start, c.estimated)})`, '')
    }
    chapter = line.chapter
    const label = timeLabel(line.start, line.estimated, line.time)
    out.push(`[${label}]${line.speaker !== undefined ? ` ${line.speaker}:` : ''}`, cueLines(line.text), '')
  }
  return out.join('\n')
}

/** The file of one format. */
export function exportEpisode(episode: EpisodeData, format: ExportFormat): string {
  switch (format) {
    case 'json':
      return toTranscriptJson(episode)
    case 'vtt':
      return toWebVtt(episode)
    case 'srt':
      return toSrt(episode)
    case 'txt':
      return toPlainText(episode)
    case 'chapters':
      return toChaptersJson(episode)
  }
}
