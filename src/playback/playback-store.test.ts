import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SourceItem } from '../lib/episode/types.ts'
import { buildTimeline } from '../lib/timeline/timeline.ts'
import { FakePlayer } from '../../tests/support/fake-player.ts'
import { subscribeTime, usePlayback } from './playback-store.ts'
import { ReadAlongClock } from './read-along-clock.ts'

const items: SourceItem[] = [
  { kind: 'header', title: 'Intro' },
  { kind: 'line', text: 'Hello and welcome.', sec: 10, who: 'Ana' },
  { kind: 'line', text: 'Thanks for having me.', sec: 20, who: 'Ben' },
  { kind: 'header', title: 'Career' },
  { kind: 'line', text: 'Tell us about your career.', sec: 30, who: 'Ana' },
  { kind: 'line', text: 'It started by accident.', sec: 40, who: 'Ben' },
]
const { timeline } = buildTimeline(items)

function connectFake(startAt?: number) {
  const store = usePlayback.getState()
  store.attach(timeline, startAt)
  const player = new FakePlayer(100, { onStateChange: (s) => usePlayback.getState().playerState(s) })
  usePlayback.getState().connect(player, 'video')
  return player
}

describe('playback store', () => {
  beforeEach(() => usePlayback.getState().reset())
  afterEach(() => usePlayback.getState().reset())

  it('starts with no active line before the first start', () => {
    connectFake()
    expect(usePlayback.getState().activeLine).toBe(-1)
    expect(usePlayback.getState().activeChapter).toBe(-1)
  })

  it('moves the active line and chapter as the clock passes starts', () => {
    const player = connectFake()
    player.time = 10
    usePlayback.getState().tick()
    expect(usePlayback.getState()).toMatchObject({ activeLine: 0, activeChapter: 0 })
    player.time = 35
    usePlayback.getState().tick()
    expect(usePlayback.getState()).toMatchObject({ activeLine: 2, activeChapter: 1 })
  })

  it('commits nothing on a tick that does not change the line', () => {
    const player = connectFake()
    player.time = 12
    usePlayback.getState().tick()
    let commits = 0
    const unsubscribe = usePlayback.subscribe(() => commits++)
    for (let t = 12; t < 20; t += 0.25) {
      player.time = t
      usePlayback.getState().tick()
    }
    unsubscribe()
    expect(commits).toBe(0)
  })

  it('calls time listeners on every tick, without a store change', () => {
    const player = connectFake()
    const seen: number[] = []
    const off = subscribeTime((t) => seen.push(t))
    player.time = 11
    usePlayback.getState().tick()
    player.time = 11.5
    usePlayback.getState().tick()
    off()
    expect(seen).toEqual([11, 11.5])
  })

  it('cues a share-link time on connect, without playing', () => {
    const player = connectFake(31)
    expect(player.calls).toEqual(['seekTo(31)'])
    expect(usePlayback.getState()).toMatchObject({ activeLine: 2, playing: false })
  })

  it('seeks, plays and highlights at once when the user asks', () => {
    const player = connectFake()
    usePlayback.getState().requestSeek(20, { play: true })
    expect(player.calls).toEqual(['seekTo(20)', 'play'])
    expect(usePlayback.getState()).toMatchObject({ activeLine: 1, playing: true, following: true })
  })

  it('regression: ignores a stale report of the old position right after a seek', () => {
    const player = connectFake()
    player.time = 10
    usePlayback.getState().tick()
    usePlayback.getState().requestSeek(40)
    // The player has not caught up yet and still reports the old time.
    player.time = 10.2
    usePlayback.getState().tick()
    expect(usePlayback.getState().activeLine).toBe(3)
    // Once it reports a time near the target, ticks apply again.
    player.time = 40.5
    usePlayback.getState().tick()
    player.time = 12
    usePlayback.getState().tick()
    expect(usePlayback.getState().activeLine).toBe(0)
  })

  it('resumes following on a requested seek', () => {
    connectFake()
    usePlayback.getState().setFollowing(false)
    usePlayback.getState().requestSeek(30)
    expect(usePlayback.getState().following).toBe(true)
  })

  it('hands over to the read-along clock at the same time when the video fails', () => {
    const player = connectFake()
    player.time = 30
    usePlayback.getState().tick()
    let now = 0
    const clock = new ReadAlongClock(100, { onStateChange: (s) => usePlayback.getState().playerState(s) }, () => now)
    usePlayback.getState().videoUnavailable('blocked', clock)
    expect(usePlayback.getState()).toMatchObject({
      videoStatus: 'unavailable',
      videoProblem: 'blocked',
      source: 'read-along',
      activeLine: 2,
    })
    expect(clock.getCurrentTime()).toBe(30)
    usePlayback.getState().togglePlay()
    expect(usePlayback.getState().playing).toBe(true)
    now = 10_500
    usePlayback.getState().tick()
    expect(usePlayback.getState().activeLine).toBe(3)
  })

  it('starts the read-along clock at the first line when the video fails at 0:00', () => {
    connectFake()
    const clock = new ReadAlongClock(100, {}, () => 0)
    usePlayback.getState().videoUnavailable('blocked', clock)
    expect(clock.getCurrentTime()).toBe(10)
    expect(usePlayback.getState().activeLine).toBe(0)
  })

  it('stops a seek past the end at the end', () => {
    usePlayback.getState().attach(timeline, 0, 50)
    const player = new FakePlayer(100, {})
    usePlayback.getState().connect(player, 'video')
    usePlayback.getState().requestSeek(5000)
    expect(player.time).toBe(50)
    expect(usePlayback.getState().activeLine).toBe(3)
  })

  it('does nothing on play or seek before a player is connected, but still highlights the cue', () => {
    usePlayback.getState().attach(timeline)
    usePlayback.getState().togglePlay()
    usePlayback.getState().requestSeek(22)
    expect(usePlayback.getState()).toMatchObject({ activeLine: 1, playing: false })
    expect(usePlayback.getState().currentTime()).toBe(22)
  })
})

describe('ReadAlongClock', () => {
  it('runs while playing, holds while paused, and stops at the end', () => {
    let now = 0
    const states: string[] = []
    const clock = new ReadAlongClock(60, { onStateChange: (s) => states.push(s) }, () => now)
    clock.seekTo(10)
    clock.play()
    now = 5000
    expect(clock.getCurrentTime()).toBe(15)
    clock.pause()
    now = 9000
    expect(clock.getCurrentTime()).toBe(15)
    clock.play()
    now = 100_000
    expect(clock.getCurrentTime()).toBe(60)
    expect(states).toEqual(['playing', 'paused', 'playing', 'ended'])
    clock.seekTo(-5)
    expect(clock.getCurrentTime()).toBe(0)
  })

  it('plays again from its restart point, not 0:00, once it has reached the end', () => {
    let now = 0
    const clock = new ReadAlongClock(60, {}, () => now, 12)
    clock.seekTo(59)
    clock.play()
    now = 5000
    expect(clock.getCurrentTime()).toBe(60)
    clock.play()
    expect(clock.getCurrentTime()).toBe(12)
  })
})
