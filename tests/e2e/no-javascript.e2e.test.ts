/**
 * Without JavaScript (or with it blocked), a prerendered episode page still works as a page:
 * the transcript reads, the video opens on YouTube (from its thumbnail, or at a chapter), and no
 * control that needs JavaScript is shown doing nothing.
 */
import { describe, expect, it } from 'vitest'
import { open, SEED, withBrowser } from './harness.ts'

withBrowser()

describe('an episode page without JavaScript', () => {
  it('shows the thumbnail as a link to YouTube, chapters on YouTube, and no control that needs JavaScript', async () => {
    const { page } = await open(`${SEED}/`, { javaScript: false })
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/DataOps & GitOps/)
    expect(
      await page.getByRole('region', { name: 'Transcript' }).getByText('So you tried all these positions').isVisible(),
    ).toBe(true)

    const watch = page
      .getByRole('region', { name: 'Player' })
      .getByRole('link', { name: 'Watch on YouTube', exact: true })
    expect(await watch.isVisible()).toBe(true)
    expect(await watch.getAttribute('href')).toBe('https://www.youtube.com/watch?v=lem7knxqNzg')
    expect(await watch.locator('img').getAttribute('src')).toBe('https://i.ytimg.com/vi/lem7knxqNzg/hqdefault.jpg')

    // Nothing that would do nothing: no "Loading the video…" forever, no play, copy, search or speaker filter.
    expect(await page.getByText('Loading the video…').isVisible()).toBe(false)
    for (const name of ['Play', 'Copy link', 'Keyboard shortcuts'])
      expect(await page.getByRole('button', { name, exact: true }).isVisible()).toBe(false)
    expect(await page.getByRole('searchbox', { name: 'Search transcript' }).isVisible()).toBe(false)
    expect(await page.getByText('Speakers', { exact: true }).isVisible()).toBe(false)

    // A chosen chapter opens on YouTube at its start. (Playwright's text matching skips <noscript>: located by CSS.)
    const summary = page.locator('.player-chapters-youtube summary')
    expect(await summary.textContent()).toBe('Watch on YouTube from a chapter')
    await summary.click()
    const chapter = page.locator('.player-chapters-youtube a').filter({ hasText: 'Early Experience: OLX' })
    expect(await chapter.isVisible()).toBe(true)
    expect(await chapter.getAttribute('href')).toBe('https://www.youtube.com/watch?v=lem7knxqNzg&t=271s')
    const hrefs = await page
      .locator('.player-chapters-youtube a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))
    expect(hrefs.length).toBeGreaterThan(20)
    expect(hrefs.every((h) => /^https:\/\/www\.youtube\.com\/watch\?v=lem7knxqNzg(&t=\d+s)?$/.test(h))).toBe(true)
  })

  it('with JavaScript, hydrates the same page without mismatch and shows none of that', async () => {
    const { page, errors } = await open(`${SEED}/`)
    await expect
      .poll(() => page.getByRole('region', { name: 'Player' }).getByRole('button', { name: 'Play' }).isEnabled(), {
        timeout: 15_000,
      })
      .toBe(true)
    expect(await page.getByRole('link', { name: 'Watch on YouTube', exact: true }).count()).toBe(0)
    expect(await page.locator('.player-chapters-youtube').count()).toBe(0)
    expect(await page.getByRole('searchbox', { name: 'Search transcript' }).isVisible()).toBe(true)
    expect(errors).toEqual([])
  })
})
