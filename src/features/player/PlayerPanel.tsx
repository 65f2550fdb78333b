import { useEffect, useRef } from 'react'
import type { EpisodeMeta } from '../../lib/episode/types.ts'
import { formatTime } from '../../lib/time/time.ts'
import { youtubeWatchUrl } from '../../lib/url/episode-url.ts'
import { subscribeTime, usePlayback } from '../../playback/playback-store.ts'
import { ReadAlongClock } from '../../playback/read-along-clock.ts'
import { YoutubeVideo } from './youtube-adapter.tsx'

/** How long the IFrame API may take to become ready before the read-along clock takes over. */
export const PLAYER_READY_TIMEOUT_MS = 8000

/**
 * The video cannot play: say why, and hand the clock to a read-along clock that runs the
 * whole episode (`length`) and plays again from the first line once at the end.
 */
function fallBack(message: string, length: number): void {
  const { playerState, timeline } = usePlayback.getState()
  const firstLine = timeline?.lines[0]?.start ?? 0
  usePlayback.getState().videoUnavailable(message, new ReadAlongClock(length, { onStateChange: playerState }, undefined, firstLine))
}

export interface PlayerPanelProps {
  meta: EpisodeMeta
  startAt: number
  /** How long the episode runs: the later of its stated duration and its last line's end. */
  length: number
  onCopyCurrent(): void
}

/** The current time, written straight into the DOM on every tick: no React render per frame. */
function LiveTime() {
  const ref = useRef<HTMLSpanElement>(null)
  useEffect(
    () =>
      subscribeTime((t) => {
        const text = formatTime(t)
        if (ref.current && ref.current.textContent !== text) ref.current.textContent = text
      }),
    [],
  )
  return <span ref={ref}>{formatTime(usePlayback.getState().currentTime())}</span>
}

function WatchOnYoutube({ videoId }: { videoId: string }) {
  // Read the time when the link is used, so it opens where the reader is.
  return (
    <a
      href={youtubeWatchUrl(videoId)}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(e) => {
        e.currentTarget.href = youtubeWatchUrl(videoId, usePlayback.getState().currentTime())
      }}
    >
      Watch on YouTube from here
    </a>
  )
}

export function PlayerPanel({ meta, startAt, length, onCopyCurrent }: PlayerPanelProps) {
  const status = usePlayback((s) => s.videoStatus)
  const problem = usePlayback((s) => s.videoProblem)
  const playing = usePlayback((s) => s.playing)

  useEffect(() => {
    if (status !== 'loading') return
    const id = window.setTimeout(() => fallBack('The YouTube player did not load: you may be offline, or an extension may block it.', length), PLAYER_READY_TIMEOUT_MS)
    return () => window.clearTimeout(id)
  }, [status, length])

  const unavailable = status === 'unavailable'
  return (
    <div className="player">
      {unavailable ? (
        <div className="player-fallback" role="status">
          <p className="player-problem">
            <strong>The video can’t play here.</strong> {problem}
          </p>
          <p>You can still read along: the clock below moves the highlight through the transcript.</p>
        </div>
      ) : (
        <div className="player-video">
          <YoutubeVideo
            videoId={meta.youtubeId}
            startSeconds={startAt}
            title={`Video: ${meta.title}`}
            onReady={(port) => usePlayback.getState().connect(port, 'video')}
            onStateChange={(s) => usePlayback.getState().playerState(s)}
            onError={(message) => fallBack(message, length)}
          />
          {status === 'loading' ? <p className="player-loading">Loading the video…</p> : null}
        </div>
      )}
      <div className="player-controls">
        <button type="button" className="play-toggle" onClick={() => usePlayback.getState().togglePlay()} disabled={status === 'loading'} aria-keyshortcuts="k">
          {playing ? 'Pause' : 'Play'}
        </button>
        <span className="clock" aria-label="Current time">
          <LiveTime />
          {length ? <span className="muted"> / {formatTime(length)}</span> : null}
        </span>
        <button type="button" onClick={onCopyCurrent}>
          Copy link
        </button>
        {unavailable ? <WatchOnYoutube videoId={meta.youtubeId} /> : null}
      </div>
    </div>
  )
}
