import { act, render } from '@testing-library/react'
import type { ComponentProps } from 'react'
import type YouTube from 'react-youtube'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { PlayerPort, PlayerState } from '../../playback/player-port.ts'
import { playerPortContract } from '../../../tests/support/player-port-contract.ts'

type YouTubeProps = ComponentProps<typeof YouTube>
const seen: YouTubeProps[] = []

// react-youtube is replaced by a recorder: these tests check what the adapter asks of it.
vi.mock('react-youtube', () => ({
  default: (props: YouTubeProps) => {
    seen.push(props)
    return null
  },
}))

const { YoutubeVideo, YoutubePort, describePlayerError } = await import('./youtube-adapter.tsx')

/** A stand-in for YT.Player: synchronous, like the real one. */
class RawPlayer {
  time = 0
  state = 5
  calls: string[] = []
  constructor(private readonly onState: (s: number) => void = () => {}) {}
  playVideo() {
    this.calls.push('playVideo')
    this.state = 1
    this.onState(1)
  }
  pauseVideo() {
    this.calls.push('pauseVideo')
    this.state = 2
    this.onState(2)
  }
  seekTo(t: number) {
    this.calls.push(`seekTo(${t})`)
    this.time = t
  }
  getCurrentTime() {
    return this.time
  }
  getPlayerState() {
    return this.state
  }
  getDuration() {
    return 4000
  }
}

playerPortContract('YoutubePort', () => {
  const states: PlayerState[] = []
  const map: Record<number, PlayerState> = { 1: 'playing', 2: 'paused' }
  const raw = new RawPlayer((s) => states.push(map[s] ?? 'unstarted'))
  return { port: new YoutubePort(raw), states }
})

function setup(startSeconds = 0) {
  const ready: PlayerPort[] = []
  const states: PlayerState[] = []
  const errors: string[] = []
  const props = {
    videoId: 'lem7knxqNzg',
    startSeconds,
    title: 'Video: test',
    onReady: (p: PlayerPort) => ready.push(p),
    onStateChange: (s: PlayerState) => states.push(s),
    onError: (m: string) => errors.push(m),
  }
  const view = render(<YoutubeVideo {...props} />)
  return { ready, states, errors, props, view }
}

describe('YoutubeVideo', () => {
  beforeEach(() => {
    seen.length = 0
  })

  it('embeds from the privacy-enhanced host, with our origin and the start time', () => {
    setup(3748.6)
    const opts = seen[0]?.opts
    expect(opts?.host).toBe('https://www.youtube-nocookie.com')
    expect(opts?.playerVars).toMatchObject({ start: 3748, autoplay: 0, origin: window.location.origin })
  })

  it('keeps the same options object across re-renders, so the player is never rebuilt', () => {
    const { view, props } = setup(10)
    view.rerender(<YoutubeVideo {...props} startSeconds={99} onReady={() => {}} />)
    expect(seen.length).toBeGreaterThan(1)
    expect(seen[seen.length - 1]?.opts).toBe(seen[0]?.opts)
    expect(seen[seen.length - 1]?.opts?.playerVars?.start).toBe(10)
  })

  it('hands over a synchronous port from the ready event, and reports states', () => {
    const { ready, states } = setup()
    const raw = new RawPlayer()
    act(() => seen[0]?.onReady?.({ target: raw, data: undefined } as never))
    expect(ready).toHaveLength(1)
    ready[0]?.seekTo(12)
    expect(ready[0]?.getCurrentTime()).toBe(12)
    act(() => seen[0]?.onStateChange?.({ target: raw, data: 1 } as never))
    expect(states).toEqual(['playing'])
  })

  it('makes calls after unmount impossible', () => {
    const { ready, view } = setup()
    const raw = new RawPlayer()
    act(() => seen[0]?.onReady?.({ target: raw, data: undefined } as never))
    view.unmount()
    ready[0]?.play()
    ready[0]?.seekTo(5)
    expect(raw.calls).toEqual([])
    expect(ready[0]?.getCurrentTime()).toBe(0)
  })

  it('reports errors in words', () => {
    const { errors } = setup()
    act(() => seen[0]?.onError?.({ target: null, data: 150 } as never))
    expect(errors).toEqual([describePlayerError(150)])
    expect(describePlayerError(150)).toMatch(/does not allow it to be played here/)
    expect(describePlayerError(undefined)).toMatch(/could not load/)
  })
})
