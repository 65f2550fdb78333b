/**
 * Measurements in a real Chromium, shared by the budget tests (npm test) and
 * the benchmarks (npm run bench).
 */
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'

export interface LoadedJs {
  files: { url: string; bytes: number; gzipBytes: number }[]
  bytes: number
  gzipBytes: number
}

/**
 * Opens `url` and sums the JavaScript the page downloads until the network is quiet,
 * gzipped as a server would send it. Nothing is clicked or typed.
 */
export async function initialJavaScript(page: Page, url: string): Promise<LoadedJs> {
  const pending: Promise<{ url: string; bytes: number; gzipBytes: number } | null>[] = []
  page.on('response', (r) => {
    const type = r.request().resourceType()
    if (type !== 'script' && !r.url().endsWith('.js')) return
    if (!r.url().startsWith(new URL(url).origin)) return
    pending.push(
      r.body().then(
        (body) => ({ url: r.url(), bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length }),
        () => null,
      ),
    )
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  const files = (await Promise.all(pending)).filter((f): f is NonNullable<typeof f> => f !== null)
  return { files, bytes: files.reduce((n, f) => n + f.bytes, 0), gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0) }
}

export interface PaintTimings {
  fcpMs: number | null
  lcpMs: number | null
}

/** First and largest contentful paint of the page as loaded (call after `goto`). */
export async function paintTimings(page: Page): Promise<PaintTimings> {
  return page.evaluate(
    () =>
      new Promise<{ fcpMs: number | null; lcpMs: number | null }>((resolve) => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null
        let lcp: number | null = null
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) lcp = e.startTime
        }).observe({ type: 'largest-contentful-paint', buffered: true })
        setTimeout(() => resolve({ fcpMs: fcp, lcpMs: lcp }), 300)
      }),
  )
}

/**
 * Moves the fake player's clock to each start in turn and times how long the
 * page takes to move `aria-current` to the line at that start.
 */
export async function highlightDelays(page: Page, starts: number[]): Promise<number[]> {
  return page.evaluate(async (list) => {
    const fake = (window as unknown as { __fakeYT: { setTime(t: number): void } }).__fakeYT
    const pane = document.querySelector('.transcript-pane')
    if (!pane) throw new Error('no transcript pane')
    const delays: number[] = []
    for (const start of list) {
      const delay = await new Promise<number>((resolve) => {
        let t0 = 0
        const observer = new MutationObserver(() => {
          if (pane.querySelector('li[aria-current="true"]')) {
            observer.disconnect()
            resolve(performance.now() - t0)
          }
        })
        observer.observe(pane, { subtree: true, attributes: true, attributeFilter: ['aria-current'] })
        t0 = performance.now()
        fake.setTime(start)
      })
      delays.push(delay)
      await new Promise((r) => setTimeout(r, 30))
    }
    return delays
  }, starts)
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}
