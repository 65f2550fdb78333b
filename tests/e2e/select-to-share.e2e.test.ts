/**
 * Sharing what was said: select words across three transcript lines, copy the link to the
 * quote and the quote itself (read back from the clipboard, as text and as HTML); selecting never
 * seeks. From the keyboard, `[` and `]` on focused lines mark a quote.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { EpisodeData } from '../../src/lib/episode/types.ts'
import { parseTimeParam } from '../../src/lib/time/time-range.ts'
import { linesInRange } from '../../src/lib/timeline/line-ranges.ts'
import { baseURL, fake, open, playerReady, SEED, withBrowser } from './harness.ts'

withBrowser()

const SLUG = SEED.split('/').pop() ?? ''
const words = (page: Page, i: number) =>
  page.getByRole('region', { name: 'Transcript' }).locator(`li[data-line="${i}"] > p`)

async function episode(): Promise<EpisodeData> {
  return (await (await fetch(`${baseURL()}/data/episodes/${SLUG}.json`)).json()) as EpisodeData
}

/** The clipboard's text/plain and text/html. */
function readClipboard(page: Page): Promise<{ text: string; html: string }> {
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read()
    const read = async (type: string) => (item?.types.includes(type) ? (await item.getType(type)).text() : '')
    return { text: await read('text/plain'), html: await read('text/html') }
  })
}

describe('select to share', () => {
  it.each([
    ['1280×800', { width: 1280, height: 800 }],
    ['390×844', { width: 390, height: 844 }],
  ])('copies the link and the words of a selection across three lines, at %s', async (_label, viewport) => {
    const { page, context, errors } = await open(SEED, { viewport })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await playerReady(page)
    const data = await episode()
    // The three shortest lines in a row, so all three fit on a phone's screen.
    const ls = data.timeline.lines
    const size = (i: number) => [0, 1, 2].reduce((n, d) => n + (ls[i + d]?.text.length ?? 1e9), 0)
    const k = ls.reduce((best, _, i) => (size(i) < size(best) ? i : best), 1)
    const [a, c] = [words(page, k), words(page, k + 2)]
    // At once (the page scrolls smoothly otherwise), and the drag waits until the lines stay put:
    // a drag measured mid-scroll once ended on the second line.
    await words(page, k + 1).evaluate((el) =>
      el.closest('li')?.scrollIntoView({ block: 'center', behavior: 'instant' }),
    )
    await expect
      .poll(async () => {
        const before = JSON.stringify(await c.boundingBox())
        await page.waitForTimeout(150)
        return before === JSON.stringify(await c.boundingBox())
      })
      .toBe(true)
    const from = await a.boundingBox()
    const to = await c.boundingBox()
    if (!from || !to) throw new Error('lines not laid out')
    const callsBefore = (await fake(page).calls()).length
    if (viewport.width > 600) {
      // A reader's drag, from inside the first line's words to inside the third's.
      await page.mouse.move(from.x + 30, from.y + 6)
      await page.mouse.down()
      await page.mouse.move(from.x + 120, from.y + 20, { steps: 4 })
      await page.mouse.move(to.x + 60, to.y + 6, { steps: 8 })
      await page.mouse.up()
    } else {
      // On a phone words are selected with the selection handles (a long press): the same selection.
      await page.evaluate((first) => {
        const text = (i: number) => document.querySelector(`li[data-line="${i}"] > p`)?.firstChild
        const [start, end] = [text(first), text(first + 2)]
        if (!start || !end) throw new Error('no words')
        const range = document.createRange()
        range.setStart(start, 5)
        range.setEnd(end, 10)
        window.getSelection()?.removeAllRanges()
        window.getSelection()?.addRange(range)
      }, k)
    }
    const bar = page.getByRole('toolbar', { name: /^Share the selected words/ })
    await expect.poll(() => bar.isVisible()).toBe(true)
    expect(await bar.getAttribute('aria-label')).toBe('Share the selected words (3 lines)')
    const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '')
    expect(selected.length).toBeGreaterThan(20)
    // Selecting never seeks.
    expect((await fake(page).calls()).slice(callsBefore).filter((c) => c.startsWith('seekTo'))).toEqual([])

    await bar.getByRole('button', { name: 'Copy link to quote' }).click()
    const link = await page.evaluate(() => navigator.clipboard.readText())
    expect(link.startsWith(`${baseURL()}${SEED}?t=`)).toBe(true)
    const range = parseTimeParam(new URL(link).searchParams.get('t')).range
    expect(range && linesInRange(data.timeline, range)).toEqual({ first: k, last: k + 2 })

    // The selection is still there: copy the words too.
    await bar.getByRole('button', { name: 'Copy quote' }).click()
    await expect.poll(async () => (await readClipboard(page)).text).toContain(link)
    const { text, html } = await readClipboard(page)
    const lines = data.timeline.lines
    const speakers = [...new Set([k, k + 1, k + 2].map((i) => lines[i]?.speaker))]
    for (const s of speakers) expect(text).toContain(`${s}: “`)
    expect(text).toContain(lines[k + 1]?.text ?? '\u0000')
    expect(text).toContain(`— ${data.meta.title} (`)
    expect(html).toMatch(/^<blockquote><p><strong>/)
    expect(html).toContain(`<a href="${link}">`)
    expect(errors).toEqual([])
  })

  it('marks a quote from the keyboard with [ and ], and copies it', async () => {
    const { page, context, errors } = await open(SEED)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await playerReady(page)
    const data = await episode()
    await page.getByRole('region', { name: 'Transcript' }).locator('li[data-line="2"] > a').focus()
    await page.keyboard.press('[')
    await page.getByRole('region', { name: 'Transcript' }).locator('li[data-line="3"] > a').focus()
    await page.keyboard.press(']')
    const bar = page.getByRole('region', { name: /^Quote/ })
    await expect.poll(() => bar.isVisible()).toBe(true)
    expect(
      await page.locator('li[data-quote]').evaluateAll((els) => els.map((e) => e.getAttribute('data-line'))),
    ).toEqual(['2', '3'])
    await bar.getByRole('button', { name: 'Copy link' }).click()
    const link = await page.evaluate(() => navigator.clipboard.readText())
    const range = parseTimeParam(new URL(link).searchParams.get('t')).range
    expect(range && linesInRange(data.timeline, range)).toEqual({ first: 2, last: 3 })
    // The shortcut sheet lists it.
    await page.keyboard.press('?')
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(await sheet.getByText(/Mark the start or the end of a quote/).isVisible()).toBe(true)
    expect(errors).toEqual([])
  })
})
