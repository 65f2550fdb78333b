import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fold, foldName, foldWord, keyPrefixEnd, tokenize } from './normalize.ts'

/** The original text of every token. */
function words(text: string): string[] {
  return tokenize(text).map((t) => text.slice(t.start, t.end))
}

describe('foldWord', () => {
  it('ignores case and accents', () => {
    expect(foldWord('Poznań')).toBe('poznan')
    expect(foldWord('Główny')).toBe('glowny')
    expect(foldWord('Urząd')).toBe('urzad')
    expect(foldWord('ÉCOLE')).toBe('ecole')
    expect(foldWord('Ørsted')).toBe('orsted')
    expect(foldWord('Straße')).toBe('strasse')
  })

  it('folds decomposed input the same as composed input', () => {
    expect(foldWord('Poznan\u0301')).toBe(foldWord('Poznań'))
  })

  it('expands ligatures and full-width letters', () => {
    expect(foldWord('ﬁle')).toBe('file')
    expect(foldWord('ＡＢＣ')).toBe('abc')
  })

  it('drops apostrophes inside words, typed or typographic', () => {
    expect(foldWord("don't")).toBe('dont')
    expect(foldWord('don’t')).toBe('dont')
  })
})

describe('foldName', () => {
  it('compares names loosely', () => {
    expect(foldName('  Alexey   GRIGOREV ')).toBe('alexey grigorev')
    expect(foldName('Theo:')).toBe('theo')
  })
})

describe('fold', () => {
  it('ignores case and accents, character by character', () => {
    expect(fold('Główny Urząd')).toBe('glowny urzad')
    expect(fold('Łukasz, Straße, Ørsted')).toBe('lukasz, strasse, orsted')
    expect(fold('Poznan\u0301 x')).toBe('poznan x')
    expect(fold('a ﬁle')).toBe('a file')
    expect(fold('🎉 Kubernetes')).toBe('🎉 kubernetes')
  })

  it('folds every word of a text to its search key (apostrophes aside)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        for (const t of tokenize(s)) expect(fold(s.slice(t.start, t.end)).replace(/'/g, '')).toBe(t.key)
      }),
    )
  })
})

describe('tokenize', () => {
  it('splits on anything that is not a letter or digit', () => {
    expect(words('Hello, world! (A/B testing) psycopg2 [x]*')).toEqual([
      'Hello',
      'world',
      'A',
      'B',
      'testing',
      'psycopg2',
      'x',
    ])
  })

  it('keys words folded and gives original ranges', () => {
    expect(tokenize('Poznań, Główny Urząd')).toEqual([
      { key: 'poznan', start: 0, end: 6 },
      { key: 'glowny', start: 8, end: 14 },
      { key: 'urzad', start: 15, end: 20 },
    ])
  })

  it('keeps an apostrophe between letters inside the word', () => {
    expect(tokenize('I don’t know')).toEqual([
      { key: 'i', start: 0, end: 1 },
      { key: 'dont', start: 2, end: 7 },
      { key: 'know', start: 8, end: 12 },
    ])
    // Quotes around a word are not part of it.
    expect(words("'quoted' rock 'n' roll")).toEqual(['quoted', 'rock', 'n', 'roll'])
    expect(words("the students' work")).toEqual(['the', 'students', 'work'])
  })

  it('does not split a word on marks or invisible format characters', () => {
    expect(tokenize('Poznan\u0301!')).toEqual([{ key: 'poznan', start: 0, end: 7 }])
    expect(tokenize('data\u00adops')).toEqual([{ key: 'dataops', start: 0, end: 8 }])
  })

  it('handles emoji, ligatures and other scripts', () => {
    expect(tokenize('🎉 Kubernetes!')).toEqual([{ key: 'kubernetes', start: 3, end: 13 }])
    expect(tokenize('a ﬁle')).toEqual([
      { key: 'a', start: 0, end: 1 },
      { key: 'file', start: 2, end: 5 },
    ])
    expect(tokenize('Привет, мир').map((t) => t.key)).toEqual(['привет', 'мир'])
  })

  it('gives ranges inside the text, in order, that fold to the key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        let last = 0
        for (const t of tokenize(s)) {
          expect(t.start).toBeGreaterThanOrEqual(last)
          expect(t.end).toBeGreaterThan(t.start)
          expect(t.end).toBeLessThanOrEqual(s.length)
          expect(t.key.length).toBeGreaterThan(0)
          expect(foldWord(s.slice(t.start, t.end))).toBe(t.key)
          last = t.end
        }
      }),
    )
  })
})

describe('keyPrefixEnd', () => {
  it('finds where a typed prefix ends in the original word', () => {
    expect(keyPrefixEnd('Kubernetes', 0, 10, 4)).toBe(4)
    expect(keyPrefixEnd('Poznań', 0, 6, 6)).toBe(6)
    expect(keyPrefixEnd('Poznan\u0301', 0, 7, 6)).toBe(7)
    expect(keyPrefixEnd('don’t', 0, 5, 4)).toBe(5)
    expect(keyPrefixEnd('don’t', 0, 5, 3)).toBe(3)
    // Half of a ligature highlights all of it.
    expect(keyPrefixEnd('ﬁle', 0, 3, 1)).toBe(1)
  })
})
