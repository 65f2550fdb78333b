/**
 * The cross-episode search data as the build makes it (`buildCorpusIndex`): every line's text,
 * speaker and start, as plain JSON, and the check that a loaded copy is whole (`checkData`).
 */
import type { TimedLine } from '../episode/types.ts'

export const CORPUS_INDEX_VERSION = 2

export interface CorpusEpisodeInput {
  slug: string
  title: string
  lines: readonly TimedLine[]
}

/** The serialisable search data of all episodes. Arrays per line run episode after episode. */
export interface CorpusIndexData {
  version: typeof CORPUS_INDEX_VERSION
  episodes: { slug: string; title: string; lines: number }[]
  /** Distinct speaker names, as written. */
  speakers: string[]
  /** Each line's text. */
  text: string[]
  /** Each line's speaker: an index into `speakers`, or -1. */
  speaker: number[]
  /** Each line's start in seconds, rounded to milliseconds. */
  start: number[]
  /** The lines (indexes into these arrays) whose start is estimated, ascending: shown with `~`. */
  estimated: number[]
}

export function buildCorpusIndex(episodes: readonly CorpusEpisodeInput[]): CorpusIndexData {
  const data: CorpusIndexData = {
    version: CORPUS_INDEX_VERSION,
    episodes: [],
    speakers: [],
    text: [],
    speaker: [],
    start: [],
    estimated: [],
  }
  const speakerIds = new Map<string, number>()
  for (const ep of episodes) {
    data.episodes.push({ slug: ep.slug, title: ep.title, lines: ep.lines.length })
    for (const line of ep.lines) {
      let id = -1
      if (line.speaker !== undefined) {
        id = speakerIds.get(line.speaker) ?? -1
        if (id < 0) {
          id = data.speakers.length
          data.speakers.push(line.speaker)
          speakerIds.set(line.speaker, id)
        }
      }
      if (line.estimated) data.estimated.push(data.text.length)
      data.text.push(line.text)
      data.speaker.push(id)
      data.start.push(Math.round(line.start * 1000) / 1000)
    }
  }
  return data
}

export function checkData(data: CorpusIndexData): void {
  if (data.version !== CORPUS_INDEX_VERSION)
    throw new Error(`search index version ${String(data.version)}, expected ${CORPUS_INDEX_VERSION}`)
  const total = data.episodes.reduce((sum, e) => sum + e.lines, 0)
  if (data.text.length !== total || data.speaker.length !== total || data.start.length !== total) {
    throw new Error(
      `search index is inconsistent: ${total} lines by episode, ${data.text.length} texts, ${data.speaker.length} speakers, ${data.start.length} starts`,
    )
  }
  if (data.estimated.some((line) => !(line >= 0 && line < total)))
    throw new Error(`search index is inconsistent: an estimated start outside ${total} lines`)
}
