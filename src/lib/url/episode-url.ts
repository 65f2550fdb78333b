/**
 * URL state of an episode page, as pure functions: the share time `?t=`,
 * the search query `?q=` and the speaker filter `?who=` (repeatable).
 * Paths are relative to the app's base; the router adds the base.
 */
import { formatTimeParam, parseTime } from '../time/time.ts'
import { pagePath } from '../site/routes.ts'

export interface EpisodeParams {
  /** Seconds to cue at. */
  t?: number
  q?: string
  who?: string[]
}

/** Reads `?t=`, `?q=` and `?who=`; an unparseable `t` is left out, never an error. */
export function readEpisodeParams(search: string | URLSearchParams): EpisodeParams {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search
  const out: EpisodeParams = {}
  const t = params.get('t')
  if (t !== null) {
    const seconds = parseTime(t)
    if (seconds !== undefined) out.t = seconds
  }
  const { q, who } = readQueryState(params)
  if (q) out.q = q
  if (who.length) out.who = who
  return out
}

/** `?q=…&who=…`: a search query and a speaker filter, the part of the URL state a search panel owns. */
export interface QueryState {
  q: string
  who: string[]
}

/** Reads `?q=` and `?who=` (repeatable; empty values dropped). */
export function readQueryState(params: URLSearchParams): QueryState {
  return { q: params.get('q') ?? '', who: params.getAll('who').filter(Boolean) }
}

/** Writes `?q=` and `?who=` into `params`, leaving its other keys as they are. */
export function writeQueryState(value: QueryState, params: URLSearchParams): URLSearchParams {
  params.delete('q')
  params.delete('who')
  if (value.q) params.set('q', value.q)
  for (const w of value.who) params.append('who', w)
  return params
}

/** Writes the query string (with `?`, or empty): `t` first, in the compact form `3748`. */
export function episodeSearch(params: EpisodeParams): string {
  // The common case (a line's or a chapter's link, thousands per page) needs no URLSearchParams:
  // a time parameter is digits and a point, nothing to escape.
  if (!params.q && !params.who?.length) {
    return params.t !== undefined && Number.isFinite(params.t) && params.t >= 0 ? `?t=${formatTimeParam(params.t)}` : ''
  }
  const out = new URLSearchParams()
  if (params.t !== undefined && Number.isFinite(params.t) && params.t >= 0) out.set('t', formatTimeParam(params.t))
  if (params.q) out.set('q', params.q)
  for (const w of params.who ?? []) out.append('who', w)
  const s = out.toString()
  return s ? `?${s}` : ''
}

/** An episode page's path with its URL state (the route table builds the path). */
export function episodePath(slug: string, params: EpisodeParams = {}): string {
  return `${pagePath({ route: 'episode', slug })}${episodeSearch(params)}`
}

/** `s11e03` for season 11, episode 3. */
export function shortCode(season: number | undefined, episode: number | undefined): string | undefined {
  if (season === undefined || episode === undefined) return undefined
  return `s${season}e${String(episode).padStart(2, '0')}`
}

/** Reads `s11e03` (or `S11E3`) back; anything else gives undefined. */
export function parseShortCode(code: string): { season: number; episode: number } | undefined {
  const m = /^s(\d{1,3})e(\d{1,3})$/i.exec(code.trim())
  if (!m) return undefined
  return { season: Number(m[1]), episode: Number(m[2]) }
}

/** The video on youtube.com, at a time when given (for when the embed cannot play). */
export function youtubeWatchUrl(videoId: string, seconds?: number): string {
  const t = seconds !== undefined && seconds >= 1 ? `&t=${Math.floor(seconds)}s` : ''
  return `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}${t}`
}

/** The YouTube thumbnail of a video. */
export function youtubeThumbnailUrl(videoId: string): string {
  return `https://i.ytimg.com/vi/${encodeURIComponent(videoId)}/hqdefault.jpg`
}
