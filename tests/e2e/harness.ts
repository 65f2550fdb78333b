/** Shared set-up for end-to-end tests: one Chromium per file, a fresh context per page. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest'
import { launchBrowser } from './browser.ts'
import { installFakeYoutube, type FakeYoutubeOptions } from './fake-youtube.ts'
import { installReactProbe } from './react-probe.ts'

export const SEED = '/episodes/s11e03-from-data-science-to-dataops'

export interface OpenOptions {
  fake?: FakeYoutubeOptions
  viewport?: { width: number; height: number }
  reducedMotion?: boolean
  /** Count React commits and line renders (tests/e2e/react-probe.js). */
  probe?: boolean
  /** A touch screen (for touch gestures). */
  touch?: boolean
  /** A phone: a touch screen only, no mouse (`(hover: none) and (pointer: coarse)`). */
  mobile?: boolean
  /** Runs before the page is opened (to route requests: fail them, delay them). */
  before?: (page: Page, context: BrowserContext) => Promise<void>
  /** Run the page's scripts (default true). */
  javaScript?: boolean
}

export interface OpenedPage {
  page: Page
  context: BrowserContext
  /** Console errors and uncaught exceptions (blocked network requests excluded: there is no network here). */
  errors: string[]
}

let browser: Browser | undefined
const opened: OpenedPage[] = []

export function withBrowser(): void {
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterEach(async () => {
    for (const o of opened.splice(0)) await o.context.close()
  })
  afterAll(async () => {
    await browser?.close()
  })
}

export function baseURL(): string {
  return inject('baseURL')
}

export async function open(path: string, options: OpenOptions = {}): Promise<OpenedPage> {
  return openUrl(baseURL() + path, options)
}

/** Opens an absolute URL (a site served elsewhere than the shared preview server). */
export async function openUrl(url: string, options: OpenOptions = {}): Promise<OpenedPage> {
  if (!browser) throw new Error('call withBrowser() in the test file')
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    reducedMotion: options.reducedMotion === false ? 'no-preference' : 'reduce',
    hasTouch: (options.touch ?? false) || (options.mobile ?? false),
    isMobile: options.mobile ?? false,
    javaScriptEnabled: options.javaScript ?? true,
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && !/net::ERR_|Failed to load resource/.test(m.text())) errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  await installFakeYoutube(page, options.fake)
  if (options.probe) await installReactProbe(page)
  await options.before?.(page, context)
  const result = { page, context, errors }
  opened.push(result)
  await page.goto(url)
  return result
}

/** Waits until the fake player is ready and connected (the Play button is enabled). */
export async function playerReady(page: Page): Promise<void> {
  // Generous: a 5,000-line page hydrates in seconds on a loaded 2-core machine (speed is the bench's job).
  await expect
    .poll(() => page.getByRole('region', { name: 'Player' }).getByRole('button', { name: 'Play' }).isEnabled(), {
      timeout: 20_000,
    })
    .toBe(true)
}

export function fake(page: Page) {
  return {
    setTime: (t: number) =>
      page.evaluate((v) => (window as unknown as { __fakeYT: { setTime(t: number): void } }).__fakeYT.setTime(v), t),
    time: () => page.evaluate(() => (window as unknown as { __fakeYT: { time(): number } }).__fakeYT.time()),
    state: () => page.evaluate(() => (window as unknown as { __fakeYT: { state(): number } }).__fakeYT.state()),
    calls: () => page.evaluate(() => (window as unknown as { __fakeYT: { calls(): string[] } }).__fakeYT.calls()),
    play: () => page.evaluate(() => (window as unknown as { __fakeYT: { play(): void } }).__fakeYT.play()),
  }
}

/** The text of the transcript line carrying aria-current, or null. */
export async function activeLineText(page: Page): Promise<string | null> {
  const el = page.getByRole('region', { name: 'Transcript' }).locator('li[aria-current="true"] > p')
  return (await el.count()) ? el.first().textContent() : null
}

const require = createRequire(import.meta.url)
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** Runs axe-core in the page; returns serious and critical violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy (no inline scripts) stays on.
  await page.evaluate(AXE)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: object,
          ): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>
        }
      }
    ).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }))
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.join(', ')})`)
}
