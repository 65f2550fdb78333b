/**
 * What the first search across episodes costs a listener: the bytes it fetches (each file
 * gzipped as a server would send it: the worker, the search data's chunks) and the time from
 * the last keystroke to the first results on screen. Shared by the e2e budget test and the bench.
 */
import { gzipSync } from 'node:zlib'
import type { Browser, Response } from 'playwright-core'
import { installFakeYoutube } from './fake-youtube.ts'

export interface QueryCost {
  query: string
  /** Gzip bytes fetched from the last keystroke until the first results showed. */
  firstBytes: number
  /** Gzip bytes fetched until the network went quiet (the rest of the hits' lines included). */
  allBytes: number
  /** Milliseconds from the last keystroke to the first results on screen. */
  ms: number
  files: { url: string; gzipBytes: number }[]
  /** The bytes of a second query typed on the same page afterwards (chunks already loaded are not fetched again). */
  later?: { query: string; bytes: number }
}

/** Opens the search page of the site at `base` in a fresh context, types `query` (then `later`), and measures. */
export async function measureQuery(browser: Browser, base: string, query: string, later?: string): Promise<QueryCost> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    await installFakeYoutube(page)
    await page.goto(`${base}search`)
    await page.waitForLoadState('networkidle')
    const box = page.getByRole('searchbox', { name: 'Search all transcripts' })
    await box.click()
    let files: { url: string; gzipBytes: number }[] = []
    const pending: Promise<void>[] = []
    const onResponse = (r: Response) => {
      pending.push(
        r.body().then(
          (body) => void files.push({ url: r.url(), gzipBytes: gzipSync(body, { level: 6 }).length }),
          () => undefined,
        ),
      )
    }
    context.on('response', onResponse)
    const results = page.locator('.corpus-results .corpus-group')
    const started = Date.now()
    await box.fill(query)
    await results.first().waitFor({ timeout: 30_000 })
    const ms = Date.now() - started
    await Promise.all(pending)
    const firstBytes = files.reduce((n, f) => n + f.gzipBytes, 0)
    await page.waitForLoadState('networkidle')
    await new Promise((r) => setTimeout(r, 300))
    await Promise.all(pending)
    const allBytes = files.reduce((n, f) => n + f.gzipBytes, 0)
    const cost: QueryCost = { query, firstBytes, allBytes, ms, files: [...files] }
    if (later) {
      files = []
      pending.length = 0
      await box.fill(later)
      await page.waitForURL((u) => u.searchParams.get('q') === later)
      await new Promise((r) => setTimeout(r, 500))
      await page.waitForLoadState('networkidle')
      await new Promise((r) => setTimeout(r, 300))
      await Promise.all(pending)
      cost.later = { query: later, bytes: files.reduce((n, f) => n + f.gzipBytes, 0) }
    }
    context.off('response', onResponse)
    return cost
  } finally {
    await context.close()
  }
}
