/**
 * The transcript files the build writes beside each episode's page, with their media types:
 * one list read by the build (which writes them), the dev server (which serves them), the
 * page's head (`<link rel="alternate">`) and the "Download transcript" menu.
 */

export type ExportFormat = 'json' | 'vtt' | 'srt' | 'txt' | 'chapters'

export interface ExportFile {
  format: ExportFormat
  /** The file's name inside the episode's folder. */
  name: string
  /** Its media type, in the page's head and as the dev server's content type. */
  type: string
  /** What the download menu and the head's `title` call it. */
  label: string
}

export const EXPORT_FILES: readonly ExportFile[] = [
  { format: 'json', name: 'transcript.json', type: 'application/json', label: 'Podcasting 2.0 transcript (JSON)' },
  { format: 'vtt', name: 'transcript.vtt', type: 'text/vtt', label: 'Captions (WebVTT)' },
  { format: 'srt', name: 'transcript.srt', type: 'application/x-subrip', label: 'Captions (SRT)' },
  { format: 'txt', name: 'transcript.txt', type: 'text/plain', label: 'Plain text' },
  {
    format: 'chapters',
    name: 'chapters.json',
    type: 'application/json+chapters',
    label: 'Podcasting 2.0 chapters (JSON)',
  },
]

/** Whether an episode's transcript is exported: when it has lines (an episode may have video only). */
export function hasExports(meta: { lineCount: number }): boolean {
  return meta.lineCount > 0
}

/** Where an export file is, relative to the site's base: `episodes/<slug>/<name>`. */
export function exportFilePath(slug: string, file: ExportFile): string {
  return `episodes/${encodeURIComponent(slug)}/${file.name}`
}

/** The export file a site path names (`episodes/<slug>/transcript.vtt`), for the dev server. */
export function parseExportFilePath(sitePath: string): { slug: string; file: ExportFile } | undefined {
  const m = /(?:^|\/)episodes\/([^/]+)\/([^/]+)$/.exec(sitePath)
  if (!m?.[1] || !m[2]) return undefined
  const file = EXPORT_FILES.find((f) => f.name === m[2])
  if (!file) return undefined
  try {
    return { slug: decodeURIComponent(m[1]), file }
  } catch {
    return undefined
  }
}
