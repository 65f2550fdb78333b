import type { PlayerEvents, PlayerPort, PlayerState } from '../../src/playback/player-port.ts'

/** A player whose clock the test sets. Records the calls it receives. */
export class FakePlayer implements PlayerPort {
  time = 0
  state: PlayerState = 'cued'
  readonly calls: string[] = []

  constructor(
    private readonly duration = 3600,
    private readonly events: PlayerEvents = {},
  ) {}

  play(): void {
    this.calls.push('play')
    this.setState('playing')
  }

  pause(): void {
    this.calls.push('pause')
    this.setState('paused')
  }

  seekTo(seconds: number): void {
    this.calls.push(`seekTo(${seconds})`)
    this.time = seconds
  }

  getCurrentTime(): number {
    return this.time
  }

  getState(): PlayerState {
    return this.state
  }

  getDuration(): number {
    return this.duration
  }

  setState(state: PlayerState): void {
    this.state = state
    this.events.onStateChange?.(state)
  }
}
