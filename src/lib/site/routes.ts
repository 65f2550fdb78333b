/**
 * The route table: every page of the site, its path pattern, how to link to it, its title and
 * whether the build prerenders it. The router (`app/App.tsx`), the hydration decision
 * (`app/main.tsx`), the prerender step (`scripts/prerender.ts`) and every link read it here.
 *
 * Paths are relative to the app's base (see `base.ts`); the router adds the base.
 */

export const SITE_NAME = 'Playscript'
export const SITE_DESCRIPTION = 'Follow, search and share podcast episodes by their transcript.'

/** A page of the site, with what its path says. */
export type Page =
  | { route: 'home' }
  | { route: 'search' }
  | { route: 'episode'; slug: string }
  /** `/s11e03`: a short link to an episode, resolved with the catalog. */
  | { route: 'short-link'; code: string }
  | { route: 'not-found' }

export type RouteName = Page['route']

interface RouteDef {
  /** The react-router pattern. */
  pattern: string
  /** What the build writes for it: one page, one per episode, a shell per short link, or the 404 page. */
  prerender: 'page' | 'per-episode' | 'per-short-link' | 'fallback'
}

/** In the order the router tries them (static segments before dynamic ones, `*` last). */
export const ROUTES: Readonly<Record<RouteName, RouteDef>> = {
  home: { pattern: '/', prerender: 'page' },
  search: { pattern: '/search', prerender: 'page' },
  episode: { pattern: '/episodes/:slug', prerender: 'per-episode' },
  'short-link': { pattern: '/:code', prerender: 'per-short-link' },
  'not-found': { pattern: '*', prerender: 'fallback' },
}

/** The path of a page (no query): the one link builder for each route. */
export function pagePath(page: Page): string {
  switch (page.route) {
    case 'home':
      return '/'
    case 'search':
      return '/search'
    case 'episode':
      return `/episodes/${encodeURIComponent(page.slug)}`
    case 'short-link':
      return `/${encodeURIComponent(page.code)}`
    case 'not-found':
      return '/404'
  }
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/** Which page a path is (the query and hash ignored; a trailing slash allowed), as the router decides it. */
export function pageAt(path: string): Page {
  const p = (path.split(/[?#]/)[0] ?? '').replace(/\/+$/, '') || '/'
  if (p === '/') return { route: 'home' }
  if (p === '/search') return { route: 'search' }
  const episode = /^\/episodes\/([^/]+)$/.exec(p)
  const slug = episode?.[1] !== undefined ? decoded(episode[1]) : undefined
  if (slug) return { route: 'episode', slug }
  const single = /^\/([^/]+)$/.exec(p)
  const code = single?.[1] !== undefined ? decoded(single[1]) : undefined
  if (code) return { route: 'short-link', code }
  return { route: 'not-found' }
}

/** A page title: `<name> · Playscript`, the one way titles are composed. */
export function titled(name: string): string {
  return `${name} · ${SITE_NAME}`
}

/** The document title of a page; an episode's needs its title. */
export function pageTitle(page: Page, episodeTitle?: string): string {
  switch (page.route) {
    case 'home':
      return `${SITE_NAME}: every episode, every word`
    case 'search':
      return titled('Search every episode')
    case 'episode':
    case 'short-link':
      return titled(episodeTitle ?? 'Episode')
    case 'not-found':
      return titled('Not found')
  }
}

/** The description of a page that is not an episode's (an episode has its own). */
export function pageDescription(route: 'home' | 'search' | 'not-found'): string {
  return route === 'search' ? 'Search what anyone said in every episode.' : SITE_DESCRIPTION
}

/** Where the build writes a page, relative to the site's folder. */
export function pageFile(page: Page): string {
  if (page.route === 'not-found') return '404.html'
  const p = pagePath(page)
  return p === '/' ? 'index.html' : `${decodeURIComponent(p.slice(1))}/index.html`
}
