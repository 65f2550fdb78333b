import { describe, expect, it } from 'vitest'
import { countOf, formatCount } from './count.ts'

describe('countOf', () => {
  it('makes the noun agree with the number', () => {
    expect(countOf(1, 'episode')).toBe('1 episode')
    expect(countOf(0, 'episode')).toBe('0 episodes')
    expect(countOf(2, 'episode')).toBe('2 episodes')
    expect(countOf(1, 'match', 'matches')).toBe('1 match')
    expect(countOf(3, 'match', 'matches')).toBe('3 matches')
  })
  it('groups thousands and marks a capped count', () => {
    expect(formatCount(21089)).toBe('21,089')
    expect(formatCount(2000, true)).toBe('2,000+')
    expect(countOf(2000, 'line', 'lines', true)).toBe('2,000+ lines')
    expect(countOf(1, 'line', 'lines', true)).toBe('1+ lines')
  })
})
