/**
 * The last step of the build: renders every page of the built site to
 * static HTML with its own title, description, canonical URL, Open Graph and
 * Twitter tags and JSON-LD, and writes a 404 page and short-link pages.
 * The app hydrates on top of each page.
 *
 * Reads `index.html` of PRERENDER_DIST (the client build) and `server.js` of PRERENDER_SSR
 * (the server build). `SITE_URL` makes canonical and Open Graph URLs absolute; `BASE_PATH` is the prefix.
 * Every page is checked before it is written: a page with a NUL byte or another control
 * character fails the build.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { EpisodeData, CatalogEntry } from '../src/lib/episode/types.ts'
import { contentSecurityPolicy } from '../src/pipeline/csp.ts'
import {
  badCharacter,
  clip,
  escapeHtml,
  fillPage,
  withCsp,
  type Head,
  type PageOptions,
} from '../src/pipeline/html-page.ts'
import { dataFileAt, episodeDataFile } from '../src/lib/site/files.ts'
import { shortCode, youtubeThumbnailUrl } from '../src/lib/url/episode-url.ts'
import {
  pageDescription,
  pageFile,
  pagePath,
  pageTitle,
  ROUTES,
  SITE_NAME,
  type Page,
  type RouteName,
} from '../src/lib/site/routes.ts'

interface ServerEntry {
  loadCatalog(): Promise<{ entries: readonly CatalogEntry[] }>
  loadEpisode(slug: string): Promise<EpisodeData | undefined>
  renderPage(path: string): Promise<string>
}

const DIST = path.resolve(process.env.PRERENDER_DIST ?? 'dist')
const SSR = path.resolve(process.env.PRERENDER_SSR ?? '.ssr')
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/')
const siteUrl = (process.env.SITE_URL ?? '').replace(/\/$/, '')

/** An app path as a URL: absolute with SITE_URL, else relative to the host. */
function urlFor(appPath: string): string {
  return `${siteUrl}${base.replace(/\/$/, '')}${appPath}`
}

function head(h: Omit<Head, 'url' | 'siteName'> & { path: string }): Head {
  const { path: p, ...rest } = h
  return { ...rest, url: urlFor(p), siteName: SITE_NAME }
}

function episodeJsonLd(e: EpisodeData, url: string): unknown {
  const m = e.meta
  return {
    '@context': 'https://schema.org',
    '@type': 'PodcastEpisode',
    name: m.title,
    url,
    ...(m.description ? { description: m.description } : {}),
    ...(m.date ? { datePublished: m.date } : {}),
    ...(m.episode !== undefined ? { episodeNumber: m.episode } : {}),
    ...(m.durationSec ? { timeRequired: `PT${Math.round(m.durationSec)}S` } : {}),
    ...(m.season !== undefined ? { partOfSeason: { '@type': 'PodcastSeason', seasonNumber: m.season } } : {}),
    ...(m.guestNames.length ? { actor: m.guestNames.map((name) => ({ '@type': 'Person', name })) } : {}),
    associatedMedia: {
      '@type': 'VideoObject',
      name: m.title,
      embedUrl: `https://www.youtube-nocookie.com/embed/${m.youtubeId}`,
      thumbnailUrl: youtubeThumbnailUrl(m.youtubeId),
      ...(m.date ? { uploadDate: m.date } : {}),
    },
  }
}

let template = ''

/** Writes one page at `rel` (relative to the site), after checking its characters. */
async function writePage(rel: string, opts: PageOptions): Promise<void> {
  const file = path.join(DIST, rel)
  if (path.relative(DIST, file).startsWith('..')) throw new Error(`refusing to write ${rel}: outside the site`)
  const html = fillPage(template, opts)
  const bad = badCharacter(html)
  if (bad) throw new Error(`the page ${rel} would contain a control character (${bad})`)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, html)
}

async function main(): Promise<void> {
  const server = (await import(pathToFileURL(path.join(SSR, 'server.js')).href)) as ServerEntry
  template = withCsp(await readFile(path.join(DIST, 'index.html'), 'utf8'), contentSecurityPolicy())
  const started = performance.now()
  let pages = 0
  const catalogFile = (await readdir(path.join(DIST, 'data')))
    .map((f) => `data/${f}`)
    .find((f) => dataFileAt(f)?.kind === 'catalog')

  // Every route the table marks as one page is prerendered (the search page is linked from every page's header).
  for (const route of Object.keys(ROUTES) as RouteName[]) {
    if (ROUTES[route].prerender !== 'page' || (route !== 'home' && route !== 'search')) continue
    const page: Page = { route }
    const p = pagePath(page)
    const description = pageDescription(route)
    await writePage(pageFile(page), {
      title: pageTitle(page),
      description,
      body: await server.renderPage(p),
      renderedFor: p,
      preload: route === 'home' && catalogFile ? `${base}${catalogFile}` : undefined,
      head: head({ title: route === 'home' ? SITE_NAME : pageTitle(page), description, path: p, type: 'website' }),
    })
    pages++
  }

  const shortLinks = new Set<string>()
  for (const meta of (await server.loadCatalog()).entries) {
    const episode = await server.loadEpisode(meta.slug)
    if (!episode) throw new Error(`episode ${meta.slug} is in the catalog but did not load`)
    const page: Page = { route: 'episode', slug: meta.slug }
    const p = pagePath(page)
    const description = clip(
      episode.meta.description ?? episode.intro ?? `${meta.title}: the episode with its transcript.`,
    )
    await writePage(pageFile(page), {
      title: pageTitle(page, meta.title),
      description,
      body: await server.renderPage(p),
      renderedFor: p,
      preload: `${base}${episodeDataFile(meta.slug)}`,
      head: head({
        title: meta.title,
        description,
        path: p,
        image: youtubeThumbnailUrl(meta.youtubeId),
        type: 'video.episode',
        jsonLd: episodeJsonLd(episode, urlFor(p)),
      }),
    })
    pages++
    // The first episode in catalog order holds a short link, as in the app (the pipeline warns about the others).
    const code = shortCode(meta.season, meta.episode)
    if (code && !shortLinks.has(code)) {
      shortLinks.add(code)
      // A shell the app takes over (keeping ?t=), with a plain link for readers without JavaScript.
      await writePage(pageFile({ route: 'short-link', code }), {
        title: pageTitle(page, meta.title),
        description,
        body: `<main id="main"><p><a href="${escapeHtml(urlFor(p))}">${escapeHtml(meta.title)}</a></p></main>`,
        head: head({
          title: meta.title,
          description,
          path: p,
          image: youtubeThumbnailUrl(meta.youtubeId),
          type: 'video.episode',
        }),
      })
    }
  }

  // For hosts that serve 404.html on unknown paths (GitHub Pages): the app renders afresh there.
  const notFound: Page = { route: 'not-found' }
  await writePage(pageFile(notFound), {
    title: pageTitle(notFound),
    description: pageDescription('not-found'),
    body: await server.renderPage(pagePath(notFound)),
  })
  pages++
  await rm(SSR, { recursive: true, force: true })
  console.log(
    `prerendered ${pages} pages and ${shortLinks.size} short links in ${Math.round(performance.now() - started)} ms${siteUrl ? '' : ' (SITE_URL not set: canonical and Open Graph URLs are host-relative)'}`,
  )
}

main().catch((err: unknown) => {
  // One line for the author; the stack only when asked for (a bug in the build, not in an episode).
  console.error(`prerender: error: ${err instanceof Error ? err.message : String(err)}`)
  if (process.env.PLAYSCRIPT_DEBUG && err instanceof Error && err.stack) console.error(err.stack)
  process.exit(1)
})
