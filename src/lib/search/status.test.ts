import { describe, expect, it } from 'vitest'
import { episodeSearchStatus, type EpisodeSearchStatusInput } from './status.ts'

const base: EpisodeSearchStatusInput = {
  query: 'x',
  ready: true,
  failed: false,
  listed: 0,
  total: 0,
  chapters: 0,
  current: -1,
}
const status = (patch: Partial<EpisodeSearchStatusInput>) => episodeSearchStatus({ ...base, ...patch })

describe('episodeSearchStatus', () => {
  it('says nothing without a query (a speaker filter alone lists no results)', () => {
    expect(status({ query: '  ', listed: 5, total: 5, current: 0 })).toBe('')
  })
  it('says when the engine is loading or failed', () => {
    expect(status({ ready: false })).toBe('Searching…')
    expect(status({ failed: true })).toBe('Search is unavailable')
  })
  it('counts the chapter titles it lists: no "No matches" above a listed chapter', () => {
    expect(status({})).toBe('No matches')
    expect(status({ chapters: 1 })).toBe('1 chapter, no lines')
    expect(status({ chapters: 2 })).toBe('2 chapters, no lines')
    expect(status({ listed: 1, total: 1, chapters: 1, current: 0 })).toBe('1 of 1 line · 1 chapter')
  })
  it('says where the current line is among the lines', () => {
    expect(status({ listed: 14, total: 14, current: 1 })).toBe('2 of 14 lines')
    expect(status({ listed: 14, total: 14, current: -1 })).toBe('14 lines')
  })
  it('marks a capped list with + and groups thousands', () => {
    expect(status({ listed: 2000, total: 4810, current: 0 })).toBe('1 of 2,000+ lines')
    expect(status({ listed: 2500, total: 2500, current: 1999 })).toBe('2,000 of 2,500 lines')
  })
})
