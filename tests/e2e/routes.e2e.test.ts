import { describe, expect, it } from 'vitest'
import { axeViolations, fake, open, playerReady, withBrowser } from './harness.ts'

withBrowser()

describe('routes', () => {
  it('lists the bundled episodes on the home page', async () => {
    const { page, errors } = await open('/')
    await expect.poll(() => page.getByRole('link', { name: /DataOps & GitOps/ }).count()).toBe(1)
    expect(await page.getByRole('link', { name: /Messy Transcripts/ }).count()).toBe(1)
    expect(await page.getByText('Next Episode (draft)').count()).toBe(0)
    expect(errors).toEqual([])
    expect(await axeViolations(page)).toEqual([])
  })

  it('redirects a short link /s11e03 to the episode, keeping the time', async () => {
    const { page } = await open('/s11e03?t=271')
    await expect.poll(() => new URL(page.url()).pathname).toBe('/episodes/s11e03-from-data-science-to-dataops')
    // The time is used (the player is cued there), then dropped from the address.
    await playerReady(page)
    expect(await fake(page).time()).toBe(271)
    const again = await open('/S11E3')
    await expect.poll(() => new URL(again.page.url()).pathname).toBe('/episodes/s11e03-from-data-science-to-dataops')
  })

  it.each(['/episodes/no-such-episode', '/no/such/page', '/s99e99'])(
    'shows a not-found page with a way home for %s',
    async (path) => {
      const { page, errors } = await open(path)
      await expect.poll(() => page.getByRole('heading', { name: 'Not found' }).isVisible()).toBe(true)
      await page.getByRole('link', { name: 'See all episodes' }).click()
      await expect.poll(() => new URL(page.url()).pathname).toBe('/')
      expect(errors).toEqual([])
    },
  )

  it('shows an episode with no transcript as video only', async () => {
    const { page } = await open('/episodes/office-hours-video-only')
    await expect.poll(() => page.getByText('This episode has no transcript yet').isVisible()).toBe(true)
  })

  it('renders hostile transcript and body content inert', async () => {
    const { page, errors } = await open('/episodes/hostile-content')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('<script>')
    await page.getByText('A second line.').hover()
    await page.waitForTimeout(300)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
    expect(
      await page
        .locator('.episode-body script, .episode-body img, .transcript-pane img, .transcript-pane script')
        .count(),
    ).toBe(0)
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0)
    expect(errors).toEqual([])
  })
})

describe('home page filters', () => {
  it('filters by text and season, and keeps the filter in the URL', async () => {
    const { page, errors } = await open('/')
    const filters = page.getByRole('search', { name: 'Filter episodes' })
    await filters.getByRole('searchbox').fill('messy')
    await expect.poll(() => page.getByRole('article').count()).toBe(1)
    expect(new URL(page.url()).searchParams.get('filter')).toBe('messy')
    await page.reload()
    await expect.poll(() => page.getByRole('article').count()).toBe(1)
    expect(await filters.getByRole('searchbox').inputValue()).toBe('messy')
    await filters.getByRole('searchbox').fill('')
    await filters.getByRole('combobox', { name: 'Season' }).selectOption('11')
    await expect.poll(() => page.getByRole('article').count()).toBe(1)
    await expect.poll(() => page.getByRole('link', { name: /DataOps & GitOps/ }).count()).toBe(1)
    expect(errors).toEqual([])
  })
})
