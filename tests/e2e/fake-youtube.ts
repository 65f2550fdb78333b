/**
 * A fake YouTube IFrame API for end-to-end tests. There is no internet here,
 * so the test intercepts the API script and serves this instead: a `YT.Player`
 * whose clock the test sets through `window.__fakeYT`.
 *
 * The clock never advances by itself: a test moves it with `setTime`, so what
 * it asserts does not depend on the machine's speed.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'

export interface FakeYoutubeOptions {
  /** Abort the API script, as an ad blocker or no network would. */
  blocked?: boolean
  /** Never answer the API script request (a hung network). */
  hang?: boolean
  /** Report this IFrame API error code once ready (150: embedding refused). */
  errorCode?: number
  /** Answer the API script only once this settles (a network that delivers it late). */
  hold?: Promise<void>
}

const FAKE_API = readFileSync(fileURLToPath(new URL('./fake-youtube-api.js', import.meta.url)), 'utf8')

/** The API script URL youtube-player requests (http or https, with or without www). */
export const IFRAME_API = /^https?:\/\/(www\.)?youtube\.com\/iframe_api/

export async function installFakeYoutube(page: Page, options: FakeYoutubeOptions = {}): Promise<void> {
  // Everything else from YouTube (thumbnails, the nocookie host) is refused: no network here.
  await page.route(
    /^https?:\/\/([a-z0-9-]+\.)*(youtube\.com|youtube-nocookie\.com|ytimg\.com|ggpht\.com)\//,
    async (route) => {
      const url = route.request().url()
      if (!IFRAME_API.test(url)) return route.abort('blockedbyclient')
      if (options.blocked) return route.abort('blockedbyclient')
      if (options.hang) return // never answered
      if (options.hold) await options.hold
      return route.fulfill({
        status: 200,
        contentType: 'text/javascript',
        body: FAKE_API.replace('})(__ERROR_CODE__)', `})(${JSON.stringify(options.errorCode ?? null)})`),
      })
    },
  )
}

/** Typed access to the fake from a test. */
export interface FakeYT {
  setTime(t: number): void
  time(): number
  state(): number
  calls(): string[]
  play(): void
  pause(): void
  players(): number
}
