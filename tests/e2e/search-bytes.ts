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
  /** Gzip bytes fetched from the click in the field (which starts the worker) until the first results showed. */
  firstBytes: number
  /** Gzip bytes fetched until the network went quiet (the rest of the hits' lines included). */
  allBytes: number
  /** Milliseconds from the last keystroke (its input event) to the first frame with results, by the page's clock. */
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
    // Counted from the click: reaching for the field starts the worker and its data.
    context.on('response', onResponse)
    // Timed in the page, by its own clock: from the input event of the last keystroke to the
    // first frame after the first results are in the document (a poll from here would add its own delay).
    await page.evaluate(() => {
      const w = window as unknown as { __lastKey?: number; __shownAt?: number }
      document.addEventListener('input', () => (w.__lastKey = performance.now()), true)
      // (No named functions in here: the test runner's transform would wrap them in a helper the page lacks.)
      new MutationObserver((_, observer) => {
        if (document.querySelector('.corpus-results .corpus-group') === null) return
        observer.disconnect()
        requestAnimationFrame(() => (w.__shownAt = performance.now()))
      }).observe(document.body, { subtree: true, childList: true })
    })
    await box.click()
    await box.fill(query)
    const ms = (await (
      await page.waitForFunction(
        () => {
          const w = window as unknown as { __lastKey?: number; __shownAt?: number }
          return w.__shownAt !== undefined && w.__lastKey !== undefined ? Math.round(w.__shownAt - w.__lastKey) : null
        },
        null,
        { timeout: 30_000, polling: 'raf' },
      )
    ).jsonValue()) as number
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
