/**
 * Screenshots of pages at desktop and phone widths, for looking at what we build:
 * `tsx scripts/screenshot.ts <base-url> <path> [more paths…]` writes PNGs to `screenshots/`.
 * The IFrame API is served by the same fake player the end-to-end tests use, so the page
 * shows a "video"; pass `--blocked` to show the fallback instead.
 */
import { mkdir } from 'node:fs/promises'
import { launchBrowser } from '../tests/e2e/browser.ts'
import { installFakeYoutube } from '../tests/e2e/fake-youtube.ts'

const args = process.argv.slice(2)
const blocked = args.includes('--blocked')
const dark = args.includes('--dark')
const [base, ...paths] = args.filter((a) => !a.startsWith('--'))
if (!base || paths.length === 0) {
  console.error('usage: tsx scripts/screenshot.ts <base-url> <path> [paths…] [--blocked] [--dark]')
  process.exit(2)
}
await mkdir('screenshots', { recursive: true })
const browser = await launchBrowser()
for (const [name, viewport] of [
  ['desktop', { width: 1366, height: 860 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  const context = await browser.newContext({ viewport, colorScheme: dark ? 'dark' : 'light', deviceScaleFactor: 1 })
  const page = await context.newPage()
  await installFakeYoutube(page, { blocked })
  for (const p of paths) {
    await page.goto(base + p)
    await page.waitForTimeout(blocked ? 1500 : 800)
    if (!blocked) await page.evaluate(() => (window as unknown as { __fakeYT?: { play(): void } }).__fakeYT?.play())
    await page.waitForTimeout(600)
    const file = `screenshots/${p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${name}${blocked ? '-blocked' : ''}${dark ? '-dark' : ''}.png`
    await page.screenshot({ path: file })
    console.log(file)
  }
  await context.close()
}
await browser.close()
