/**
 * Quotes: a range link (`?t=START,END`) cues, marks and labels the range, pauses once at its
 * end and goes on with Continue; short links carry ranges; a broken range falls back quietly.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { fake, open, playerReady, SEED, withBrowser } from './harness.ts'

withBrowser()

const quoteBar = (page: Page) => page.getByRole('region', { name: /^Quote/ })
const quoted = (page: Page) => page.getByRole('region', { name: 'Transcript' }).locator('li[data-quote]')

/** Whether the first quoted line is inside the transcript pane's visible box. */
function firstQuotedInView(page: Page): Promise<boolean> {
  return quoted(page)
    .first()
    .evaluate((el) => {
      const pane = el.closest('.transcript-pane')?.getBoundingClientRect()
      const r = el.getBoundingClientRect()
      return !!pane && r.top >= pane.top - 1 && r.top + 20 <= Math.min(pane.bottom, window.innerHeight)
    })
}

describe('a range link', () => {
  it.each([
    ['1280×800', { width: 1280, height: 800 }],
    ['390×844', { width: 390, height: 844 }],
  ])('cues at its start, marks and labels the quote, at %s', async (_label, viewport) => {
    const { page, errors } = await open(`${SEED}?t=1:02:28,1:03:10`, { viewport })
    await playerReady(page)
    expect(await fake(page).time()).toBe(3748)
    await expect.poll(() => quoteBar(page).isVisible()).toBe(true)
    expect(await quoteBar(page).getByText('Quote 1:02:28–1:03:10').isVisible()).toBe(true)
    expect(await quoteBar(page).getByRole('button', { name: 'Play quote' }).isVisible()).toBe(true)
    // Every line overlapping 3748–3790 and no other: the first starts at 1:02:28.
    const marked = await quoted(page).count()
    expect(marked).toBeGreaterThanOrEqual(2)
    expect(await quoted(page).first().locator(':scope > a').textContent()).toBe('1:02:28')
    const times = await quoted(page).locator(':scope > a').allTextContents()
    for (const t of times) expect(t.replace('~', '')).toMatch(/^1:0[23]:\d\d$/)
    // Each quoted line is described by the quote's label (for screen readers), and the first is in view.
    expect(await quoted(page).first().getAttribute('aria-describedby')).toBe('quote-label')
    await expect.poll(() => firstQuotedInView(page)).toBe(true)
    expect(await quoted(page).first().getAttribute('aria-current')).toBe('true')
    expect(errors).toEqual([])
  })

  it('plays the quote, pauses once at its end, and Continue goes on', async () => {
    const { page, errors } = await open(`${SEED}?t=3748,3790`)
    await playerReady(page)
    await quoteBar(page).getByRole('button', { name: 'Play quote' }).click()
    await expect.poll(() => fake(page).state()).toBe(1)
    await fake(page).setTime(3780)
    await page.waitForTimeout(200)
    await fake(page).setTime(3789.9)
    await page.waitForTimeout(200)
    expect(await fake(page).state()).toBe(1)
    await fake(page).setTime(3790.2)
    await expect.poll(() => fake(page).state()).toBe(2)
    const calls = await fake(page).calls()
    expect(calls.filter((c) => c === 'pause')).toHaveLength(1)
    const go = quoteBar(page).getByRole('button', { name: 'Continue' })
    await go.click()
    await expect.poll(() => fake(page).state()).toBe(1)
    await fake(page).setTime(3791)
    await page.waitForTimeout(200)
    await fake(page).setTime(3795)
    await page.waitForTimeout(200)
    expect(await fake(page).state()).toBe(1)
    expect(await go.count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('plain Play plays the quote it was opened at', async () => {
    const { page } = await open(`${SEED}?t=3748,3790`)
    await playerReady(page)
    await page.getByRole('region', { name: 'Player' }).getByRole('button', { name: 'Play', exact: true }).click()
    await expect.poll(() => fake(page).state()).toBe(1)
    await fake(page).setTime(3789.5)
    await page.waitForTimeout(200)
    await fake(page).setTime(3790.1)
    await expect.poll(() => fake(page).state()).toBe(2)
  })

  it('a short link carries the range', async () => {
    const { page, errors } = await open('/s11e03?t=1:02:28,1:03:10')
    await playerReady(page)
    await expect.poll(() => new URL(page.url()).pathname).toBe(SEED)
    expect(await fake(page).time()).toBe(3748)
    await expect.poll(() => quoteBar(page).getByText('Quote 1:02:28–1:03:10').isVisible()).toBe(true)
    expect(errors).toEqual([])
  })

  it.each([
    ['reversed', '?t=3790,3748', 3790],
    ['with a broken end', '?t=3748,later', 3748],
    ['with a broken start', '?t=later,3790', 0],
  ])('%s falls back to a plain time, without a quote or an error', async (_what, search, at) => {
    const { page, errors } = await open(`${SEED}${search}`)
    await playerReady(page)
    expect(await fake(page).time()).toBe(at)
    expect(await quoteBar(page).count()).toBe(0)
    expect(await quoted(page).count()).toBe(0)
    expect(errors).toEqual([])
  })
})
