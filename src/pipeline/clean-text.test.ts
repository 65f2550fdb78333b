import { describe, expect, it } from 'vitest'
import { checkSpeakerName, cleanText, editDistance, likelyMisspellings } from './clean-text.ts'

describe('cleanText', () => {
  it('removes control characters and bidi overrides from any text, and says so', () => {
    expect(cleanText('a\u0000b\u0007c\u001b\u007f\u0085d')).toEqual({
      text: 'abcd',
      removed: ['5 control character(s) (U+0000, U+0007, U+001B, …)'],
    })
    expect(cleanText('evil\u202egnp.exe')).toEqual({
      text: 'evilgnp.exe',
      removed: ['1 bidirectional override(s) (U+202E)'],
    })
    expect(cleanText('tab\tline\nreturn\r ’ “x” 日本 🎙 👩‍💻')).toEqual({
      text: 'tab\tline\nreturn\r ’ “x” 日本 🎙 👩‍💻',
      removed: [],
    })
  })

  it('removes zero-width characters from names only', () => {
    expect(cleanText('Al\u200bexey\ufeff', { name: true })).toEqual({
      text: 'Alexey',
      removed: ['2 invisible character(s) (U+200B, U+FEFF)'],
    })
    expect(cleanText('Al\u200bexey').text).toBe('Al\u200bexey')
  })
})

describe('checkSpeakerName', () => {
  it('accepts names', () => {
    for (const n of ['Alexey', 'Alexey Grigorev', 'Dr. Jane Doe', "Mary-Kate O'Neil", '李雷'])
      expect(checkSpeakerName(n)).toEqual({ name: n })
  })

  it('trims a trailing colon or full stop, with a warning', () => {
    expect(checkSpeakerName('Alexey:')).toMatchObject({
      name: 'Alexey',
      warning: expect.stringMatching(/ends with ":", which is trimmed: read as "Alexey"/),
    })
    expect(checkSpeakerName('Alexey.')).toMatchObject({
      name: 'Alexey',
      warning: expect.stringMatching(/ends with "\."/),
    })
  })

  it('warns about a sentence or a paragraph given as a name', () => {
    expect(checkSpeakerName('So I think the main thing about data engineering tools is this').warning).toMatch(
      /does not look like a name \(12 words/,
    )
    expect(checkSpeakerName('Yes, right').warning).toMatch(/does not look like a name/)
  })
})

describe('likelyMisspellings', () => {
  it('suggests the frequent speaker one or two edits away, or with letters run on', () => {
    const counts = new Map([
      ['Alexey', 40],
      ['Alexy', 1],
      ['Alexeylexey', 1],
      ['Alexei', 2],
      ['Tomasz', 30],
      ['Ana', 1],
      ['Alexey Grigorev', 1],
    ])
    expect(Object.fromEntries(likelyMisspellings(counts))).toEqual({
      Alexy: 'Alexey',
      Alexeylexey: 'Alexey',
      Alexei: 'Alexey',
    })
  })

  it('leaves two frequent speakers with close names alone', () => {
    expect(
      likelyMisspellings(
        new Map([
          ['Anna', 10],
          ['Anne', 10],
        ]),
      ).size,
    ).toBe(0)
  })
})

describe('editDistance', () => {
  it('counts edits up to the limit', () => {
    expect(editDistance('alexey', 'alexey')).toBe(0)
    expect(editDistance('alexey', 'alexy')).toBe(1)
    expect(editDistance('alexey', 'alexei')).toBe(1)
    expect(editDistance('alexey', 'tomasz')).toBe(3)
  })
})
