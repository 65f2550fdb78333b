/**
 * The one store of playback state. It keeps what changes rarely (the active
 * line and chapter, play/pause, where the clock comes from, whether the
 * transcript follows) and never the raw time: a tick that does not change the
 * line commits nothing, so nothing re-renders.
 *
 * Two kinds of time changes are kept apart: `requestSeek` (the user asked:
 * a click, a key, a share link) and `tick` (the player reported). After a
 * requested seek, reports of the old position are ignored for a moment, so
 * the highlight does not jump back while the player catches up.
 */
import { create } from 'zustand'
import type { Timeline } from '../lib/episode/types.ts'
import { crossedStop, type TimeRange } from '../lib/time/time-range.ts'
import { linesInRange } from '../lib/timeline/line-ranges.ts'
import { chapterAt, lineAtFrom } from '../lib/timeline/lookup.ts'
import type { PlayerPort, PlayerSource, PlayerState } from './player-port.ts'

export type VideoStatus = 'loading' | 'ready' | 'unavailable'

export interface PlaybackState {
  timeline: Timeline | null
  /** Index of the line being spoken, -1 before the first. */
  activeLine: number
  /** Index of the chapter of the active line, -1 when none. */
  activeChapter: number
  playing: boolean
  /** Where the clock comes from. */
  source: PlayerSource
  videoStatus: VideoStatus
  /** Why the video cannot play, in words for the listener. */
  videoProblem: string | null
  /** Whether the transcript pane keeps the active line in view. */
  following: boolean
  /** Bumped on every requested seek, so the transcript can scroll even when the line is unchanged. */
  seekSerial: number
  /** The quote marked on the page (a range link, a key moment, marks made with keys), or null. */
  quote: TimeRange | null
  /** The first and last line the quote overlaps (-1 when none): each line compares its index. */
  quoteFirst: number
  quoteLast: number
  /** True once playing the quote paused at its end (until playing goes on). */
  quoteEnded: boolean
}

export interface PlaybackActions {
  /**
   * Starts following a new episode's timeline; `startAt` cues the clock there.
   * `length` is how long the episode runs (seeks past it stop at it); 0 when unknown.
   */
  attach(timeline: Timeline, startAt?: number, length?: number): void
  /** Connects the clock: the video once ready, or the read-along clock. */
  connect(port: PlayerPort, source: PlayerSource): void
  /** The video cannot play: say why, and let the read-along clock take over. */
  videoUnavailable(problem: string, readAlong: PlayerPort): void
  /** The player reported a state change. */
  playerState(state: PlayerState): void
  /** Reads the clock and moves the active line when it changed. Called every frame while playing. */
  tick(): void
  /** The user asked to go to `seconds`. A seek out of the quote disarms its stop. */
  requestSeek(seconds: number, options?: { play?: boolean }): void
  /**
   * Marks a quote (or clears it with null). With `stop`, playing through its end pauses there
   * once (the page opened from a range link arms it: plain Play plays the quote).
   */
  setQuote(range: TimeRange | null, options?: { stop?: boolean }): void
  /** Plays the quote from its start and pauses once at its end. */
  playQuote(): void
  /** Plays on past the quote's end (no stop). */
  continuePlaying(): void
  togglePlay(): void
  setFollowing(following: boolean): void
  /** Current clock time, read on demand (never stored). */
  currentTime(): number
  reset(): void
}

/** After a requested seek, reports farther than this from the target are taken as stale. */
const STALE_REPORT_SEC = 1.5
/** …for at most this long. */
const STALE_WINDOW_MS = 1000

const initialState: PlaybackState = {
  timeline: null,
  activeLine: -1,
  activeChapter: -1,
  playing: false,
  source: 'video',
  videoStatus: 'loading',
  videoProblem: null,
  following: true,
  seekSerial: 0,
  quote: null,
  quoteFirst: -1,
  quoteLast: -1,
  quoteEnded: false,
}

// Not state: nothing renders from these.
let port: PlayerPort | null = null
let cueAt = 0
let length = 0
let pendingSeek: { target: number; until: number } | null = null
/** Where playing pauses once (the end of the quote being played), or null. */
let stopAt: number | null = null
/** The clock at the previous tick: a stop is where the clock crosses it. */
let lastTime = 0
const timeListeners = new Set<(seconds: number) => void>()

/** Transient updates: called with the clock time on every tick, without a React render. */
export function subscribeTime(listener: (seconds: number) => void): () => void {
  timeListeners.add(listener)
  return () => timeListeners.delete(listener)
}

export const usePlayback = create<PlaybackState & PlaybackActions>()((set, get) => {
  /** Moves the active line to the one at `t`; commits only when it changed. */
  function showTime(t: number): void {
    const { timeline, activeLine, activeChapter } = get()
    for (const l of timeListeners) l(t)
    if (!timeline) return
    const line = lineAtFrom(timeline, t, activeLine)
    if (line === activeLine) return
    const chapter = chapterAt(timeline, t)
    set(chapter === activeChapter ? { activeLine: line } : { activeLine: line, activeChapter: chapter })
  }

  return {
    ...initialState,

    attach(timeline, startAt, episodeLength) {
      port = null
      pendingSeek = null
      stopAt = null
      lastTime = startAt ?? 0
      length = episodeLength ?? 0
      cueAt = startAt ?? 0
      set({ ...initialState, timeline })
      showTime(cueAt)
    },

    connect(next, source) {
      port = next
      set({ source, ...(source === 'video' ? { videoStatus: 'ready', videoProblem: null } : {}) })
      if (cueAt > 0 && Math.abs(next.getCurrentTime() - cueAt) > 0.5) next.seekTo(cueAt)
      set({ playing: next.getState() === 'playing' })
      showTime(next.getCurrentTime() || cueAt)
    },

    videoUnavailable(problem, readAlong) {
      const at = port?.getCurrentTime() ?? cueAt
      port?.pause()
      // The read-along clock starts where the words do: nothing to highlight before the first line.
      const first = get().timeline?.lines[0]?.start ?? 0
      cueAt = Math.max(at, first)
      set({ videoStatus: 'unavailable', videoProblem: problem })
      get().connect(readAlong, 'read-along')
    },

    playerState(state) {
      const playing = state === 'playing' || state === 'buffering'
      if (playing !== get().playing) set(playing && get().quoteEnded ? { playing, quoteEnded: false } : { playing })
      get().tick()
    },

    tick() {
      if (!port) return
      const t = port.getCurrentTime()
      if (pendingSeek) {
        if (performance.now() < pendingSeek.until && Math.abs(t - pendingSeek.target) > STALE_REPORT_SEC) return
        pendingSeek = null
      }
      // The one place that decides when a quote pauses: the clock crossing its end while playing.
      if (stopAt !== null && t !== lastTime) {
        if (crossedStop(lastTime, t, stopAt)) {
          stopAt = null
          port.pause()
          set({ quoteEnded: true })
        } else if (t > stopAt) {
          stopAt = null // jumped past the end (the player's own scrubber): the listener went elsewhere
        }
      }
      lastTime = t
      showTime(t)
    },

    requestSeek(seconds, options = {}) {
      const t = Math.max(0, length > 0 ? Math.min(seconds, length) : seconds)
      cueAt = t
      lastTime = t
      const { quote } = get()
      if (stopAt !== null && !(quote && t >= quote.start && t < quote.end)) stopAt = null
      if (port) {
        port.seekTo(t)
        pendingSeek = { target: t, until: performance.now() + STALE_WINDOW_MS }
        if (options.play) port.play()
      }
      set((s) => ({ following: true, seekSerial: s.seekSerial + 1 }))
      showTime(t)
    },

    setQuote(range, options = {}) {
      const { timeline } = get()
      const span = range && timeline ? linesInRange(timeline, range) : undefined
      stopAt = range && options.stop ? range.end : null
      set({
        quote: range,
        quoteFirst: span?.first ?? -1,
        quoteLast: span?.last ?? -1,
        quoteEnded: false,
      })
    },

    playQuote() {
      const { quote } = get()
      if (!quote) return
      get().requestSeek(quote.start, { play: true })
      stopAt = quote.end
      set({ quoteEnded: false })
    },

    continuePlaying() {
      stopAt = null
      if (get().quoteEnded) set({ quoteEnded: false })
      port?.play()
    },

    togglePlay() {
      if (!port) return
      if (get().playing) port.pause()
      else port.play()
    },

    setFollowing(following) {
      if (following !== get().following) set({ following })
    },

    currentTime() {
      return port ? port.getCurrentTime() : cueAt
    },

    reset() {
      port = null
      pendingSeek = null
      stopAt = null
      lastTime = 0
      cueAt = 0
      length = 0
      timeListeners.clear()
      set(initialState)
    },
  }
})
