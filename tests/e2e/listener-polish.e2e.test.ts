/**
 * What a listener sees first, at desktop and phone sizes: the list position kept on Back, the
 * results across episodes in the order they are said, counts that agree with the lists, and
 * controls that suit the device (copy actions in sight on a touch screen, no keyboard hints there).
 */
import { describe, expect, inject, it } from 'vitest'
import { axeViolations, fake, open, playerReady, SEED } from './harness.ts'
import { withBrowser } from './harness.ts'

withBrowser()

const PHONE = { width: 390, height: 500 }

/** Seconds from a result's time label (`~26:21`, `1:02:03`). */
function seconds(label: string): number {
  return label
    .replace('~', '')
    .split(':')
    .reduce((s, part) => s * 60 + Number(part), 0)
}

describe('the home page', () => {
  it('comes back from an episode where the reader was in the list', async () => {
    const { page } = await open('/', { viewport: PHONE })
    const cards = page.getByRole('list').filter({ has: page.locator('.episode-card') })
    await expect.poll(() => cards.locator('.episode-card').count()).toBeGreaterThan(3)
    // The last card, scrolled into view: the page is scrolled far down.
    const last = cards.locator('.episode-card h3 a').last()
    await last.scrollIntoViewIfNeeded()
    await page.waitForTimeout(100)
    const y = await page.evaluate(() => window.scrollY)
    expect(y).toBeGreaterThan(400)
    await last.click()
    await expect.poll(() => page.url()).toContain('/episodes/')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1)
    // A page opened by a link starts at its top.
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(50)
    await page.goBack()
    await expect.poll(() => page.getByRole('heading', { name: 'Episodes' }).count()).toBe(1)
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(y - 20)
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(y + 20)
  })
})

describe('search across episodes', () => {
  it('lists an episode’s lines in the order they are said, marks the best, and keeps the speaker in "All matches"', async () => {
    const { page } = await open('/search?q=data&who=Tomasz')
    const results = page.getByRole('region', { name: 'Results by episode' })
    const group = results.locator('section').first()
    await expect.poll(() => group.getByRole('listitem').count(), { timeout: 15_000 }).toBeGreaterThan(2)
    const times = (await group.locator('.result-time').allTextContents()).map(seconds)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    // One best match, marked in words (so a screen reader says it too).
    expect(await group.getByRole('link', { name: /Best match/ }).count()).toBe(1)
    const all = group.getByRole('link', { name: /^All \d+ matches in this episode$/ })
    const href = new URL((await all.getAttribute('href')) ?? '', 'http://x')
    expect(href.searchParams.get('q')).toBe('data')
    expect(href.searchParams.getAll('who')).toEqual(['Tomasz'])
    expect(await axeViolations(page)).toEqual([])
  })
})

describe('search in an episode', () => {
  it('says "2,000+" when more lines match than it lists', async () => {
    const { page } = await open(`/episodes/${inject('longSlug')}?q=n`)
    const status = page.getByRole('region', { name: 'Transcript' }).getByRole('status').first()
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^1 of 2,000\+ lines/)
  })
})

describe('small controls', () => {
  it('on a phone: the copy action is in sight without hovering, and there is no keyboard hint', async () => {
    const { page } = await open(SEED, { mobile: true, viewport: { width: 390, height: 844 } })
    await playerReady(page)
    const transcript = page.getByRole('region', { name: 'Transcript' })
    expect(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches)).toBe(true)
    // Nothing playing, nothing pointed at: the copy action is already on a line.
    await expect.poll(() => transcript.getByRole('button', { name: /^Copy link to/ }).isVisible()).toBe(true)
    expect(await transcript.getByRole('button', { name: 'Keyboard shortcuts' }).isVisible()).toBe(false)
    // A tapped line becomes the current one and carries it.
    await transcript.getByText('So you tried all these positions').tap()
    await expect.poll(() => fake(page).time()).toBe(271)
    await expect
      .poll(() => transcript.getByRole('button', { name: /^Copy link to/ }).getAttribute('aria-label'))
      .toBe('Copy link to 4:31')
  })

  it('with a mouse and keyboard: the shortcuts are offered, in a sheet with keys beside their actions', async () => {
    const { page } = await open(SEED)
    await playerReady(page)
    const button = page.getByRole('region', { name: 'Transcript' }).getByRole('button', { name: 'Keyboard shortcuts' })
    expect(await button.isVisible()).toBe(true)
    await button.click()
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    // Each action starts close to its keys (not pushed to the far side of the sheet), and the heading sits at the top.
    const gaps = await dialog.evaluate((d) => {
      const box = d.getBoundingClientRect()
      const h2 = d.querySelector('h2')?.getBoundingClientRect()
      const dt = [...d.querySelectorAll('dt')].map((e) => e.getBoundingClientRect())
      const dd = [...d.querySelectorAll('dd')].map((e) => e.getBoundingClientRect())
      const keysRight = Math.max(...dt.map((r) => r.right))
      return {
        top: (h2?.top ?? 0) - box.top,
        spread: Math.max(...dd.map((r) => r.left)) - Math.min(...dd.map((r) => r.left)),
        between: Math.min(...dd.map((r) => r.left)) - keysRight,
      }
    })
    expect(gaps.top).toBeLessThan(32)
    expect(gaps.spread).toBeLessThan(2)
    expect(gaps.between).toBeLessThan(40)
  })
})
