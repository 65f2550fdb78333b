/**
 * What the first search across episodes costs a listener: the bytes it fetches (each file
 * gzipped as a server would send it: the worker, the search data's chunks) and the time from
 * the last keystroke to the first results on screen. Shared by the e2e budget test and the bench.
 */
import { gzipSync } from 'node:zlib'
import type { Browser, Response } from 'playwright-core'

export interface QueryCost {
  query: string
  /**
   * Gzip bytes the search fetched until the first page of results was complete: its worker's
   * script (loaded with the search page) and its data (from the click in the field).
   */
  firstBytes: number
  /** Gzip bytes fetched until the network went quiet (the rest of the hits' lines included). */
  allBytes: number
  /**
   * Milliseconds from the last keystroke (its input event) to the first frame with its results, by
   * the page's clock (the first lines of the page show as soon as their texts are in).
   */
  ms: number
  /** Milliseconds from the last keystroke to the first frame with the whole first page (the status gives the count). */
  pageMs: number
  files: { url: string; gzipBytes: number }[]
  /** The bytes of a second query typed on the same page afterwards (chunks already loaded are not fetched again). */
  later?: { query: string; bytes: number }
}

/**
 * Opens the search page of the site at `base` in a fresh context, enters `query` (then `later`),
 * and measures. `typeDelay`: typed a key at a time, this many milliseconds apart (results come
 * as you type; the time is from the last key to the results of the whole query); without it the
 * query arrives at once, right after the click (the search page has loaded the worker's script;
 * its data starts loading with the click).
 */
export async function measureQuery(
  browser: Browser,
  base: string,
  query: string,
  later?: string,
  typeDelay?: number,
): Promise<QueryCost> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    // No request interception (no fake YouTube: the search page has no player): with a route in
    // place every request, the worker's included, makes a round trip through the test process,
    // which added tens of milliseconds to each fetch here.
    let files: { url: string; gzipBytes: number }[] = []
    // Responses are only noted while measuring; their bodies are read and gzipped afterwards (asking
    // Chromium for bodies, and gzipping in the process that also serves the files, held up the
    // responses that followed).
    let responses: Response[] = []
    const gzipped = async (): Promise<void> => {
      const taken = responses
      responses = []
      for (const r of taken) {
        const body = await r.body().catch(() => null)
        if (body) files.push({ url: r.url(), gzipBytes: gzipSync(body, { level: 6 }).length })
      }
    }
    // What the search fetches: its worker's script (which the search page loads with the page) and its data.
    const forSearch = (url: string): boolean => /\/corpus\.worker-[^/]*\.js$|\/search-index\//.test(url)
    const onResponse = (r: Response) => void (forSearch(r.url()) && responses.push(r))
    context.on('response', onResponse)
    await page.goto(`${base}search`)
    await page.waitForLoadState('networkidle')
    const box = page.getByRole('searchbox', { name: 'Search all transcripts' })
    // Timed in the page, by its own clock: from the input event of the last keystroke to the
    // first frame after the results change (a poll from here would add its own delay). Results
    // of a query typed before the last key are never shown after it (the page drops them).
    await page.evaluate(() => {
      const w = window as unknown as { __lastKey?: number; __changes: number[]; __completes: number[] }
      w.__changes = []
      w.__completes = []
      document.addEventListener('input', () => (w.__lastKey = performance.now()), true)
      // (No named functions in here: the test runner's transform would wrap them in a helper the page lacks.)
      new MutationObserver((records) => {
        const inResults = records.some(
          (r) =>
            r.target instanceof Element &&
            r.target.closest('.corpus-search') &&
            document.querySelector('.corpus-group'),
        )
        if (inResults) requestAnimationFrame(() => w.__changes.push(performance.now()))
        // The whole page is in when the status gives the count (it says "Searching…" until then).
        const status = document.querySelector('.corpus-status')?.textContent ?? ''
        if (inResults && /matching line/.test(status))
          requestAnimationFrame(() => w.__completes.push(performance.now()))
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    await box.click()
    if (typeDelay) await box.pressSequentially(query, { delay: typeDelay })
    else await box.fill(query)
    const ms = (await (
      await page.waitForFunction(
        () => {
          const w = window as unknown as { __lastKey?: number; __changes: number[] }
          const last = w.__lastKey
          if (last === undefined || document.querySelector('.corpus-results[aria-busy="true"]')) return null
          const shown = w.__changes.find((t) => t > last)
          return shown === undefined ? null : Math.round(shown - last)
        },
        null,
        { timeout: 30_000, polling: 'raf' },
      )
    ).jsonValue()) as number
    const pageMs = (await (
      await page.waitForFunction(
        () => {
          const w = window as unknown as { __lastKey?: number; __completes: number[] }
          const last = w.__lastKey
          const done = last === undefined ? undefined : w.__completes.find((t) => t > last)
          return done === undefined || last === undefined ? null : Math.round(done - last)
        },
        null,
        { timeout: 30_000, polling: 'raf' },
      )
    ).jsonValue()) as number
    await gzipped()
    const firstBytes = files.reduce((n, f) => n + f.gzipBytes, 0)
    await page.waitForLoadState('networkidle')
    await new Promise((r) => setTimeout(r, 300))
    await gzipped()
    const allBytes = files.reduce((n, f) => n + f.gzipBytes, 0)
    const cost: QueryCost = { query, firstBytes, allBytes, ms, pageMs, files: [...files] }
    if (later) {
      files = []
      await box.fill(later)
      await page.waitForURL((u) => u.searchParams.get('q') === later)
      await new Promise((r) => setTimeout(r, 500))
      await page.waitForLoadState('networkidle')
      await new Promise((r) => setTimeout(r, 300))
      await gzipped()
      cost.later = { query: later, bytes: files.reduce((n, f) => n + f.gzipBytes, 0) }
    }
    context.off('response', onResponse)
    return cost
  } finally {
    await context.close()
  }
}
