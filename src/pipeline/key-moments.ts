/**
 * The episode's own key moments: the file's `quotableClips` (name, startOffset, endOffset, url)
 * checked against the episode and kept as time ranges. Build time only; never throws. Each
 * problem is a warning at the clip's field, and names its kind (for counting):
 *
 * - `end-not-after-start`: the end is at or before the start (the clip is left out);
 * - `start-past-end`: the clip starts at or after the episode's end (left out);
 * - `end-past-end`: the clip ends after the episode's end (it ends there);
 * - `url-video`: the `url` is not a link to the episode's video;
 * - `url-time`: the `url`'s `t=` is not the clip's start;
 * - `no-name`: the name is empty (left out).
 *
 * A clip with no `endOffset` ends where the next clip starts, else at the episode's end.
 */
import type { KeyMoment } from '../lib/episode/types.ts'
import { formatTime, parseTime } from '../lib/time/time.ts'
import { normaliseYoutubeId } from './youtube-id.ts'

export interface ClipInput {
  name: string
  startOffset: number
  endOffset?: number | null
  url?: string | null
}

export type ClipProblemKind =
  'end-not-after-start' | 'start-past-end' | 'end-past-end' | 'url-video' | 'url-time' | 'no-name'

export interface ClipProblem {
  /** Index of the clip in `quotableClips`. */
  index: number
  field: 'name' | 'startOffset' | 'endOffset' | 'url'
  kind: ClipProblemKind
  message: string
}

/** A `url`'s time further than this from the start is reported. */
const URL_TIME_TOLERANCE_SEC = 1

/** The `t` (or `start`) of a YouTube URL in seconds; null when it has none; undefined when unreadable. */
function urlTime(url: URL): number | null | undefined {
  // The last non-empty one: links built from an id with URL residue read `?v=…&t&t=77`.
  const raw =
    [...url.searchParams.getAll('t'), ...url.searchParams.getAll('start')].filter(Boolean).pop() ??
    /(?:^|&)t=([^&]+)/.exec(url.hash.slice(1))?.[1]
  if (raw === undefined) return null
  return parseTime(raw)
}

/**
 * Checks the clips of one episode (`videoId`, `length` seconds long, 0 when unknown) and returns
 * the usable ones as key moments, with the problems found.
 */
export function readKeyMoments(
  clips: readonly ClipInput[],
  videoId: string,
  length: number,
): { moments: KeyMoment[]; problems: ClipProblem[] } {
  const moments: KeyMoment[] = []
  const problems: ClipProblem[] = []
  const at = (index: number, field: ClipProblem['field'], kind: ClipProblemKind, message: string) =>
    problems.push({
      index,
      field,
      kind,
      message: `quotableClips[${index}]${field === 'name' ? '' : `.${field}`} ${message}`,
    })
  clips.forEach((clip, i) => {
    const name = clip.name.replace(/\s+/g, ' ').trim()
    const start = clip.startOffset
    const next = clips[i + 1]?.startOffset
    const written = clip.endOffset ?? undefined
    const end = written ?? (next !== undefined && next > start ? next : length > 0 ? length : undefined)

    if (clip.url) {
      let url: URL | undefined
      try {
        url = new URL(clip.url.trim())
      } catch {
        url = undefined
      }
      const id = normaliseYoutubeId(clip.url)
      if (!url || !id.ok) at(i, 'url', 'url-video', `${JSON.stringify(clip.url)} is not a link to a YouTube video`)
      else if (id.id !== videoId)
        at(i, 'url', 'url-video', `links to the video ${id.id}, not this episode's ${videoId}`)
      if (url && id.ok) {
        const t = urlTime(url)
        if (t === undefined) at(i, 'url', 'url-time', `has a t= that is not a time`)
        else if (t !== null && Math.abs(t - start) > URL_TIME_TOLERANCE_SEC)
          at(
            i,
            'url',
            'url-time',
            `starts at ${formatTime(t)}, not at the clip's start ${formatTime(start)} (startOffset ${start})`,
          )
        else if (t === null && start >= URL_TIME_TOLERANCE_SEC)
          at(i, 'url', 'url-time', `has no t=, so it starts at 0:00, not at the clip's start ${formatTime(start)}`)
      }
    }
    if (!name) {
      at(i, 'name', 'no-name', 'has no name; the key moment is left out')
      return
    }
    if (end === undefined) return // no end, no episode length: nothing to play to (cannot happen with lines)
    if (!(end > start)) {
      at(i, 'endOffset', 'end-not-after-start', `${end} is not after startOffset ${start}; the key moment is left out`)
      return
    }
    if (length > 0 && start >= length) {
      at(
        i,
        'startOffset',
        'start-past-end',
        `${start} (${formatTime(start)}) is past the episode's end (${formatTime(length)}); the key moment is left out`,
      )
      return
    }
    let clipped = end
    if (length > 0 && end > length) {
      at(
        i,
        written === undefined ? 'startOffset' : 'endOffset',
        'end-past-end',
        `${end} (${formatTime(end)}) is past the episode's end (${formatTime(length)}); the key moment ends there`,
      )
      clipped = length
    }
    moments.push({ name, start, end: clipped })
  })
  return { moments, problems }
}
