/**
 * The player as the rest of Playscript sees it. Implemented by the YouTube
 * adapter (the only code that touches react-youtube and the IFrame API), by
 * the read-along clock used when the video cannot play, and by a fake in tests
 * (tests/support/fake-player.ts).
 *
 * Every call is synchronous. The adapter's port outlives its player safely: once the
 * player is unmounted, calls do nothing and the time reads 0.
 */
export type PlayerState = 'unstarted' | 'cued' | 'playing' | 'paused' | 'buffering' | 'ended'

export interface PlayerPort {
  play(): void
  pause(): void
  /** Seconds on the episode's clock. */
  seekTo(seconds: number): void
  /** Seconds on the episode's clock; 0 before anything plays. */
  getCurrentTime(): number
  getState(): PlayerState
  /** Total length in seconds when known, else 0. */
  getDuration(): number
}

export interface PlayerEvents {
  onStateChange?: (state: PlayerState) => void
}

/** Where the clock comes from: the video, or the read-along clock when the video cannot play. */
export type PlayerSource = 'video' | 'read-along'
