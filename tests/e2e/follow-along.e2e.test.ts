/**
 * Following along where listeners arrive: long jumps with smooth scrolling
 * (share links, the player's own scrubber, far chapters), the way back in
 * sight, speaker filters, keys, the read-along clock at both ends, coming
 * back, and a phone. Run on the generated 4-hour, 5,000-line episode, where a
 * smooth scroll takes well over a second, and on the seed episode.
 */
import type { Page } from 'playwright-core'
import { describe, expect, inject, it, vi } from 'vitest'
import { parseTime } from '../../src/lib/time/time.ts'
import { activeLineText, fake, open, playerReady, SEED, withBrowser } from './harness.ts'

withBrowser()
// A 5,000-line page takes seconds to load on a busy 2-core machine: speed is measured by the bench.
vi.setConfig({ testTimeout: 90_000 })

const LONG = `/episodes/${inject('longSlug')}`
const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 390, height: 844 }
const SIZES = [
  ['1280×800', DESKTOP],
  ['390×844', PHONE],
] as const

const backButton = (page: Page) => page.getByRole('button', { name: /Back to current line/ })
const transcript = (page: Page) => page.getByRole('region', { name: 'Transcript' })

/** Whether the active line is inside the transcript pane's visible box (and the viewport). */
async function activeInView(page: Page): Promise<boolean> {
  const active = transcript(page).locator('li[aria-current="true"]')
  if ((await active.count()) === 0) return false
  return active.evaluate((el) => {
    const pane = el.closest('.transcript-pane')?.getBoundingClientRect()
    const r = el.getBoundingClientRect()
    const top = Math.max(pane?.top ?? 0, 0)
    const bottom = Math.min(pane?.bottom ?? 0, window.innerHeight)
    return !!pane && r.top >= top - 1 && r.top + Math.min(r.height, 40) <= bottom + 1
  })
}

/** Waits past the longest smooth scroll, then checks that following is still on and in view. */
async function expectStillFollowing(page: Page): Promise<void> {
  await page.waitForTimeout(2500)
  expect(await backButton(page).count()).toBe(0)
  await expect.poll(() => activeInView(page)).toBe(true)
}

describe.each(SIZES)('a long jump keeps following on, at %s', (_label, viewport) => {
  it('from a share link deep into a long episode', async () => {
    const { page, errors } = await open(`${LONG}?t=3:00:00`, { viewport, reducedMotion: false })
    await playerReady(page)
    expect(await fake(page).time()).toBe(10800)
    await expectStillFollowing(page)
    if (viewport === PHONE) {
      // On a phone the page scrolls the transcript right under the pinned player, not beneath it.
      const gap = await page.evaluate(() => {
        const pane = document.querySelector('.transcript-pane')?.getBoundingClientRect()
        const player = document.querySelector('.player-section')?.getBoundingClientRect()
        return pane && player ? pane.top - player.bottom : NaN
      })
      expect(gap).toBeGreaterThanOrEqual(-2)
      expect(gap).toBeLessThanOrEqual(40)
    }
    expect(errors).toEqual([])
  })

  it('when the player itself jumps (its own scrubber)', async () => {
    const { page } = await open(LONG, { viewport, reducedMotion: false })
    await playerReady(page)
    await fake(page).play()
    await fake(page).setTime(120)
    await expect.poll(() => activeLineText(page)).toBeTruthy()
    await fake(page).setTime(9000)
    await expectStillFollowing(page)
  })

  it('from a far chapter in the chapter list', async () => {
    const { page } = await open(LONG, { viewport, reducedMotion: false })
    await playerReady(page)
    const chapters = page.getByRole('navigation', { name: 'Chapters' })
    // On a phone the list starts folded.
    if (!(await chapters.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)))
      await chapters.locator('summary').click()
    const far = chapters.getByRole('link').nth(700)
    await far.click()
    await expect.poll(async () => (await chapters.locator('[aria-current="true"]').count()) > 0).toBe(true)
    await expectStillFollowing(page)
  })
})

describe('the way back', () => {
  it.each(SIZES)('“Back to current line” is inside the viewport at %s', async (label, viewport) => {
    const { page } = await open(LONG, { viewport })
    await playerReady(page)
    await page.getByRole('region', { name: 'Player' }).getByRole('button', { name: 'Play' }).click()
    await fake(page).setTime(3000)
    await expect.poll(() => activeInView(page)).toBe(true)
    const pane = page.locator('.transcript-pane')
    if (viewport === DESKTOP) {
      // On a desktop the whole pane fits the window: the page does not scroll.
      const box = await pane.boundingBox()
      expect(box && box.y + box.height).toBeLessThanOrEqual(viewport.height)
    }
    const scrollY = await page.evaluate(() => window.scrollY)
    await pane.hover()
    await page.mouse.wheel(0, 2000)
    await expect.poll(() => backButton(page).isVisible()).toBe(true)
    const back = await backButton(page).boundingBox()
    expect(back && back.y).toBeGreaterThanOrEqual(0)
    expect(back && back.y + back.height).toBeLessThanOrEqual(viewport.height)
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY)
    expect(label).toBeTruthy()
  })

  it('a speaker filter that hides the voice says who is speaking and leads back in one action', async () => {
    const { page } = await open(`${SEED}?who=Tomasz`)
    await playerReady(page)
    await fake(page).play()
    // 2:25: Alexey speaks, and the filter hides him.
    await fake(page).setTime(146)
    const status = page.getByRole('status').filter({ hasText: /Now speaking/ })
    await expect.poll(() => status.textContent()).toMatch(/Now speaking: Alexey/)
    // The nearest line the filter keeps is marked as where the voice is.
    await expect.poll(() => transcript(page).locator('li.line-near').count()).toBe(1)
    await page.getByRole('button', { name: /Show all speakers/ }).click()
    await expect.poll(() => activeLineText(page)).toContain('Yeah, indeed.')
    await expect.poll(() => activeInView(page)).toBe(true)
    expect(new URL(page.url()).searchParams.get('who')).toBeNull()
  })
})

describe('keys behave like a player’s', () => {
  it.each([
    [
      'a chapter link',
      (page: Page) =>
        page.getByRole('navigation', { name: 'Chapters' }).getByRole('link', { name: /Early Experience/ }),
    ],
    ['a line’s time link', (page: Page) => page.getByRole('link', { name: '4:31, Alexey: play from here' })],
    ['a line’s text', (page: Page) => transcript(page).getByText('So you tried all these positions')],
  ])('Space after clicking %s pauses, without scrolling the page or stopping following', async (_name, target) => {
    const { page } = await open(SEED, { viewport: DESKTOP })
    await playerReady(page)
    await target(page).click()
    await expect.poll(() => fake(page).state()).toBe(1)
    const scrollY = await page.evaluate(() => window.scrollY)
    const paneTop = await page.locator('.transcript-pane').evaluate((el) => el.scrollTop)
    await page.keyboard.press(' ')
    await expect.poll(() => fake(page).state()).toBe(2)
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY)
    await page.waitForTimeout(300)
    expect(await backButton(page).count()).toBe(0)
    expect(await page.locator('.transcript-pane').evaluate((el) => el.scrollTop)).toBe(paneTop)
    await page.keyboard.press('k')
    await expect.poll(() => fake(page).state()).toBe(1)
  })

  it('the shortcut sheet lists Enter, Shift+Enter and Esc too', async () => {
    const { page } = await open(SEED, { viewport: DESKTOP })
    await playerReady(page)
    await page.locator('body').press('?')
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.isVisible()).toBe(true)
    const text = (await dialog.textContent()) ?? ''
    for (const key of ['Space', 'Enter', 'Shift', 'Esc']) expect(text).toContain(key)
  })
})

describe('the read-along clock at both ends', () => {
  it('starts at the first line, reaches lines past the stated duration, and shows the real length', async () => {
    const { page } = await open(LONG, { fake: { blocked: true } })
    await expect.poll(() => page.getByText('The video can’t play here.').isVisible(), { timeout: 40_000 }).toBe(true)
    // The first line (at 1:40) is highlighted at once.
    await expect.poll(() => activeLineText(page)).toBeTruthy()
    const clock = page.getByRole('region', { name: 'Player' }).getByLabel('Current time')
    // The length shown is the last line's end, past the stated 3:55:00.
    const [now, length] = ((await clock.textContent()) ?? '').split(' / ')
    expect(now).toBe('1:40')
    expect(parseTime(length ?? '')).toBeGreaterThan(3 * 3600 + 55 * 60)
    // The last line starts after the stated 3:55:00.
    const last = transcript(page).locator('li[data-line]').last()
    await last.locator('p').click()
    await expect.poll(() => last.getAttribute('aria-current')).toBe('true')
    const shown = (await clock.textContent()) ?? ''
    expect(shown.startsWith('0:')).toBe(false)
    expect(shown).toMatch(/^3:5\d:\d\d|^4:0/)
  })
})

describe('coming back', () => {
  it('drops a used ?t= from the address, and offers to resume where the listener left', async () => {
    const { page } = await open(`${SEED}?t=600`)
    await playerReady(page)
    await expect.poll(() => new URL(page.url()).searchParams.get('t')).toBeNull()
    await fake(page).play()
    await fake(page).setTime(901)
    await expect.poll(() => activeLineText(page)).toBeTruthy()
    await page.getByRole('link', { name: 'All episodes' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).not.toContain('DataOps')
    await page.goBack()
    await playerReady(page)
    const resume = page.getByRole('button', { name: /Resume at 15:01/ })
    await expect.poll(() => resume.isVisible()).toBe(true)
    await resume.click()
    await expect.poll(() => fake(page).time()).toBe(901)
  })
})

describe('a phone while playing', () => {
  it('shows at least half a screen of transcript, with the current line away from the edges', async () => {
    const { page } = await open(LONG, { viewport: PHONE })
    await playerReady(page)
    await page.getByRole('region', { name: 'Player' }).getByRole('button', { name: 'Play' }).click()
    await fake(page).setTime(5000)
    await expect.poll(() => activeInView(page)).toBe(true)
    const visible = await page.evaluate(() => {
      const pane = document.querySelector('.transcript-pane')?.getBoundingClientRect()
      const player = document.querySelector('.player-section')?.getBoundingClientRect()
      if (!pane || !player) return 0
      const top = Math.max(pane.top, player.bottom, 0)
      return Math.max(0, Math.min(pane.bottom, window.innerHeight) - top)
    })
    expect(visible).toBeGreaterThanOrEqual(PHONE.height / 2)
    const edge = await transcript(page)
      .locator('li[aria-current="true"]')
      .evaluate((el) => {
        const r = el.getBoundingClientRect()
        const player = document.querySelector('.player-section')?.getBoundingClientRect()
        return { top: r.top - (player?.bottom ?? 0), bottom: window.innerHeight - r.top }
      })
    expect(edge.top).toBeGreaterThan(20)
    expect(edge.bottom).toBeGreaterThan(100)
  })
})

describe('chapters as a listener reads them', () => {
  it('shows no empty chapter, starts the first at 0:00, and keeps the current one in view', async () => {
    const { page } = await open(SEED, { viewport: DESKTOP })
    await playerReady(page)
    const chapters = page.getByRole('navigation', { name: 'Chapters' })
    const first = chapters.getByRole('link').first()
    expect(await first.textContent()).toMatch(/^0:00/)
    const times = await chapters.locator('.chapter-time').allTextContents()
    expect(new Set(times).size).toBe(times.length)
    await first.click()
    await expect.poll(() => fake(page).time()).toBe(0)
  })

  it('keeps the current chapter in view in a long chapter list', async () => {
    const { page } = await open(LONG, { viewport: DESKTOP })
    await playerReady(page)
    await fake(page).play()
    await fake(page).setTime(12000)
    const current = page.getByRole('navigation', { name: 'Chapters' }).locator('[aria-current="true"]')
    await expect.poll(() => current.count()).toBe(1)
    await expect
      .poll(() =>
        current.evaluate((el) => {
          const r = el.getBoundingClientRect()
          let box = { top: 0, bottom: window.innerHeight }
          for (let p = el.parentElement; p; p = p.parentElement) {
            const s = getComputedStyle(p)
            if (/(auto|scroll)/.test(s.overflowY) && p.scrollHeight > p.clientHeight) {
              const b = p.getBoundingClientRect()
              box = { top: Math.max(box.top, b.top), bottom: Math.min(box.bottom, b.bottom) }
            }
          }
          return r.top >= box.top && r.bottom <= box.bottom
        }),
      )
      .toBe(true)
  })
})
