import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { catalogFile, dataFileAt, episodeDataFile, searchDataFile } from './files.ts'

describe('the data-file table', () => {
  it('names the catalog by its hash and reads it back', () => {
    expect(catalogFile('0123abcdef')).toBe('data/catalog.0123abcdef.json')
    expect(dataFileAt('data/catalog.0123abcdef.json')).toEqual({ kind: 'catalog', hash: '0123abcdef' })
    expect(dataFileAt('/data/catalog.0123abcdef.json')).toEqual({ kind: 'catalog', hash: '0123abcdef' })
  })

  it('reads back any slug it writes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (slug) => {
        expect(dataFileAt(episodeDataFile(slug))).toEqual({ kind: 'episode-data', slug })
      }),
    )
  })

  it('names the search data chunks by their hash and reads them back', () => {
    for (const chunk of ['meta', 'words', 'lines', 'speakers'] as const) {
      expect(searchDataFile(chunk, '0123abcdef01')).toBe(`data/search-index/${chunk}.0123abcdef01.json`)
      expect(dataFileAt(searchDataFile(chunk, '0123abcdef01'))).toEqual({
        kind: 'search-data',
        chunk,
        hash: '0123abcdef01',
      })
    }
    expect(dataFileAt('data/search-index/other.0123.json')).toBeUndefined()
    expect(dataFileAt('data/search-index/meta.xyz.json')).toBeUndefined()
  })

  it('names nothing else', () => {
    for (const p of [
      '',
      'data/catalog.json',
      'data/catalog.XYZ.json',
      'data/episodes/a/b.json',
      'episodes/a.json',
      'data/episodes/%E0.json',
    ])
      expect(dataFileAt(p)).toBeUndefined()
  })
})
