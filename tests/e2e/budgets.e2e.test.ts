/**
 * Size budgets, enforced: the JavaScript a page downloads before anyone clicks,
 * measured in Chromium and gzipped. Search code and search data must stay out of it.
 */
import { describe, expect, inject, it } from 'vitest'
import { baseURL, open, SEED, withBrowser } from './harness.ts'
import { initialJavaScript } from './measure.ts'

withBrowser()

/** Initial JavaScript for the home page and an episode page, gzip, React and the router included. */
export const JS_BUDGET_GZIP = 90 * 1024

const longest = inject('longestSlug')

describe('budgets', () => {
  it.each([
    ['the home page', '/'],
    ['the seed episode page', SEED],
    ...(longest ? [['the longest corpus episode page', `/episodes/${longest}`]] : []),
  ])('%s loads under 90 kB of JavaScript (gzip), with no search code or data', async (_name, path) => {
    const { page } = await open('/404-budget-warmup')
    const js = await initialJavaScript(page, baseURL() + path)
    const list = js.files.map((f) => `${new URL(f.url).pathname} ${(f.gzipBytes / 1024).toFixed(1)} kB`).join(', ')
    console.log(`${path}: ${(js.gzipBytes / 1024).toFixed(1)} kB gzip of JavaScript (${list})`)
    expect(
      js.files.some((f) => /search-index|corpus\.worker|episode-search|fuse/.test(f.url)),
      list,
    ).toBe(false)
    expect(js.gzipBytes, list).toBeLessThan(JS_BUDGET_GZIP)
  })
})
