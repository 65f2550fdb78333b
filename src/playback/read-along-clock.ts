import type { PlayerEvents, PlayerPort, PlayerState } from './player-port.ts'

/**
 * A clock that stands in for the video when it cannot play (the IFrame API is
 * blocked or offline, or embedding is refused): play, pause and seek drive the
 * same highlight and follow-scroll as the video would.
 */
export class ReadAlongClock implements PlayerPort {
  private state: PlayerState = 'paused'
  /** Clock value when last paused or seeked. */
  private base = 0
  /** `now()` when play started, while playing. */
  private startedAt = 0

  /**
   * @param duration how long the episode runs (the later of its stated duration and its last
   *   line's end): the clock stops there; 0 for no end.
   * @param restartAt where Play starts again once the clock has reached the end: the first
   *   line, not 0:00.
   */
  constructor(
    private readonly duration: number,
    private readonly events: PlayerEvents = {},
    private readonly now: () => number = () => performance.now(),
    private readonly restartAt = 0,
  ) {}

  play(): void {
    if (this.state === 'playing') return
    if (this.duration > 0 && this.base >= this.duration) this.base = Math.min(this.restartAt, this.duration)
    this.startedAt = this.now()
    this.setState('playing')
  }

  pause(): void {
    if (this.state !== 'playing') return
    this.base = this.getCurrentTime()
    this.setState('paused')
  }

  seekTo(seconds: number): void {
    const max = this.duration > 0 ? this.duration : Number.POSITIVE_INFINITY
    this.base = Math.min(Math.max(0, seconds), max)
    this.startedAt = this.now()
  }

  getCurrentTime(): number {
    if (this.state !== 'playing') return this.base
    const t = this.base + (this.now() - this.startedAt) / 1000
    if (this.duration > 0 && t >= this.duration) {
      this.base = this.duration
      this.setState('ended')
      return this.duration
    }
    return t
  }

  getState(): PlayerState {
    return this.state
  }

  getDuration(): number {
    return this.duration
  }

  private setState(state: PlayerState): void {
    this.state = state
    this.events.onStateChange?.(state)
  }
}
