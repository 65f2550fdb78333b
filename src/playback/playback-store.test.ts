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

describe('playing a quote', () => {
  beforeEach(() => usePlayback.getState().reset())
  afterEach(() => usePlayback.getState().reset())

  /** Plays the fake clock forward in small steps, as the sync loop reads it. */
  function playTo(player: FakePlayer, to: number, step = 0.25) {
    while (player.time < to && player.state === 'playing') {
      player.time = Math.min(to, player.time + step)
      usePlayback.getState().tick()
    }
  }

  it('marks the lines a quote overlaps', () => {
    connectFake()
    usePlayback.getState().setQuote({ start: 15, end: 35 })
    expect(usePlayback.getState()).toMatchObject({ quoteFirst: 0, quoteLast: 2, quoteEnded: false })
    usePlayback.getState().setQuote(null)
    expect(usePlayback.getState()).toMatchObject({ quote: null, quoteFirst: -1, quoteLast: -1 })
  })

  it('pauses once at the end, then Continue plays on', () => {
    const player = connectFake(20)
    usePlayback.getState().setQuote({ start: 20, end: 30 }, { stop: true })
    usePlayback.getState().togglePlay() // plain Play plays the quote
    playTo(player, 40)
    expect(player.time).toBeCloseTo(30, 0)
    expect(player.state).toBe('paused')
    expect(usePlayback.getState().quoteEnded).toBe(true)
    usePlayback.getState().continuePlaying()
    expect(usePlayback.getState().quoteEnded).toBe(false)
    playTo(player, 40)
    expect(player.time).toBe(40)
    expect(player.calls.filter((c) => c === 'pause')).toHaveLength(1)
  })

  it('plain Play after the stop goes on too', () => {
    const player = connectFake(20)
    usePlayback.getState().setQuote({ start: 20, end: 30 }, { stop: true })
    usePlayback.getState().togglePlay()
    playTo(player, 40)
    usePlayback.getState().togglePlay()
    expect(usePlayback.getState().quoteEnded).toBe(false)
    playTo(player, 40)
    expect(player.time).toBe(40)
  })

  it('Play quote seeks to the start and stops at the end again', () => {
    const player = connectFake()
    usePlayback.getState().setQuote({ start: 20, end: 30 })
    player.time = 35
    usePlayback.getState().playQuote()
    expect(player.calls).toContain('seekTo(20)')
    playTo(player, 40)
    expect(player.time).toBeCloseTo(30, 0)
    expect(player.state).toBe('paused')
  })

  it('does not stop after a seek out of the quote, or a jump far past its end', () => {
    const player = connectFake(20)
    usePlayback.getState().setQuote({ start: 20, end: 30 }, { stop: true })
    usePlayback.getState().requestSeek(5, { play: true })
    playTo(player, 40)
    expect(player.time).toBe(40)

    usePlayback.getState().playQuote()
    player.time = 25
    usePlayback.getState().tick()
    player.time = 50 // the player's own scrubber
    usePlayback.getState().tick()
    playTo(player, 60)
    expect(player.time).toBe(60)
  })
})
