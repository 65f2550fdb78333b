import { describe, expect, it } from 'vitest'
import type { CatalogEntry } from '../episode/types.ts'
import { filterCatalog, readCatalogFilter, seasonsOf, topicsOf, writeCatalogFilter } from './filter.ts'

function meta(p: Partial<CatalogEntry> & { slug: string }): CatalogEntry {
  return {
    title: p.slug,
    guests: [],
    guestNames: [],
    youtubeId: 'lem7knxqNzg',
    topics: [],
    lineCount: 0,
    chapterCount: 0,
    ...p,
  }
}

const episodes = [
  meta({ slug: 'a', title: 'DataOps in Poznań', season: 11, guestNames: ['Tomasz'], topics: ['DataOps', 'Terraform'] }),
  meta({ slug: 'b', title: 'Kaggle to production', season: 12, guestNames: ['Ana'], topics: ['MLOps'] }),
  meta({ slug: 'c', title: 'No season', topics: ['MLOps', 'Careers'] }),
]

describe('filterCatalog', () => {
  it('matches every word in title, guests or topics, ignoring case and accents', () => {
    expect(filterCatalog(episodes, { q: 'poznan tomasz' }).map((m) => m.slug)).toEqual(['a'])
    expect(filterCatalog(episodes, { q: 'TERRAFORM' }).map((m) => m.slug)).toEqual(['a'])
    expect(filterCatalog(episodes, { q: 'kaggle tomasz' })).toEqual([])
  })
  it('folds as search does: letters Unicode does not decompose match their base letter', () => {
    const polish = [
      meta({ slug: 'p', title: 'Łukasz on Straße data', guestNames: ['Łukasz Żółć'], topics: ['Ørsted'] }),
    ]
    expect(filterCatalog(polish, { q: 'lukasz' }).map((m) => m.slug)).toEqual(['p'])
    expect(filterCatalog(polish, { q: 'ZOLC strasse' }).map((m) => m.slug)).toEqual(['p'])
    expect(filterCatalog(polish, { topic: 'orsted' }).map((m) => m.slug)).toEqual(['p'])
  })
  it('filters by season and topic', () => {
    expect(filterCatalog(episodes, { season: 12 }).map((m) => m.slug)).toEqual(['b'])
    expect(filterCatalog(episodes, { topic: 'mlops' }).map((m) => m.slug)).toEqual(['b', 'c'])
    expect(filterCatalog(episodes, { topic: 'MLOps', season: 11 })).toEqual([])
  })
  it('treats special characters as text', () => {
    expect(() => filterCatalog(episodes, { q: '(*\\[' })).not.toThrow()
  })
})

describe('catalog URL state', () => {
  it('round-trips', () => {
    const f = { q: 'data ops', season: 11, topic: 'MLOps' }
    expect(readCatalogFilter(writeCatalogFilter(f, new URLSearchParams()))).toEqual(f)
    expect(writeCatalogFilter({}, new URLSearchParams('filter=x&q=kept')).toString()).toBe('q=kept')
  })
  it('ignores a bad season', () => {
    expect(readCatalogFilter('?season=eleven')).toEqual({})
  })
})

describe('facets', () => {
  it('lists seasons newest first and topics by count', () => {
    expect(seasonsOf(episodes)).toEqual([12, 11])
    expect(topicsOf(episodes)[0]).toEqual({ topic: 'MLOps', count: 2 })
  })
})
