import { describe, expect, it } from 'vitest'
import {
  episodePath,
  episodeSearch,
  parseShortCode,
  readEpisodeParams,
  shortCode,
  youtubeWatchUrl,
} from './episode-url.ts'

describe('readEpisodeParams', () => {
  it.each([
    ['?t=3748', 3748],
    ['?t=1h2m28s', 3748],
    ['?t=1:02:28', 3748],
    ['?t=62:28', 3748],
    ['?t=162.35', 162.35],
  ])('reads %s', (search, t) => {
    expect(readEpisodeParams(search).t).toBe(t)
  })
  it.each(['?t=abc', '?t=-5', '?t=', '?t=NaN', '?t=1:2:3:4'])('ignores an unreadable time in %s', (search) => {
    expect(readEpisodeParams(search)).toEqual({})
  })
  it('reads the query and repeated speakers', () => {
    expect(readEpisodeParams('?q=terraform+state&who=Alexey&who=Tomasz')).toEqual({
      q: 'terraform state',
      who: ['Alexey', 'Tomasz'],
    })
  })
})

describe('episodePath', () => {
  it('writes t compactly and round-trips the params', () => {
    const path = episodePath('s11e03-x', { t: 3748, q: 'a&b (c)', who: ['Zoë'] })
    expect(path).toBe('/episodes/s11e03-x?t=3748&q=a%26b+%28c%29&who=Zo%C3%AB')
    expect(readEpisodeParams(path.slice(path.indexOf('?')))).toEqual({ t: 3748, q: 'a&b (c)', who: ['Zoë'] })
  })
  it('leaves out empty params', () => {
    expect(episodeSearch({})).toBe('')
    expect(episodePath('a', { t: Number.NaN })).toBe('/episodes/a')
  })
})

describe('short codes', () => {
  it('writes and reads s11e03', () => {
    expect(shortCode(11, 3)).toBe('s11e03')
    expect(shortCode(undefined, 3)).toBeUndefined()
    expect(parseShortCode('s11e03')).toEqual({ season: 11, episode: 3 })
    expect(parseShortCode('S2E14')).toEqual({ season: 2, episode: 14 })
    expect(parseShortCode('episodes')).toBeUndefined()
  })
})

describe('youtubeWatchUrl', () => {
  it('adds a whole-second time', () => {
    expect(youtubeWatchUrl('lem7knxqNzg', 3748.6)).toBe('https://www.youtube.com/watch?v=lem7knxqNzg&t=3748s')
    expect(youtubeWatchUrl('lem7knxqNzg')).toBe('https://www.youtube.com/watch?v=lem7knxqNzg')
  })
})

describe('quote ranges in the URL', () => {
  it('reads ?t=START,END in every time form', () => {
    expect(readEpisodeParams('?t=1:02:28,1:03:10')).toEqual({ t: 3748, range: { start: 3748, end: 3790 } })
    expect(readEpisodeParams('?t=1h2m28s,3790')).toEqual({ t: 3748, range: { start: 3748, end: 3790 } })
    // As a browser may send it, with the comma escaped.
    expect(readEpisodeParams('?t=3748%2C3790')).toEqual({ t: 3748, range: { start: 3748, end: 3790 } })
  })
  it('falls back to the start for a reversed or broken range, to nothing for a broken start', () => {
    expect(readEpisodeParams('?t=3790,3748')).toEqual({ t: 3790 })
    expect(readEpisodeParams('?t=3748,soon')).toEqual({ t: 3748 })
    expect(readEpisodeParams('?t=soon,3748')).toEqual({})
  })
  it('writes a range in place of t, with a plain comma, and reads it back', () => {
    const path = episodePath('a', { range: { start: 3748, end: 3790.5 }, q: 'x y' })
    expect(path).toBe('/episodes/a?t=3748,3790.5&q=x+y')
    expect(readEpisodeParams(path.slice(path.indexOf('?')))).toEqual({
      t: 3748,
      range: { start: 3748, end: 3790.5 },
      q: 'x y',
    })
    expect(episodeSearch({ t: 5, range: { start: 10, end: 20 } })).toBe('?t=10,20')
    expect(episodeSearch({ t: 5, range: { start: 20, end: 10 } })).toBe('?t=5')
  })
})
