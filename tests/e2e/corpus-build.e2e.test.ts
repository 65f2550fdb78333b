/**
 * The whole real corpus, built as `npm run build` builds it: every HTML file byte-exact
 * (no NUL byte, valid UTF-8, every title, tag and line as in the data), and the hydrated
 * pages (home, search, episodes) hydrating in Chromium without a console error: every
 * page the app hydrates other than episodes, the episodes at the edges of the corpus, and
 * every HYDRATE_EVERY-th other episode (every one with PLAYSCRIPT_HYDRATE_ALL=1).
 * Skipped, loudly, when the corpus is absent.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EpisodeData } from '../../src/lib/episode/types.ts'
import { checkCorpus, CORPUS_DIR } from '../unit/corpus-dir.ts'
import { launchBrowser } from './browser.ts'
import { checkHtmlFile, htmlFiles } from './check-html.ts'
import { corpusSite } from './corpus-site.ts'
import { installFakeYoutube } from './fake-youtube.ts'
import { serveStatic, type StaticServer } from './static-server.ts'

const available = checkCorpus('corpus build (byte-exact pages, hydration)')

/**
 * Hydrating a page in Chromium takes about a second on a 2-core machine, checking its HTML a
 * millisecond: every page's HTML is checked, and one episode page in HYDRATE_EVERY is hydrated,
 * besides the edge cases (`edgeEpisodes`).
 */
const HYDRATE_EVERY = process.env.PLAYSCRIPT_HYDRATE_ALL === '1' ? 1 : 5

/** The episodes most likely to hydrate differently: the extremes of each way episodes differ. */
function edgeEpisodes(episodes: EpisodeData[]): Set<string> {
  const picks = new Set<string>()
  const nonAscii = (s: string) => [...s].filter((c) => c.charCodeAt(0) > 0x7f).length
  const by = (score: (e: EpisodeData) => number) => {
    const sorted = [...episodes].sort((a, b) => score(a) - score(b) || a.meta.slug.localeCompare(b.meta.slug))
    const first = sorted[0]
    const last = sorted[sorted.length - 1]
    if (first) picks.add(first.meta.slug)
    if (last) picks.add(last.meta.slug)
  }
  by((e) => e.timeline.lines.length)
  by((e) => e.timeline.chapters.length)
  by((e) => e.timeline.chapters.filter((c) => c.firstLine < 0).length)
  by((e) => e.meta.speakers.length)
  by((e) => e.meta.guests.length)
  by((e) => e.timeline.lines.filter((l) => l.estimated).length)
  by((e) => e.timeline.lines.filter((l) => l.speaker === undefined).length)
  by((e) => e.timeline.lines.at(-1)?.start ?? 0)
  by((e) => Math.max(0, ...e.timeline.lines.map((l) => l.text.length)))
  by((e) => e.meta.title.length)
  by((e) => (e.meta.description ?? e.intro ?? '').length)
  by((e) => (e.moments ?? []).length)
  by((e) => nonAscii(e.meta.title) + e.timeline.lines.reduce((n, l) => n + nonAscii(l.text), 0))
  return picks
}

let dist = ''
let server: StaticServer | undefined
let browser: Browser | undefined

describe.skipIf(!available)(`the corpus at ${CORPUS_DIR}, built`, () => {
  beforeAll(async () => {
    dist = await corpusSite()
    server = await serveStatic(dist, '/')
    browser = await launchBrowser()
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('has no HTML file with a NUL byte, and every page is exactly its data', async () => {
    const files = await htmlFiles(dist)
    expect(files.length).toBeGreaterThan(300)
    const withNul = []
    for (const f of files) if ((await readFile(f)).includes(0)) withNul.push(path.relative(dist, f))
    expect(withNul).toEqual([])
    const problems = (await Promise.all(files.map((f) => checkHtmlFile(dist, f)))).flat()
    expect(problems).toEqual([])
  })

  it('hydrates the home page, the search page and the episode pages without a console error', async () => {
    if (!browser || !server) throw new Error('not set up')
    const files = await htmlFiles(dist)
    // The pages the app hydrates: those rendered for their own path (short-link shells and 404.html render afresh).
    const all: string[] = []
    for (const f of files) {
      const m = /<div id="root" data-path="([^"]*)"/.exec(await readFile(f, 'utf8'))
      if (m?.[1]) all.push(m[1])
    }
    expect(all.length).toBeGreaterThan(150)
    const episodePath = (p: string) => /^\/episodes\/([^/]+)$/.exec(p)?.[1]
    const slugs = all.map(episodePath).filter((s): s is string => s !== undefined)
    const episodes = await Promise.all(
      slugs.map(
        async (slug) =>
          JSON.parse(await readFile(path.join(dist, 'data', 'episodes', `${slug}.json`), 'utf8')) as EpisodeData,
      ),
    )
    expect(episodes.map((e) => e.meta.slug)).toEqual(slugs)
    const edges = edgeEpisodes(episodes)
    const paths = all.filter((p, i) => {
      const slug = episodePath(p)
      return slug === undefined || edges.has(slug) || i % HYDRATE_EVERY === 0
    })
    expect(paths).toContain('/')
    expect(paths).toContain('/search')
    expect(edges.size).toBeGreaterThan(5)
    console.log(
      `hydrating ${paths.length} of ${all.length} pages: ${all.length - slugs.length} not episodes, ${edges.size} edge-case episodes, one episode in ${HYDRATE_EVERY}`,
    )
    const errors: string[] = []
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' })
    const visit = async (page: Page, p: string) => {
      await page.goto(`${server?.url}${p}`)
      if (p.startsWith('/episodes/')) {
        // The player connects in an effect, after hydration has committed (and reported any mismatch).
        await page
          .getByRole('region', { name: 'Player' })
          .locator('button.play-toggle:not([disabled])')
          .waitFor({ timeout: 20_000 })
      } else {
        await page.waitForLoadState('networkidle')
      }
    }
    // Three pages at a time.
    const queue = [...paths]
    await Promise.all(
      [0, 1, 2].map(async () => {
        const page = await context.newPage()
        let current = ''
        page.on('console', (m) => {
          if (m.type() === 'error' && !/net::ERR_|Failed to load resource/.test(m.text()))
            errors.push(`${current}: ${m.text()}`)
        })
        page.on('pageerror', (e) => errors.push(`${current}: ${e.message}`))
        await installFakeYoutube(page)
        for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
          current = p
          await visit(page, p)
        }
      }),
    )
    await context.close()
    expect(errors).toEqual([])
  }, 600_000)
})
