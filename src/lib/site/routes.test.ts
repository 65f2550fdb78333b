import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { pageAt, pageFile, pagePath, pageTitle, ROUTES, type Page } from './routes.ts'

describe('the route table', () => {
  it('reads back every page it links to', () => {
    const name = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s !== 'search' && s !== '.' && s !== '..')
    const page = fc.oneof(
      fc.constant<Page>({ route: 'home' }),
      fc.constant<Page>({ route: 'search' }),
      name.map((slug): Page => ({ route: 'episode', slug })),
      name.map((code): Page => ({ route: 'short-link', code })),
    )
    fc.assert(
      fc.property(page, (p) => {
        expect(pageAt(pagePath(p))).toEqual(p)
        expect(pageAt(`${pagePath(p)}/?t=12#x`)).toEqual(p)
      }),
    )
  })

  it('tells pages apart as the router does', () => {
    expect(pageAt('/')).toEqual({ route: 'home' })
    expect(pageAt('/search/')).toEqual({ route: 'search' })
    expect(pageAt('/episodes/s11e03-x')).toEqual({ route: 'episode', slug: 's11e03-x' })
    expect(pageAt('/S11E3?t=1:02:28')).toEqual({ route: 'short-link', code: 'S11E3' })
    expect(pageAt('/episodes')).toEqual({ route: 'short-link', code: 'episodes' })
    expect(pageAt('/episodes/a/b')).toEqual({ route: 'not-found' })
    expect(pageAt('/episodes/%E0')).toEqual({ route: 'not-found' })
  })

  it('names each page for the build and the tab', () => {
    expect(pageFile({ route: 'home' })).toBe('index.html')
    expect(pageFile({ route: 'search' })).toBe('search/index.html')
    expect(pageFile({ route: 'episode', slug: 'a-b' })).toBe('episodes/a-b/index.html')
    expect(pageFile({ route: 'short-link', code: 's1e02' })).toBe('s1e02/index.html')
    expect(pageFile({ route: 'not-found' })).toBe('404.html')
    expect(pageTitle({ route: 'episode', slug: 'x' }, 'DataOps')).toBe('DataOps · Playscript')
    expect(pageTitle({ route: 'search' })).toBe('Search every episode · Playscript')
    expect(Object.keys(ROUTES).at(-1)).toBe('not-found')
  })
})
