/**
 * The whole real corpus, built as `npm run build` builds it: every HTML file byte-exact
 * (no NUL byte, valid UTF-8, every title, tag and line as in the data), and every
 * hydrated page (home, search, each episode) hydrating in Chromium without a console error.
 * Skipped, loudly, when the corpus is absent.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSite } from '../../scripts/build-site.ts'
import { checkCorpus, CORPUS_DIR } from '../unit/corpus-dir.ts'
import { launchBrowser } from './browser.ts'
import { checkHtmlFile, htmlFiles } from './check-html.ts'
import { installFakeYoutube } from './fake-youtube.ts'
import { serveStatic, type StaticServer } from './static-server.ts'

const available = checkCorpus('corpus build (byte-exact pages, hydration)')

let work = ''
let dist = ''
let server: StaticServer | undefined
let browser: Browser | undefined

describe.skipIf(!available)(`the corpus at ${CORPUS_DIR}, built`, () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'playscript-corpus-site-'))
    dist = path.join(work, 'dist')
    await buildSite({ episodesDir: CORPUS_DIR, outDir: dist })
    server = await serveStatic(dist, '/')
    browser = await launchBrowser()
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (work) await rm(work, { recursive: true, force: true })
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

  it('hydrates the home page, the search page and every episode page without a console error', async () => {
    if (!browser || !server) throw new Error('not set up')
    const files = await htmlFiles(dist)
    // The pages the app hydrates: those rendered for their own path (short-link shells and 404.html render afresh).
    const paths: string[] = []
    for (const f of files) {
      const m = /<div id="root" data-path="([^"]*)"/.exec(await readFile(f, 'utf8'))
      if (m?.[1]) paths.push(m[1])
    }
    expect(paths.length).toBeGreaterThan(150)
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
