/**
 * The last step of `npm run build`: renders every page of the built site to
 * static HTML with its own title, description, canonical URL, Open Graph and
 * Twitter tags and JSON-LD, and writes a 404 page and short-link pages.
 * The app hydrates on top of each page.
 *
 * Reads `dist/index.html` (the client build) and `.ssr/server.js` (the server build).
 * `SITE_URL` makes canonical and Open Graph URLs absolute; `BASE_PATH` is the prefix.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { EpisodeData, CatalogEntry } from '../src/lib/episode/types.ts'
import { contentSecurityPolicy } from '../src/pipeline/csp.ts'
import { episodeDataFile } from '../src/pipeline/vite-plugin.ts'
import { episodePath, shortCode, youtubeThumbnailUrl } from '../src/lib/url/episode-url.ts'

interface ServerEntry {
  loadCatalog(): Promise<{ entries: readonly CatalogEntry[] }>
  loadEpisode(slug: string): Promise<EpisodeData | undefined>
  renderPage(path: string): Promise<string>
}

const DIST = path.resolve(process.env.PRERENDER_DIST ?? 'dist')
const SSR = path.resolve(process.env.PRERENDER_SSR ?? '.ssr')
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/')
const siteUrl = (process.env.SITE_URL ?? '').replace(/\/$/, '')
const SITE_NAME = 'Playscript'
const SITE_DESCRIPTION = 'Follow, search and share podcast episodes by their transcript.'

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** JSON inside a <script> element: no `</script>`, no `<!--`. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/** An app path as a URL: absolute with SITE_URL, else relative to the host. */
function urlFor(appPath: string): string {
  return `${siteUrl}${base.replace(/\/$/, '')}${appPath}`
}

function clip(text: string, max = 200): string {
  const t = text.replace(/\s+/g, ' ').trim()
  return t.length <= max ? t : `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`
}

interface Head {
  title: string
  description: string
  path: string
  image?: string
  type: 'website' | 'video.episode'
  jsonLd?: unknown
}

function headTags(h: Head): string {
  const url = urlFor(h.path)
  const tags = [
    `<link rel="canonical" href="${escapeHtml(url)}" />`,
    `<meta property="og:site_name" content="${SITE_NAME}" />`,
    `<meta property="og:type" content="${h.type}" />`,
    `<meta property="og:title" content="${escapeHtml(h.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(h.description)}" />`,
    `<meta property="og:url" content="${escapeHtml(url)}" />`,
    `<meta name="twitter:card" content="${h.image ? 'summary_large_image' : 'summary'}" />`,
    `<meta name="twitter:title" content="${escapeHtml(h.title)}" />`,
    `<meta name="twitter:description" content="${escapeHtml(h.description)}" />`,
  ]
  if (h.image) tags.push(`<meta property="og:image" content="${escapeHtml(h.image)}" />`, `<meta name="twitter:image" content="${escapeHtml(h.image)}" />`)
  if (h.jsonLd) tags.push(`<script type="application/ld+json">${jsonForScript(h.jsonLd)}</script>`)
  return tags.join('\n    ')
}

function page(template: string, opts: { head?: Head; title: string; description: string; body: string; renderedFor?: string; preload?: string }): string {
  let html = template
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(opts.title)}</title>`)
    .replace(/<meta name="description" content="[^"]*" \/>/, `<meta name="description" content="${escapeHtml(opts.description)}" />`)
    .replace('<div id="root"></div>', `<div id="root"${opts.renderedFor ? ` data-path="${escapeHtml(opts.renderedFor)}"` : ''}>${opts.body}</div>`)
  if (opts.head) html = html.replace('</head>', `    ${headTags(opts.head)}\n  </head>`)
  // The episode's data starts downloading with the page, not after the scripts.
  if (opts.preload) html = html.replace('</head>', `  <link rel="preload" href="${escapeHtml(opts.preload)}" as="fetch" type="application/json" crossorigin="anonymous" />\n  </head>`)
  return html
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

async function write(file: string, html: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, html)
}

async function main(): Promise<void> {
  const server = (await import(pathToFileURL(path.join(SSR, 'server.js')).href)) as ServerEntry
  let template = await readFile(path.join(DIST, 'index.html'), 'utf8')
  template = template.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}" />`)
  const started = performance.now()
  let pages = 0
  const catalogFile = (await readdir(path.join(DIST, 'data'))).map((f) => `data/${f}`).find((f) => /^data\/catalog\.[0-9a-f]+\.json$/.test(f))

  await write(
    path.join(DIST, 'index.html'),
    page(template, {
      title: `${SITE_NAME}: every episode, every word`,
      description: SITE_DESCRIPTION,
      body: await server.renderPage('/'),
      renderedFor: '/',
      preload: catalogFile ? `${base}${catalogFile}` : undefined,
      head: { title: SITE_NAME, description: SITE_DESCRIPTION, path: '/', type: 'website' },
    }),
  )
  pages++

  const shortLinks = new Set<string>()
  for (const meta of (await server.loadCatalog()).entries) {
    const episode = await server.loadEpisode(meta.slug)
    if (!episode) throw new Error(`episode ${meta.slug} is in the catalog but did not load`)
    const p = episodePath(meta.slug)
    const description = clip(episode.meta.description ?? episode.intro ?? `${meta.title}: the episode with its transcript.`)
    await write(
      path.join(DIST, 'episodes', meta.slug, 'index.html'),
      page(template, {
        title: `${meta.title} · ${SITE_NAME}`,
        description,
        body: await server.renderPage(p),
        renderedFor: p,
        preload: `${base}${episodeDataFile(meta.slug)}`,
        head: { title: meta.title, description, path: p, image: youtubeThumbnailUrl(meta.youtubeId), type: 'video.episode', jsonLd: episodeJsonLd(episode, urlFor(p)) },
      }),
    )
    pages++
    const code = shortCode(meta.season, meta.episode)
    if (code && !shortLinks.has(code)) {
      shortLinks.add(code)
      // A shell the app takes over (keeping ?t=), with a plain link for readers without JavaScript.
      await write(
        path.join(DIST, code, 'index.html'),
        page(template, {
          title: `${meta.title} · ${SITE_NAME}`,
          description,
          body: `<main id="main"><p><a href="${escapeHtml(urlFor(p))}">${escapeHtml(meta.title)}</a></p></main>`,
          head: { title: meta.title, description, path: p, image: youtubeThumbnailUrl(meta.youtubeId), type: 'video.episode' },
        }),
      )
    }
  }

  // For hosts that serve 404.html on unknown paths (GitHub Pages): the app renders afresh there.
  await write(path.join(DIST, '404.html'), page(template, { title: `Not found · ${SITE_NAME}`, description: SITE_DESCRIPTION, body: await server.renderPage('/404') }))
  pages++
  await rm(SSR, { recursive: true, force: true })
  console.log(`prerendered ${pages} pages and ${shortLinks.size} short links in ${Math.round(performance.now() - started)} ms${siteUrl ? '' : ' (SITE_URL not set: canonical and Open Graph URLs are host-relative)'}`)
}

main().catch((err: unknown) => {
  console.error(`prerender: error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
  process.exit(1)
})
