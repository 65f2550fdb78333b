import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'

const PROBE = readFileSync(fileURLToPath(new URL('./react-probe.js', import.meta.url)), 'utf8')

export interface ProbeReading {
  commits: number
  lineRenders: number
  perCommit: number[]
}

/** Installs the commit counter; call before navigating. */
export async function installReactProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: PROBE })
}

export const probe = {
  reset: (page: Page) =>
    page.evaluate(() => (window as unknown as { __reactProbe: { reset(): void } }).__reactProbe.reset()),
  read: (page: Page) =>
    page.evaluate(() => (window as unknown as { __reactProbe: { read(): ProbeReading } }).__reactProbe.read()),
}
