/**
 * The one gate to YouTube: the only file that imports react-youtube. It
 * turns the IFrame API player into a `PlayerPort` and reports readiness,
 * state changes and failures.
 *
 * Traps avoided:
 * - youtube-player's wrapper returns a promise from every call; the plain
 *   `YT.Player` from the ready event answers synchronously, so it is used.
 * - Calls after unmount are impossible: the port is disabled on unmount.
 * - `onReady` never fires when the API script is blocked: the parent
 *   gives up after a timeout (see `PlayerPanel`), and a script error is
 *   reported at once through `onError`.
 * - Options are memoised per video, so a re-render never rebuilds the
 *   player; `start` is set once, and later moves use `seekTo`.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import YouTube, { type YouTubeEvent, type YouTubeProps } from 'react-youtube'
import type { PlayerPort, PlayerState } from '../../playback/player-port.ts'

/** The subset of `YT.Player` this adapter uses, all synchronous. */
interface RawPlayer {
  playVideo(): void
  pauseVideo(): void
  seekTo(seconds: number, allowSeekAhead: boolean): void
  getCurrentTime(): number
  getPlayerState(): number
  getDuration(): number
}

const STATES: Record<number, PlayerState> = {
  [-1]: 'unstarted',
  0: 'ended',
  1: 'playing',
  2: 'paused',
  3: 'buffering',
  5: 'cued',
}

/** Error codes of the IFrame API, in words for the listener. */
export function describePlayerError(code: unknown): string {
  switch (code) {
    case 2:
      return 'The video id is not valid.'
    case 5:
      return 'The video cannot play in this browser.'
    case 100:
      return 'The video was not found: it may have been removed or made private.'
    case 101:
    case 150:
      return 'The video’s owner does not allow it to be played here.'
    default:
      return 'The YouTube player could not load (offline, or blocked by an extension).'
  }
}

export class YoutubePort implements PlayerPort {
  alive = true
  constructor(private readonly raw: RawPlayer) {}
  play(): void {
    if (this.alive) this.raw.playVideo()
  }
  pause(): void {
    if (this.alive) this.raw.pauseVideo()
  }
  seekTo(seconds: number): void {
    if (this.alive) this.raw.seekTo(seconds, true)
  }
  getCurrentTime(): number {
    if (!this.alive) return 0
    const t = this.raw.getCurrentTime()
    return Number.isFinite(t) ? t : 0
  }
  getState(): PlayerState {
    return this.alive ? (STATES[this.raw.getPlayerState()] ?? 'unstarted') : 'paused'
  }
  getDuration(): number {
    if (!this.alive) return 0
    const d = this.raw.getDuration()
    return Number.isFinite(d) ? d : 0
  }
}

export interface YoutubeVideoProps {
  videoId: string
  /** Where to cue the video when it loads (from a share link). Read once per video. */
  startSeconds: number
  title: string
  onReady(port: PlayerPort): void
  onStateChange(state: PlayerState): void
  onError(message: string): void
}

export function YoutubeVideo({ videoId, startSeconds, title, onReady, onStateChange, onError }: YoutubeVideoProps) {
  const portRef = useRef<YoutubePort | null>(null)
  // Read the start once: later seeks go through seekTo.
  const [start] = useState(() => Math.floor(startSeconds))
  const handlers = useRef({ onReady, onStateChange, onError })
  useEffect(() => {
    handlers.current = { onReady, onStateChange, onError }
  })

  const opts = useMemo<YouTubeProps['opts']>(
    () => ({
      host: 'https://www.youtube-nocookie.com',
      width: '100%',
      height: '100%',
      playerVars: {
        start,
        autoplay: 0,
        playsinline: 1,
        rel: 0,
        modestbranding: 1,
        origin: typeof window === 'undefined' ? undefined : window.location.origin,
      },
    }),
    [start],
  )

  useEffect(
    () => () => {
      if (portRef.current) portRef.current.alive = false
      portRef.current = null
    },
    [videoId],
  )

  return (
    <YouTube
      videoId={videoId}
      opts={opts}
      title={title}
      className="player-frame"
      iframeClassName="player-iframe"
      onReady={(e: YouTubeEvent) => {
        if (portRef.current) portRef.current.alive = false
        const port = new YoutubePort(e.target as RawPlayer)
        portRef.current = port
        handlers.current.onReady(port)
      }}
      onStateChange={(e: YouTubeEvent<number>) => {
        if (portRef.current?.alive) handlers.current.onStateChange(STATES[e.data] ?? 'unstarted')
      }}
      onError={(e: YouTubeEvent<number>) => {
        handlers.current.onError(describePlayerError(e.data))
      }}
    />
  )
}
