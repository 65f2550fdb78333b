import { describe, expect, it } from 'vitest'
import { activeLineText, axeViolations, fake, open, playerReady, SEED, withBrowser } from './harness.ts'

withBrowser()

describe('episode page with the video', () => {
  it('has the player, chapters and transcript landmarks', async () => {
    const { page, errors } = await open(SEED)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('DataOps & GitOps')
    await expect.poll(() => page.getByRole('region', { name: 'Player' }).count()).toBe(1)
    expect(await page.getByRole('navigation', { name: 'Chapters' }).count()).toBe(1)
    expect(await page.getByRole('region', { name: 'Transcript' }).count()).toBe(1)
    await playerReady(page)
    expect(errors).toEqual([])
  })

  it('moves the highlight with the clock', async () => {
    const { page, errors } = await open(SEED)
    await playerReady(page)
    const player = fake(page)
    await player.play()
    await player.setTime(146)
    await expect.poll(() => activeLineText(page)).toContain('Yeah, indeed.')
    await player.setTime(280)
    await expect.poll(() => activeLineText(page)).toContain('Mostly, I didn')
    // The active chapter follows too.
    const chapters = page.getByRole('navigation', { name: 'Chapters' })
    await expect.poll(() => chapters.locator('[aria-current="true"]').textContent()).toContain('Early Experience')
    expect(errors).toEqual([])
  })

  it('seeks and plays from a clicked line, which becomes current', async () => {
    const { page } = await open(SEED)
    await playerReady(page)
    const line = page.getByRole('region', { name: 'Transcript' }).getByText('So you tried all these positions')
    await line.click()
    await expect.poll(() => fake(page).time()).toBe(271)
    expect(await fake(page).state()).toBe(1)
    await expect.poll(() => activeLineText(page)).toContain('So you tried all these positions')
  })

  it('seeks from a line’s time link without leaving the page, and the link carries the share URL', async () => {
    const { page } = await open(SEED)
    await playerReady(page)
    const link = page.getByRole('link', { name: '4:31, Alexey: play from here' })
    expect(await link.getAttribute('href')).toBe('?t=271')
    expect(await link.evaluate((a) => (a as HTMLAnchorElement).href)).toMatch(
      /\/episodes\/s11e03-from-data-science-to-dataops\?t=271$/,
    )
    await link.click()
    await expect.poll(() => fake(page).time()).toBe(271)
    expect(new URL(page.url()).search).toBe('')
  })

  it('does not seek when the reader selects text in a line', async () => {
    const { page } = await open(SEED)
    await playerReady(page)
    const text = page.getByRole('region', { name: 'Transcript' }).getByText('So you tried all these positions')
    await text.scrollIntoViewIfNeeded()
    const box = await text.boundingBox()
    if (!box) throw new Error('line not visible')
    await page.mouse.move(box.x + 5, box.y + 8)
    await page.mouse.down()
    await page.mouse.move(box.x + 200, box.y + 8, { steps: 5 })
    await page.mouse.up()
    expect(await page.evaluate(() => window.getSelection()?.toString().length ?? 0)).toBeGreaterThan(3)
    expect(await fake(page).calls()).not.toContain('seekTo:271')
  })

  it('seeks from a chapter', async () => {
    const { page } = await open(SEED)
    await playerReady(page)
    await page
      .getByRole('navigation', { name: 'Chapters' })
      .getByRole('link', { name: /Early Experience/ })
      .click()
    await expect.poll(() => fake(page).time()).toBe(271)
    const chapters = page.getByRole('navigation', { name: 'Chapters' })
    await expect.poll(() => chapters.locator('[aria-current="true"]').textContent()).toContain('Early Experience')
  })

  it('opens a ?t= link cued at that time, highlighted and in view, without playing', async () => {
    const { page, errors } = await open(`${SEED}?t=1:02:28`)
    await playerReady(page)
    expect(await fake(page).time()).toBe(3748)
    await expect.poll(() => activeLineText(page)).toBeTruthy()
    const active = page.getByRole('region', { name: 'Transcript' }).locator('li[aria-current="true"]')
    await expect
      .poll(() =>
        active.evaluate((el) => {
          const pane = el.closest('.transcript-pane')
          if (!pane) return false
          const a = el.getBoundingClientRect()
          const b = pane.getBoundingClientRect()
          return a.top >= b.top && a.bottom <= b.bottom
        }),
      )
      .toBe(true)
    expect(await fake(page).state()).not.toBe(1)
    expect(await active.locator(':scope > a').textContent()).toMatch(/^~?1:0[12]:\d\d$/)
    expect(errors).toEqual([])
  })

  it.each(['?t=banana', '?t=-30', '?t=99999999', '?t=1:2:3:4'])(
    'ignores a bad time %s and opens at the start',
    async (query) => {
      const { page, errors } = await open(`${SEED}${query}`)
      await playerReady(page)
      expect(await fake(page).time()).toBe(0)
      expect(await activeLineText(page)).toBeNull()
      expect(errors).toEqual([])
    },
  )

  it('pauses following when the reader scrolls, and resumes from the control', async () => {
    const { page } = await open(SEED)
    await playerReady(page)
    const player = fake(page)
    await player.play()
    await player.setTime(305)
    await expect.poll(() => activeLineText(page)).toContain('OLX as an ML trainee')
    const pane = page.locator('.transcript-pane')
    await pane.hover()
    await page.mouse.wheel(0, 1500)
    const back = page.getByRole('button', { name: /Back to current line/ })
    await expect.poll(() => back.isVisible()).toBe(true)
    const scrolled = await pane.evaluate((el) => el.scrollTop)
    await player.setTime(1200)
    await page.waitForTimeout(300)
    expect(await pane.evaluate((el) => el.scrollTop)).toBe(scrolled)
    await back.click()
    await expect.poll(() => back.count()).toBe(0)
    const active = page.getByRole('region', { name: 'Transcript' }).locator('li[aria-current="true"]')
    await expect
      .poll(() =>
        active.evaluate((el) => {
          const p = el.closest('.transcript-pane')?.getBoundingClientRect()
          const r = el.getBoundingClientRect()
          return !!p && r.top >= p.top && r.bottom <= p.bottom
        }),
      )
      .toBe(true)
  })

  it.each([
    ['the keyboard', 'keys'],
    ['the scrollbar', 'scrollbar'],
    ['touch', 'touch'],
  ])('yields to a reader scrolling with %s', async (_name, how) => {
    const { page } = await open(SEED, how === 'touch' ? { touch: true } : {})
    await playerReady(page)
    await fake(page).play()
    await fake(page).setTime(305)
    await expect.poll(() => activeLineText(page)).toContain('OLX as an ML trainee')
    const pane = page.locator('.transcript-pane')
    const box = await pane.boundingBox()
    if (!box) throw new Error('no pane')
    if (how === 'keys') {
      await pane.focus()
      await page.keyboard.press('PageDown')
    } else if (how === 'scrollbar') {
      // Chromium's scrollbar is the pane's own box at its right edge.
      await page.mouse.move(box.x + box.width - 4, box.y + 30)
      await page.mouse.down()
      await page.mouse.move(box.x + box.width - 4, box.y + 200, { steps: 5 })
      await page.mouse.up()
    } else {
      // A finger dragging up the pane, as the browser delivers it.
      const cdp = await page.context().newCDPSession(page)
      const x = Math.round(box.x + box.width / 2)
      const y = Math.round(box.y + box.height / 2)
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] })
      for (let dy = 20; dy <= 200; dy += 20)
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - dy }] })
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    }
    await expect.poll(() => page.getByRole('button', { name: /Back to current line/ }).isVisible()).toBe(true)
  })

  it('follows the clock by scrolling the transcript pane, not the page', async () => {
    const { page } = await open(SEED)
    await playerReady(page)
    await fake(page).play()
    await fake(page).setTime(3000)
    const pane = page.locator('.transcript-pane')
    await expect.poll(() => pane.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000)
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
  })

  it('plays, pauses and steps with the keyboard', async () => {
    const { page } = await open(SEED)
    await playerReady(page)
    await page.locator('body').press('k')
    await expect.poll(() => fake(page).state()).toBe(1)
    await page.locator('body').press('k')
    await expect.poll(() => fake(page).state()).toBe(2)
    await fake(page).setTime(100)
    await page.locator('body').press('l')
    await expect.poll(() => fake(page).time()).toBe(126)
    await page.locator('body').press('ArrowRight')
    await expect.poll(() => fake(page).time()).toBe(131)
    await page.locator('body').press('?')
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true)
  })

  it('copies a line’s link and says so', async () => {
    const { page, context } = await open(SEED)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await playerReady(page)
    // With a mouse, the copy button comes to the line pointed at.
    await page.getByRole('link', { name: '4:31, Alexey: play from here' }).hover()
    await page.getByRole('button', { name: 'Copy link to 4:31' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied' }).textContent()).toContain('?t=271')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /\/episodes\/s11e03-from-data-science-to-dataops\?t=271$/,
    )
  })

  it('offers copying without a mouse: on the line being spoken, and after a focused line’s time', async () => {
    const { page } = await open(SEED, { touch: true })
    await playerReady(page)
    await fake(page).play()
    await fake(page).setTime(272)
    await expect.poll(() => page.getByRole('button', { name: 'Copy link to 4:31' }).isVisible()).toBe(true)
    // One button in the whole transcript, not one per line.
    expect(
      await page
        .getByRole('region', { name: 'Transcript' })
        .getByRole('button', { name: /^Copy link to/ })
        .count(),
    ).toBe(1)
    await page.getByRole('link', { name: '2:06, Tomasz: play from here' }).focus()
    await page.keyboard.press('Tab')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Copy link to 2:06')
  })

  it('does not fill the history as the video plays or the reader seeks', async () => {
    const { page } = await open(SEED)
    await playerReady(page)
    const before = await page.evaluate(() => history.length)
    await fake(page).play()
    for (const t of [150, 300, 600, 900]) {
      await fake(page).setTime(t)
      await page.waitForTimeout(60)
    }
    await page.getByRole('region', { name: 'Transcript' }).getByText('So you tried all these positions').click()
    await page
      .getByRole('navigation', { name: 'Chapters' })
      .getByRole('link', { name: /Early Experience/ })
      .click()
    expect(await page.evaluate(() => history.length)).toBe(before)
    expect(new URL(page.url()).search).toBe('')
  })

  it('opens every external link in a new tab without handing it the page', async () => {
    const { page } = await open(SEED)
    await playerReady(page)
    const external = page.locator('a[href^="http"]')
    expect(await external.count()).toBeGreaterThan(3)
    for (const rel of await external.evaluateAll((links) =>
      links.map((a) => `${a.getAttribute('href')} ${a.getAttribute('target')} ${a.getAttribute('rel')}`),
    )) {
      expect(rel).toMatch(/ _blank noopener noreferrer$/)
    }
  })

  it('has no serious accessibility violations', async () => {
    const { page } = await open(SEED)
    await playerReady(page)
    expect(await axeViolations(page)).toEqual([])
  })
})

describe('when the video cannot play', () => {
  it('says so and keeps a read-along clock that drives the highlight', async () => {
    const { page, errors } = await open(SEED, { fake: { blocked: true } })
    const player = page.getByRole('region', { name: 'Player' })
    await expect.poll(() => player.getByText('The video can’t play here.').isVisible()).toBe(true)
    // Seeking from a line works with the read-along clock…
    await page.getByRole('region', { name: 'Transcript' }).getByText('So you tried all these positions').click()
    await expect.poll(() => activeLineText(page)).toContain('So you tried all these positions')
    // …which runs on: the line after it (at 4:38) becomes current within 7 s of playing.
    await expect.poll(() => player.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true)
    await expect.poll(() => activeLineText(page), { timeout: 12_000 }).toContain('Mostly, I didn')
    const watch = player.getByRole('link', { name: 'Watch on YouTube from here' })
    expect(await watch.getAttribute('href')).toContain('youtube.com/watch?v=lem7knxqNzg')
    expect(errors).toEqual([])
  })

  it('says so when embedding is refused', async () => {
    const { page } = await open(SEED, { fake: { errorCode: 150 } })
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Player' }).getByText('does not allow it to be played here').isVisible(),
      )
      .toBe(true)
  })

  it('has no serious accessibility violations in the fallback', async () => {
    const { page } = await open(SEED, { fake: { blocked: true } })
    await expect.poll(() => page.getByText('The video can’t play here.').isVisible()).toBe(true)
    expect(await axeViolations(page)).toEqual([])
  })
})
