/**
 * The contract every PlayerPort keeps, as a reusable test suite: the fake,
 * the read-along clock and the YouTube adapter all run it.
 */
import { describe, expect, it } from 'vitest'
import type { PlayerPort, PlayerState } from '../../src/playback/player-port.ts'

export interface PortUnderTest {
  port: PlayerPort
  /** States reported through the port's events, in order. */
  states: PlayerState[]
}

export function playerPortContract(name: string, make: () => PortUnderTest): void {
  describe(`${name} keeps the PlayerPort contract`, () => {
    it('seeks synchronously: getCurrentTime answers the target at once', () => {
      const { port } = make()
      port.seekTo(42)
      expect(port.getCurrentTime()).toBe(42)
    })
    it('plays and pauses, reporting each state', () => {
      const { port, states } = make()
      port.play()
      expect(port.getState()).toBe('playing')
      port.pause()
      expect(port.getState()).toBe('paused')
      expect(states).toEqual(['playing', 'paused'])
    })
    it('answers a finite, non-negative time and duration', () => {
      const { port } = make()
      expect(Number.isFinite(port.getCurrentTime())).toBe(true)
      expect(port.getCurrentTime()).toBeGreaterThanOrEqual(0)
      expect(port.getDuration()).toBeGreaterThanOrEqual(0)
    })
  })
}
