/** What reading a caption or transcript file beside an episode file gives (see `sidecar.ts`). */
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

/** Problems in line order, those of other files (a chapters file) after. */
export function byLine(problems: Problem[]): Problem[] {
  const file = problems[0]?.file
  return problems.sort((a, b) => Number(a.file !== file) - Number(b.file !== file) || a.line - b.line)
}

// --- SRT, as WebVTT ---------------------------------------------------------------------
