/**
 * The shapes of an episode as the app sees it. Plain data, no behaviour:
 * produced at build time by `src/pipeline`, consumed in the browser.
 *
 * All times are seconds on the episode's clock (floating point; a written
 * `sec` is a whole number, an estimated start may not be).
 */

/** One transcript item as written in the episode file, after validation. */
export type SourceItem = SourceHeader | SourceLine

export interface SourceHeader {
  kind: 'header'
  title: string
  /** 1-based line in the episode file where this item starts (for messages). */
  srcLine?: number
}

export interface SourceLine {
  kind: 'line'
  text: string
  /** The written start in seconds, when the file gives one. */
  sec?: number
  /** The written display time (`'1:02:28'`), when the file gives one. */
  time?: string
  /** The written speaker, when the file gives one. */
  who?: string
  srcLine?: number
}

/** A transcript line with its computed start. `index` is its position among lines only. */
export interface TimedLine {
  index: number
  text: string
  /** The resolved speaker: the line's `who`, or else the speaker of the line before. */
  speaker?: string
  /** Start used for sync, seek and lookup. Finite, and strictly increasing along the lines. */
  start: number
  /** True when `start` is not the written `sec` (missing, shared with a neighbour, or out of order). */
  estimated: boolean
  /** The written display time, kept for display when present. */
  time?: string
  /** Index of the chapter this line belongs to, or -1 before the first header. */
  chapter: number
}

export interface Chapter {
  index: number
  title: string
  /** Where the chapter starts: the start of its first line (or of the next chapter's). */
  start: number
  estimated: boolean
  /** Index of the first line of this chapter, or -1 when it has none of its own. */
  firstLine: number
}

export interface Timeline {
  lines: TimedLine[]
  chapters: Chapter[]
}

export interface EpisodeLink {
  /** Key in the file's `links` (`youtube`, `spotify`, `apple`, `anchor`, ...). */
  kind: string
  url: string
}

/** What the catalog knows of an episode: small, shipped for every episode. */
export interface EpisodeMeta {
  slug: string
  title: string
  short?: string
  season?: number
  episode?: number
  /** Guest ids as written in the front matter. */
  guests: string[]
  /** Guests' display names: the name spoken in the transcript that matches each guest id, else the id. */
  guestNames: string[]
  /** Every speaker of the transcript, in order of first appearance. */
  speakers: string[]
  youtubeId: string
  /** ISO date (`YYYY-MM-DD`) the episode was added, when known. */
  date?: string
  /** Duration in seconds, from ISO 8601 `duration` or else the last line's start. */
  durationSec?: number
  topics: string[]
  description?: string
  lineCount: number
  chapterCount: number
}

/** What the home page ships for every episode: the metadata less the long or per-page fields. */
export type CatalogEntry = Omit<EpisodeMeta, 'description' | 'speakers'>

/** A moment the episode's authors picked (the file's `quotableClips`), checked at build time. */
export interface KeyMoment {
  name: string
  /** Seconds; the moment is [start, end), with end > start, within the episode. */
  start: number
  end: number
}

/** Everything the episode page needs: one data file per episode, loaded when its page opens. */
export interface EpisodeData {
  meta: EpisodeMeta
  intro?: string
  links: EpisodeLink[]
  /** The Markdown body rendered to safe HTML at build time. */
  bodyHtml: string
  timeline: Timeline
  /** The episode's key moments, in the file's order; absent when it has none. */
  moments?: KeyMoment[]
}
