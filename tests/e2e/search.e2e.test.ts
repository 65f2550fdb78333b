import { describe, expect, it } from 'vitest'
import { activeLineText, fake, open, playerReady, SEED, withBrowser } from './harness.ts'

withBrowser()

describe('search in an episode', () => {
  it('finds a misspelt word as you type, counts, steps through results and seeks from one', async () => {
    const { page, errors } = await open(SEED)
    await playerReady(page)
    const box = page.getByRole('searchbox', { name: 'Search transcript' })
    await box.fill('terrafrom')
    const count = page.getByRole('region', { name: 'Transcript' }).getByRole('status')
    await expect.poll(() => count.textContent()).toMatch(/^1 of \d+$/)
    const total = Number((await count.textContent())?.split(' of ')[1])
    expect(total).toBeGreaterThan(3)
    const results = page.getByRole('list', { name: 'Search results' })
    expect(await results.locator('mark').first().textContent()).toMatch(/terraform/i)
    // The transcript marks the matched characters too.
    expect(await page.locator('.transcript-pane mark').count()).toBeGreaterThan(3)
    await box.press('Enter')
    await expect.poll(() => count.textContent()).toBe(`2 of ${total}`)
    await box.press('Shift+Enter')
    await expect.poll(() => count.textContent()).toBe(`1 of ${total}`)
    await page.getByRole('button', { name: 'Previous result' }).click()
    await expect.poll(() => count.textContent()).toBe(`${total} of ${total}`)
    // The result moved to is marked in the transcript and scrolled into view.
    const marked = page.locator('.transcript-pane .line-search-current')
    await expect.poll(() => marked.count()).toBe(1)
    // Clicking a result seeks the video to its line.
    const first = results.getByRole('button').filter({ hasText: /terraform/i }).first()
    const label = (await first.locator('.result-time').textContent()) ?? ''
    await first.click()
    await expect.poll(() => fake(page).state()).toBe(1)
    const [m, s] = label.split(':').map(Number)
    expect(Math.floor(await fake(page).time())).toBeGreaterThanOrEqual((m ?? 0) * 60 + (s ?? 0))
    expect(new URL(page.url()).searchParams.get('q')).toBe('terrafrom')
    expect(errors).toEqual([])
  })

  it('keeps the query in the URL, so a shared ?q= link opens with the search', async () => {
    const { page, errors } = await open(`${SEED}?q=poznan`)
    await playerReady(page)
    await expect.poll(() => page.getByRole('searchbox', { name: 'Search transcript' }).inputValue()).toBe('poznan')
    const results = page.getByRole('list', { name: 'Search results' })
    await expect.poll(() => results.locator('mark').allTextContents()).toContain('Poznan')
    expect(errors).toEqual([])
  })

  it('filters by speaker, and with no query lists only their lines', async () => {
    const { page } = await open(SEED)
    await playerReady(page)
    await page.getByText('Speakers', { exact: true }).click()
    await page.getByRole('checkbox', { name: /Tomasz/ }).check()
    await expect.poll(() => new URL(page.url()).searchParams.getAll('who')).toEqual(['Tomasz'])
    const speakers = await page.locator('.transcript-pane .speaker').allTextContents()
    expect(new Set(speakers)).toEqual(new Set(['Tomasz']))
  })

  it('is focused by / and takes special characters as text', async () => {
    const { page, errors } = await open(SEED)
    await playerReady(page)
    await page.locator('body').press('/')
    const box = page.getByRole('searchbox', { name: 'Search transcript' })
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true)
    for (const q of ['(', '*', '\\', '[a-z', '"unclosed']) {
      await box.fill(q)
      await page.waitForTimeout(50)
    }
    expect(errors).toEqual([])
  })

  it('holds follow-scroll while searching, and resumes when cleared', async () => {
    const { page } = await open(SEED)
    await playerReady(page)
    await fake(page).play()
    const box = page.getByRole('searchbox', { name: 'Search transcript' })
    await box.fill('kubernetes')
    const pane = page.locator('.transcript-pane')
    await page.waitForTimeout(200)
    const before = await pane.evaluate((el) => el.scrollTop)
    await fake(page).setTime(3900)
    await expect.poll(() => activeLineText(page)).toBeTruthy()
    await page.waitForTimeout(300)
    expect(await pane.evaluate((el) => el.scrollTop)).toBe(before)
    await box.fill('')
    await expect.poll(() => pane.evaluate((el) => el.scrollTop)).toBeGreaterThan(before + 500)
  })
})
