/**
 * The budget of the first search across episodes over the real corpus (1×), built as
 * `npm run build` builds it: the bytes fetched for the first results (worker and search
 * data, gzip) stay under 400 kB. Skipped, loudly, when the corpus is absent.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkCorpus, CORPUS_DIR } from '../unit/corpus-dir.ts'
import { launchBrowser } from './browser.ts'
import { corpusSite } from './corpus-site.ts'
import { measureQuery } from './search-bytes.ts'
import { serveStatic, type StaticServer } from './static-server.ts'

const available = checkCorpus('first search bytes over the corpus')

/** Gzip bytes a first cross-episode query may fetch, worker included. */
const FIRST_QUERY_BUDGET = 400 * 1024

let server: StaticServer | undefined
let browser: Browser | undefined

describe.skipIf(!available)(`the first search across the corpus at ${CORPUS_DIR}`, () => {
  beforeAll(async () => {
    // The corpus site corpus-build.e2e.test.ts checks, built once for both.
    server = await serveStatic(await corpusSite(), '/')
    browser = await launchBrowser()
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it.each(['kubernets', 'machine learning engineer', 'zalando e-commerce freelancers'])(
    '"%s" fetches under 400 kB (gzip) for its first page of results',
    async (query) => {
      if (!browser || !server) throw new Error('not set up')
      const cost = await measureQuery(browser, `${server.url}/`, query)
      console.log(
        `first query "${query}": ${(cost.firstBytes / 1024).toFixed(1)} kB gzip for the first page; first results in ${cost.ms} ms, the whole page in ${cost.pageMs} ms; ${(cost.allBytes / 1024).toFixed(1)} kB in all (${cost.files.length} files)`,
      )
      expect(cost.files.some((f) => /search-index/.test(f.url))).toBe(true)
      expect(cost.firstBytes).toBeLessThan(FIRST_QUERY_BUDGET)
    },
    60_000,
  )
})
