/** Caption cues joined into a transcript's paragraphs and chapters (the rule is in README.md). */
import type { SourceItem, SourceLine } from '../lib/episode/types.ts'
import { formatTime } from '../lib/time/time.ts'
import { checkSpeakerName, cleanText } from './clean-text.ts'
import type { Problem } from './problems.ts'
import { byLine, type Read, type ReadChapter, type ReadCue } from './sidecar-types.ts'

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
