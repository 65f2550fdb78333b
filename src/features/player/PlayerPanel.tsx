import { useEffect, useRef, useState } from 'react'
import type { EpisodeMeta } from '../../lib/episode/types.ts'
import { formatTime } from '../../lib/time/time.ts'
import { youtubeWatchUrl } from '../../lib/url/episode-url.ts'
import { subscribeTime, usePlayback } from '../../playback/playback-store.ts'
import { ReadAlongClock } from '../../playback/read-along-clock.ts'
import { YoutubeVideo } from './youtube-adapter.tsx'

/** How long the IFrame API may take to become ready before the read-along clock takes over. */
export const PLAYER_READY_TIMEOUT_MS = 8000

/** The video cannot play: say why, and hand the clock to a read-along clock. */
function fallBack(message: string, duration: number): void {
  usePlayback.getState().videoUnavailable(message, new ReadAlongClock(duration, { onStateChange: (s) => usePlayback.getState().playerState(s) }))
}

export interface PlayerPanelProps {
  meta: EpisodeMeta
  startAt: number
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

export function PlayerPanel({ meta, startAt, onCopyCurrent }: PlayerPanelProps) {
  const status = usePlayback((s) => s.videoStatus)
  const problem = usePlayback((s) => s.videoProblem)
  const playing = usePlayback((s) => s.playing)
  const [duration] = useState(() => meta.durationSec ?? 0)

  useEffect(() => {
    if (status !== 'loading') return
    const id = window.setTimeout(() => fallBack('The YouTube player did not load: you may be offline, or an extension may block it.', duration), PLAYER_READY_TIMEOUT_MS)
    return () => window.clearTimeout(id)
  }, [status, duration])

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
            onError={(message) => fallBack(message, duration)}
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
          {duration ? <span className="muted"> / {formatTime(duration)}</span> : null}
        </span>
        <button type="button" onClick={onCopyCurrent}>
          Copy link
        </button>
        {unavailable ? <WatchOnYoutube videoId={meta.youtubeId} /> : null}
      </div>
    </div>
  )
}
