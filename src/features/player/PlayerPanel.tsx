import { useEffect, useRef, useState } from 'react'
import type { Chapter, EpisodeMeta } from '../../lib/episode/types.ts'
import { formatTime, timeLabel } from '../../lib/time/time.ts'
import { youtubeThumbnailUrl, youtubeWatchUrl } from '../../lib/url/episode-url.ts'
import { subscribeTime, usePlayback } from '../../playback/playback-store.ts'
import { ReadAlongClock } from '../../playback/read-along-clock.ts'
import { YoutubeVideo } from './youtube-adapter.tsx'
import { rememberIfApiMissing, youtubeApiKnownToFail, youtubeApiLoaded } from './youtube-api.ts'

/** How long the IFrame API may take to become ready before the read-along clock takes over. */
export const PLAYER_READY_TIMEOUT_MS = 8000

/**
 * The video cannot play: say why, and hand the clock to a read-along clock that runs the
 * whole episode (`length`) and plays again from the first line once at the end. True when the
 * IFrame API itself is missing.
 */
function fallBack(message: string, length: number): boolean {
  const apiMissing = rememberIfApiMissing()
  const { playerState, timeline } = usePlayback.getState()
  const firstLine = timeline?.lines[0]?.start ?? 0
  usePlayback
    .getState()
    .videoUnavailable(message, new ReadAlongClock(length, { onStateChange: playerState }, undefined, firstLine))
  return apiMissing
}

export interface PlayerPanelProps {
  meta: EpisodeMeta
  /** Listed, without JavaScript, as links that open the video on YouTube at each chapter. */
  chapters?: readonly Chapter[]
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

export function PlayerPanel({ meta, chapters, startAt, length, onCopyCurrent }: PlayerPanelProps) {
  const status = usePlayback((s) => s.videoStatus)
  const problem = usePlayback((s) => s.videoProblem)
  const playing = usePlayback((s) => s.playing)
  // The read-along session went on because the IFrame API was missing; it may arrive later.
  const [apiMissing, setApiMissing] = useState(false)
  const [apiArrived, setApiArrived] = useState(false)
  // Switching from the read-along clock to the video, which was cued at this time.
  const [switchAt, setSwitchAt] = useState<number | null>(null)
  const switching = useRef(false)

  useEffect(() => {
    if (status !== 'loading') return
    // After the API failed once in this session, fall back at once rather than wait again.
    const wait = youtubeApiKnownToFail() ? 0 : PLAYER_READY_TIMEOUT_MS
    const id = window.setTimeout(
      () =>
        setApiMissing(
          fallBack('The YouTube player did not load: you may be offline, or an extension may block it.', length),
        ),
      wait,
    )
    return () => window.clearTimeout(id)
  }, [status, length])

  useEffect(() => {
    if (status !== 'unavailable' || !apiMissing || apiArrived) return
    const id = window.setInterval(() => {
      if (youtubeApiLoaded()) setApiArrived(true)
    }, 1000)
    return () => window.clearInterval(id)
  }, [status, apiMissing, apiArrived])

  const unavailable = status === 'unavailable'
  const switchToVideo = () => {
    const playback = usePlayback.getState()
    if (playback.playing) playback.togglePlay()
    switching.current = true
    setSwitchAt(playback.currentTime())
  }
  // The video is shown while it loads, plays, or takes over from the read-along clock; the
  // read-along session goes on until the video is ready.
  const showVideo = !unavailable || switchAt !== null
  return (
    <div className="player">
      {unavailable ? (
        <div className="player-fallback" role="status">
          <p className="player-problem">
            <strong>The video can’t play here.</strong> {problem}
          </p>
          <p>You can still read along: the clock below moves the highlight through the transcript.</p>
          {apiArrived && switchAt === null ? (
            <p>
              The YouTube player has loaded now.{' '}
              <button type="button" onClick={switchToVideo}>
                Switch to the video here
              </button>
            </p>
          ) : null}
        </div>
      ) : null}
      {showVideo ? (
        <div className="player-video">
          <YoutubeVideo
            videoId={meta.youtubeId}
            startSeconds={switchAt ?? startAt}
            title={`Video: ${meta.title}`}
            onReady={(port) => {
              if (usePlayback.getState().videoStatus === 'unavailable') {
                // A player whose API arrived after the fallback must not replace the read-along session unasked.
                if (!switching.current) return
                // Taking over from the read-along clock: the video continues where the reader is.
                usePlayback.getState().requestSeek(usePlayback.getState().currentTime())
              }
              usePlayback.getState().connect(port, 'video')
            }}
            onStateChange={(s) => usePlayback.getState().playerState(s)}
            onError={(message) => {
              switching.current = false
              setSwitchAt(null)
              setApiMissing(fallBack(message, length))
            }}
          />
          {status === 'loading' ? <p className="player-loading needs-js">Loading the video…</p> : null}
          {/* Without JavaScript: the thumbnail opens the video on YouTube (React does not hydrate inside noscript). */}
          <noscript>
            <a
              className="player-thumbnail"
              href={youtubeWatchUrl(meta.youtubeId)}
              target="_blank"
              rel="noopener noreferrer"
            >
              <img src={youtubeThumbnailUrl(meta.youtubeId)} alt="" width={480} height={360} />
              <span>Watch on YouTube</span>
            </a>
          </noscript>
        </div>
      ) : null}
      {chapters?.length ? (
        <noscript>
          <details className="player-chapters-youtube">
            <summary>Watch on YouTube from a chapter</summary>
            <ol>
              {chapters.map((c, i) => (
                <li key={i}>
                  <a href={youtubeWatchUrl(meta.youtubeId, c.start)} target="_blank" rel="noopener noreferrer">
                    <span className="chapter-time">{timeLabel(c.start, c.estimated)}</span> {c.title}
                  </a>
                </li>
              ))}
            </ol>
          </details>
        </noscript>
      ) : null}
      <div className="player-controls needs-js">
        <button
          type="button"
          className="play-toggle"
          onClick={() => usePlayback.getState().togglePlay()}
          disabled={status === 'loading'}
          aria-keyshortcuts="k"
        >
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
