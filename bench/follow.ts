/**
 * Following along on a long episode against a normal one, in Chromium, in the
 * same run: a site is built with the generated 4-hour, 5,000-line episode
 * (bench/long-episode.ts) and a normal corpus episode, served by a plain
 * static server, and each page is measured with the fake player's clock:
 *
 * - hydration: navigation to the transcript being interactive (the
 *   `playscript:interactive` mark: hydrated, and its copy buttons added);
 * - total blocking time while loading (long tasks' time over 50 ms, from
 *   navigation until 1 s after interactive);
 * - a click on a line to `aria-current` on it (p95);
 * - 30 s of playback with following on, then 10 s of wheel scrolling over the
 *   transcript while playing: frames per second and long tasks over 100 ms;
 * - the clock passing a line's start to `aria-current` moving (p95).
 */
import { mkdtemp, readdir, rm, writeFile, copyFile, mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { buildSite } from '../scripts/build-site.ts'
import { launchBrowser } from '../tests/e2e/browser.ts'
import { installFakeYoutube } from '../tests/e2e/fake-youtube.ts'
import { highlightDelays, percentile } from '../tests/e2e/measure.ts'
import { serveStatic } from '../tests/e2e/static-server.ts'
import { LONG_EPISODE_SLUG, makeLongEpisode } from './long-episode.ts'

export interface FollowVerdict {
  label: string
  pass: boolean
}

interface Figures {
  lines: number
  hydrationMs: number
  tbtMs: number
  clickP95: number
  playFps: number
  scrollFps: number
  longTasksOver100: number
  worstTaskMs: number
  clockP95: number
}

/** A corpus episode of typical length: the median by size among those with a transcript. */
async function normalEpisode(corpusDir: string): Promise<string> {
  const { stat } = await import('node:fs/promises')
  const names = (await readdir(corpusDir)).filter((n) => n.endsWith('.md') && !n.startsWith('_'))
  const sized = await Promise.all(names.map(async (n) => ({ n, size: (await stat(path.join(corpusDir, n))).size })))
  sized.sort((a, b) => a.size - b.size)
  const mid = sized[Math.floor(sized.length / 2)]
  if (!mid) throw new Error('no corpus episode')
  return mid.n
}

type Win = Window & { __fakeYT: { setTime(t: number): void; play(): void } }

async function measurePage(browser: Browser, url: string): Promise<Figures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'no-preference' })
  const page: Page = await context.newPage()
  await installFakeYoutube(page)
  // tsx (esbuild) names functions with a `__name` helper; functions sent to the page need it too.
  await page.addInitScript({ content: 'window.__name = (f) => f' })
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] }
    w.__longTasks = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  })
  await page.goto(url)
  await page.waitForFunction(() => performance.getEntriesByName('playscript:interactive').length > 0, null, {
    timeout: 120_000,
  })
  await page.waitForFunction(() => !(document.querySelector('.play-toggle') as HTMLButtonElement | null)?.disabled)
  await page.waitForTimeout(1000)
  const load = await page.evaluate(() => {
    const interactive = performance.getEntriesByName('playscript:interactive')[0]?.startTime ?? NaN
    const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks
    const tbt = tasks.filter((t) => t.start < interactive + 1000).reduce((n, t) => n + Math.max(0, t.duration - 50), 0)
    return { interactive, tbt, lines: document.querySelectorAll('.transcript-pane li[data-line]').length }
  })
  const starts: number[] = await page.$$eval('.transcript-pane li[data-line] > a', (links) =>
    links.map((a) => Number(new URL((a as HTMLAnchorElement).href).searchParams.get('t'))),
  )

  // Clicks on lines spread over the episode, to aria-current on the clicked line.
  const clickDelays: number[] = await page.evaluate(async (count) => {
    const items = [...document.querySelectorAll<HTMLElement>('.transcript-pane li[data-line]')]
    const delays: number[] = []
    for (let k = 0; k < count; k++) {
      const li = items[Math.floor(((k * 7919) % count) * (items.length / count))]
      const p = li?.querySelector('p')
      if (!li || !p) continue
      const delay = await new Promise<number>((resolve) => {
        const t0 = performance.now()
        const observer = new MutationObserver(() => {
          if (li.getAttribute('aria-current') === 'true') {
            observer.disconnect()
            resolve(performance.now() - t0)
          }
        })
        observer.observe(li, { attributes: true, attributeFilter: ['aria-current'] })
        p.click()
      })
      delays.push(delay)
      await new Promise((r) => setTimeout(r, 50))
    }
    return delays
  }, 30)

  // 30 s of playback from the start, the clock moving with wall time, then 10 s of wheel
  // scrolling over the transcript while it plays.
  await page.evaluate((t) => {
    const w = window as unknown as Win & { __play: { frames: number; stop: boolean } }
    w.__fakeYT.setTime(t)
    w.__fakeYT.play()
    w.__play = { frames: 0, stop: false }
    const t0 = performance.now()
    const step = () => {
      if (w.__play.stop) return
      w.__play.frames++
      w.__fakeYT.setTime(t + (performance.now() - t0) / 1000)
      requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  }, starts[0] ?? 0)
  const tasksBefore = await page.evaluate(() => performance.now())
  const frames = () => page.evaluate(() => (window as unknown as { __play: { frames: number } }).__play.frames)
  const f0 = await frames()
  const p0 = Date.now()
  await page.waitForTimeout(30_000)
  const f1 = await frames()
  const p1 = Date.now()
  const pane = await page.locator('.transcript-pane').boundingBox()
  if (pane) await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2)
  const s0 = Date.now()
  while (Date.now() - s0 < 10_000) {
    await page.mouse.wheel(0, 120)
    await page.waitForTimeout(40)
  }
  const f2 = await frames()
  const s1 = Date.now()
  const run = await page.evaluate((from) => {
    const w = window as unknown as { __play: { stop: boolean }; __longTasks: { start: number; duration: number }[] }
    w.__play.stop = true
    const tasks = w.__longTasks.filter((t) => t.start >= from)
    return {
      over100: tasks.filter((t) => t.duration > 100).length,
      worst: Math.max(0, ...tasks.map((t) => t.duration)),
    }
  }, tasksBefore)

  // The clock passing line starts (following back on).
  await page
    .getByRole('button', { name: /Back to current line/ })
    .click()
    .catch(() => {})
  const sample = starts.slice(Math.floor(starts.length / 2), Math.floor(starts.length / 2) + 60)
  const clockDelays = await highlightDelays(page, sample)
  await context.close()
  return {
    lines: load.lines,
    hydrationMs: load.interactive,
    tbtMs: load.tbt,
    clickP95: percentile(clickDelays, 95),
    playFps: ((f1 - f0) * 1000) / (p1 - p0),
    scrollFps: ((f2 - f1) * 1000) / (s1 - s0),
    longTasksOver100: run.over100,
    worstTaskMs: run.worst,
    clockP95: percentile(clockDelays, 95),
  }
}

export async function benchFollow(corpusDir: string): Promise<FollowVerdict[]> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'playscript-bench-follow-'))
  const episodes = path.join(work, 'episodes')
  const dist = path.join(work, 'dist')
  await mkdir(episodes)
  const normal = await normalEpisode(corpusDir)
  await copyFile(path.join(corpusDir, normal), path.join(episodes, normal))
  await writeFile(path.join(episodes, `${LONG_EPISODE_SLUG}.md`), makeLongEpisode(corpusDir))
  const browser = await launchBrowser()
  const verdicts: FollowVerdict[] = []
  try {
    await buildSite({ episodesDir: episodes, outDir: dist })
    const server = await serveStatic(dist, '/')
    try {
      const normalSlug = normal.replace(/(\.md)+$/, '')
      const n = await measurePage(browser, `${server.url}/episodes/${normalSlug}/`)
      const l = await measurePage(browser, `${server.url}/episodes/${LONG_EPISODE_SLUG}/`)
      const ms = (v: number) => `${v.toFixed(0)} ms`
      const row = (name: string, a: string, b: string, ratio: string, target: string, pass: boolean) =>
        console.log(
          `  ${name.padEnd(34)} ${a.padStart(10)} ${b.padStart(12)} ${ratio.padStart(8)}   ${target.padEnd(26)} ${pass ? 'PASS' : 'OVER'}`,
        )
      console.log(`  normal: ${normalSlug} (${n.lines} lines); long: ${LONG_EPISODE_SLUG} (${l.lines} lines)`)
      console.log(`  ${''.padEnd(34)} ${'normal'.padStart(10)} ${'long'.padStart(12)} ${'ratio'.padStart(8)}   target`)
      const hydrationRatio = l.hydrationMs / n.hydrationMs
      const checks: [string, string, string, string, string, boolean][] = [
        [
          'hydration (to interactive)',
          ms(n.hydrationMs),
          ms(l.hydrationMs),
          `${hydrationRatio.toFixed(2)}×`,
          'long within 2× of normal',
          hydrationRatio <= 2,
        ],
        ['total blocking time, loading', ms(n.tbtMs), ms(l.tbtMs), '', 'long < 300 ms', l.tbtMs < 300],
        [
          'click a line → aria-current, p95',
          ms(n.clickP95),
          ms(l.clickP95),
          '',
          '< 50 ms on both',
          Math.max(n.clickP95, l.clickP95) < 50,
        ],
        [
          'frames/s, 30 s playing',
          n.playFps.toFixed(0),
          l.playFps.toFixed(0),
          '',
          '≥ 50',
          Math.min(n.playFps, l.playFps) >= 50,
        ],
        [
          'frames/s, 10 s wheel while playing',
          n.scrollFps.toFixed(0),
          l.scrollFps.toFixed(0),
          '',
          '≥ 50',
          Math.min(n.scrollFps, l.scrollFps) >= 50,
        ],
        [
          'long tasks > 100 ms, play + scroll',
          String(n.longTasksOver100),
          String(l.longTasksOver100),
          '',
          '0 (worst task shown)',
          n.longTasksOver100 + l.longTasksOver100 === 0,
        ],
        ['worst task, play + scroll', ms(n.worstTaskMs), ms(l.worstTaskMs), '', '', true],
        [
          'clock passes a start → aria-current, p95',
          ms(n.clockP95),
          ms(l.clockP95),
          '',
          '< 50 ms on both',
          Math.max(n.clockP95, l.clockP95) < 50,
        ],
      ]
      for (const c of checks) row(...c)
      for (const [name, a, b, ratio, target, pass] of checks)
        if (target)
          verdicts.push({
            label: `follow-along, ${name}: normal ${a}, long ${b}${ratio ? ` (${ratio})` : ''} (target ${target})`,
            pass,
          })
    } finally {
      await server.close()
    }
  } finally {
    await browser.close()
    await rm(work, { recursive: true, force: true })
  }
  return verdicts
}
