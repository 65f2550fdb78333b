import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  catalogFile,
  dataFileAt,
  episodeDataFile,
  EXPORT_FILES,
  exportFile,
  numberedChunkName,
  SEARCH_DATA_DIR,
  searchDataFile,
} from './files.ts'

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

  it("names the transcript's five export files beside each episode's page, with their media types", () => {
    expect(EXPORT_FILES.map((f) => [f.name, f.type])).toEqual([
      ['transcript.json', 'application/json'],
      ['transcript.vtt', 'text/vtt'],
      ['transcript.srt', 'application/x-subrip'],
      ['transcript.txt', 'text/plain'],
      ['chapters.json', 'application/json+chapters'],
    ])
    for (const file of EXPORT_FILES) {
      expect(exportFile('a b', file)).toBe(`episodes/a%20b/${file.name}`)
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 40 }), (slug) => {
          expect(dataFileAt(exportFile(slug, file))).toEqual({ kind: 'export', slug, file })
        }),
      )
    }
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
    // Line chunks: one hash for the set, and a number.
    const numbered = `${SEARCH_DATA_DIR}/${numberedChunkName('lines', '0123abcdef01', 17)}`
    expect(numbered).toBe('data/search-index/lines.0123abcdef01-17.json')
    expect(dataFileAt(numbered)).toEqual({ kind: 'search-data', chunk: 'lines', hash: '0123abcdef01-17' })
    expect(dataFileAt('data/search-index/lines.0123-x.json')).toBeUndefined()
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
      'episodes/a/index.html',
      'episodes/a/transcript.pdf',
      'episodes/a/b/transcript.vtt',
      'episodes/%E0/transcript.vtt',
    ])
      expect(dataFileAt(p)).toBeUndefined()
  })
})
