import { FakePlayer } from '../../tests/support/fake-player.ts'
import type { PlayerState } from './player-port.ts'
import { playerPortContract } from '../../tests/support/player-port-contract.ts'
import { ReadAlongClock } from './read-along-clock.ts'

playerPortContract('FakePlayer', () => {
  const states: PlayerState[] = []
  return { port: new FakePlayer(100, { onStateChange: (s) => states.push(s) }), states }
})

playerPortContract('ReadAlongClock', () => {
  const states: PlayerState[] = []
  return { port: new ReadAlongClock(100, { onStateChange: (s) => states.push(s) }, () => 0), states }
})
