/** URL state: navigation wins over what was typed; a link to `/` clears filters and searches. */
import { describe, expect, it } from 'vitest'
import { open, withBrowser } from './harness.ts'

withBrowser()

describe('URL state', () => {
  it.each(['All episodes', 'Playscript'])(
    'a filter typed on the home page is cleared by the “%s” link',
    async (link) => {
      const { page, errors } = await open('/')
      const box = page.getByRole('search', { name: 'Filter episodes' }).getByRole('searchbox')
      await box.fill('messy')
      await expect.poll(() => page.getByRole('article').count()).toBe(1)
      await expect.poll(() => new URL(page.url()).searchParams.get('filter')).toBe('messy')
      const all = page.getByRole('article').count()
      await page.getByRole('banner').getByRole('link', { name: link, exact: true }).click()
      await expect.poll(() => new URL(page.url()).search).toBe('')
      await expect.poll(() => box.inputValue()).toBe('')
      await expect.poll(() => page.getByRole('article').count()).toBeGreaterThan(1)
      expect(await all).toBe(1)
      // The filter is in history: Back brings it back, as the URL says.
      await page.goBack()
      await expect.poll(() => box.inputValue()).toBe('messy')
      await expect.poll(() => page.getByRole('article').count()).toBe(1)
      expect(errors).toEqual([])
    },
  )

  it('a search across episodes typed on the home page is cleared by a link to /', async () => {
    const { page, errors } = await open('/')
    const box = page.getByRole('searchbox', { name: 'Search all transcripts' })
    await box.fill('terrafrom')
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('terrafrom')
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'All episodes' }).click()
    await expect.poll(() => new URL(page.url()).search).toBe('')
    await expect.poll(() => box.inputValue()).toBe('')
    expect(errors).toEqual([])
  })

  it('typing keeps every keystroke (local state still leads while typing)', async () => {
    const { page } = await open('/')
    const box = page.getByRole('search', { name: 'Filter episodes' }).getByRole('searchbox')
    await box.pressSequentially('messy tra', { delay: 5 })
    await expect.poll(() => new URL(page.url()).searchParams.get('filter')).toBe('messy tra')
    expect(await box.inputValue()).toBe('messy tra')
  })
})
