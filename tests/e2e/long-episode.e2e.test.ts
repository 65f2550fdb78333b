import { describe, expect, inject, it } from 'vitest'
import { activeLineText, fake, open, playerReady, withBrowser } from './harness.ts'
import { probe } from './react-probe.ts'

withBrowser()

const slug = inject('longestSlug')
if (!slug) console.warn('\n!!! No corpus: the longest-episode end-to-end tests are skipped (set PLAYSCRIPT_CORPUS).\n')

interface LineInfo {
  start: number
  text: string
}

describe.skipIf(!slug)('the longest corpus episode', () => {
  async function openLongest() {
    const opened = await open(`/episodes/${slug}`, { probe: true })
    await playerReady(opened.page)
    // Each line's share link carries a time that selects exactly that line.
    const lines: LineInfo[] = await opened.page.$$eval('.transcript-pane li[data-line]', (items) =>
      items.map((li) => ({
        start: Number(new URL((li.querySelector(':scope > a') as HTMLAnchorElement).href).searchParams.get('t')),
        text: li.querySelector(':scope > p')?.textContent ?? '',
      })),
    )
    return { ...opened, lines }
  }

  it('loads every line, and follows the clock to the last one', async () => {
    const { page, lines, errors } = await openLongest()
    expect(lines.length).toBeGreaterThan(250)
    await fake(page).play()
    const last = lines[lines.length - 1] as LineInfo
    await fake(page).setTime(last.start)
    await expect.poll(() => activeLineText(page)).toBe(last.text)
    expect(errors).toEqual([])
  })

  it('commits nothing while the clock moves within one line', async () => {
    const { page, lines } = await openLongest()
    const [a, b] = [lines[100] as LineInfo, lines[101] as LineInfo]
    await fake(page).play()
    await fake(page).setTime(a.start)
    await expect.poll(() => activeLineText(page)).toBe(a.text)
    // Counted from a quiet page: what the jump to line a set off (scrolling it into view, on a
    // loaded machine after the line shows as current) is not a move within the line.
    await probe.reset(page)
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(100)
      if ((await probe.read(page)).commits === 0) break
      await probe.reset(page)
    }
    const steps = 20
    for (let i = 1; i < steps; i++) {
      await fake(page).setTime(a.start + ((b.start - a.start) * i) / steps)
      await page.waitForTimeout(25)
    }
    expect((await probe.read(page)).commits).toBe(0)
    // The probe does see commits: crossing into the next line makes one.
    await fake(page).setTime(b.start)
    await expect.poll(() => activeLineText(page)).toBe(b.text)
    expect((await probe.read(page)).commits).toBeGreaterThanOrEqual(1)
  })

  it('re-renders at most two lines per line change', async () => {
    const { page, lines } = await openLongest()
    await fake(page).play()
    await fake(page).setTime((lines[10] as LineInfo).start)
    await expect.poll(() => activeLineText(page)).toBe((lines[10] as LineInfo).text)
    await probe.reset(page)
    for (let i = 11; i < 41; i++) {
      const line = lines[i] as LineInfo
      await fake(page).setTime(line.start)
      await expect.poll(() => activeLineText(page)).toBe(line.text)
    }
    const reading = await probe.read(page)
    expect(reading.commits).toBeGreaterThanOrEqual(30)
    console.log(
      `line changes: 30, commits: ${reading.commits}, line renders: ${reading.lineRenders}, most in one commit: ${Math.max(...reading.perCommit)}`,
    )
    // Each change re-renders the line that stops being current and the one that becomes current.
    expect(reading.lineRenders).toBeGreaterThanOrEqual(2 * 30)
    expect(Math.max(...reading.perCommit)).toBeLessThanOrEqual(2)
  })
})
