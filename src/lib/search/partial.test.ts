import { describe, expect, it } from 'vitest'
import { withoutLabel } from './partial.ts'

describe('withoutLabel', () => {
  it('is empty when the lines have every word', () => {
    expect(withoutLabel([], [[], []])).toBe('')
  })

  it('names the one word the lines lack', () => {
    expect(withoutLabel(['foo'], [['foo'], ['foo']])).toBe('No line has every word: results without “foo”')
  })

  it('says "and" when every line lacks every word named, "or" when lines lack different ones', () => {
    expect(withoutLabel(['foo', 'bar'], [['foo', 'bar']])).toBe(
      'No line has every word: results without “foo” and “bar”',
    )
    expect(withoutLabel(['a', 'b', 'c'], [['a'], ['b'], ['c']])).toBe(
      'No line has every word: results without “a”, “b” or “c”',
    )
  })
})
