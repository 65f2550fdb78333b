import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_WORDS, isEmptyQuery, parseQuery } from './query.ts'

describe('parseQuery', () => {
  it('splits words, folded, without repeats', () => {
    expect(parseQuery('Machine  learning, machine ENGINEER')).toEqual({
      words: ['machine', 'learning', 'engineer'],
      phrases: [],
    })
  })

  it('reads quoted phrases', () => {
    expect(parseQuery('data "machine learning" ops')).toEqual({
      words: ['data', 'ops'],
      phrases: [{ words: ['machine', 'learning'], open: false }],
    })
    expect(parseQuery('“Główny Urząd”')).toEqual({ words: [], phrases: [{ words: ['glowny', 'urzad'], open: false }] })
  })

  it('treats an unclosed quote as a phrase still being typed', () => {
    expect(parseQuery('"machine lea')).toEqual({ words: [], phrases: [{ words: ['machine', 'lea'], open: true }] })
  })

  it('ignores empty quotes and lone quotes', () => {
    expect(parseQuery('""')).toEqual({ words: [], phrases: [] })
    expect(parseQuery('"')).toEqual({ words: [], phrases: [] })
    expect(isEmptyQuery(parseQuery(' " " '))).toBe(true)
  })

  it('treats special characters as plain text', () => {
    expect(parseQuery('(*[\\ ]) .+? ^$ {1} |')).toEqual({ words: ['1'], phrases: [] })
    expect(parseQuery('c++ node.js')).toEqual({ words: ['c', 'node', 'js'], phrases: [] })
  })

  it('keeps at most MAX_WORDS words', () => {
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')
    expect(parseQuery(many).words).toHaveLength(MAX_WORDS)
  })

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (q) => {
        const parsed = parseQuery(q)
        for (const w of parsed.words) expect(w.length).toBeGreaterThan(0)
        for (const p of parsed.phrases) expect(p.words.length).toBeGreaterThan(0)
      }),
    )
  })
})
