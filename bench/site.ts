/**
 * The static site built from the whole corpus, as `npm run build` makes it,
 * under the prefix `/playscript/` and served by a plain static file server,
 * then measured in headless Chromium:
 *
 * - build wall time (client build, server build, prerender) and the size of `dist/`;
 * - each episode page's HTML against its text (target: about 3× at most);
 * - JavaScript a page downloads before any click (gzip, target < 90 kB) and
 *   first / largest contentful paint (target LCP < 1 s), home and longest episode;
 * - on the longest episode, with the fake player's clock: React commits while
 *   the clock moves within a line (target 0), lines re-rendered per line change
 *   (target ≤ 2), and the delay from the clock passing a line's start to
 *   `aria-current` moving (target < 50 ms).
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { SEARCH_DATA_DIR } from '../src/lib/site/files.ts'
import { buildSite } from '../scripts/build-site.ts'
import { loadEpisodeDir } from '../src/pipeline/load.ts'
import { launchBrowser } from '../tests/e2e/browser.ts'
import { installFakeYoutube } from '../tests/e2e/fake-youtube.ts'
import { highlightDelays, initialJavaScript, paintTimings, percentile } from '../tests/e2e/measure.ts'
import { installReactProbe, probe } from '../tests/e2e/react-probe.ts'
import { serveStatic } from '../tests/e2e/static-server.ts'

export interface SiteVerdict {
  label: string
  pass: boolean
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`

async function dirSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0
  let files = 0
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue
    bytes += (await stat(path.join(e.parentPath, e.name))).size
    files++
  }
  return { bytes, files }
}

export async function benchSite(corpusDir: string): Promise<SiteVerdict[]> {
  const verdicts: SiteVerdict[] = []
  const work = await mkdtemp(path.join(os.tmpdir(), 'playscript-bench-site-'))
  const dist = path.join(work, 'dist')
  const browser = await launchBrowser()
  try {
    const started = performance.now()
    // Under a prefix, served below by a plain static server: as on GitHub Pages.
    await buildSite({ episodesDir: corpusDir, outDir: dist, basePath: '/playscript/' })
    const buildMs = performance.now() - started
    const size = await dirSize(dist)
    console.log(
      `  build (client + server + prerender)   ${(buildMs / 1000).toFixed(1)} s   target < 30 s   ${buildMs < 30_000 ? 'PASS' : 'OVER'}`,
    )
    console.log(
      `  dist/                                 ${(size.bytes / 1024 / 1024).toFixed(2)} MB in ${size.files} files`,
    )
    verdicts.push({
      label: `full static build of the corpus: ${(buildMs / 1000).toFixed(1)} s (target < 30 s)`,
      pass: buildMs < 30_000,
    })

    // Each episode page's HTML against its text: transcript, chapters, title, description, intro and body.
    const { episodes } = await loadEpisodeDir(corpusDir)
    const ratios: { slug: string; ratio: number; html: number }[] = []
    for (const e of episodes) {
      const text =
        e.timeline.lines.reduce((n, l) => n + l.text.length + (l.speaker?.length ?? 0), 0) +
        e.timeline.chapters.reduce((n, c) => n + c.title.length, 0) +
        e.meta.title.length +
        (e.meta.description?.length ?? 0) +
        (e.intro?.length ?? 0) +
        e.bodyHtml.replace(/<[^>]*>/g, '').length
      if (text < 2000) continue // video-only or nearly empty: the page shell dominates
      const html = (await readFile(path.join(dist, 'episodes', e.meta.slug, 'index.html'))).length
      ratios.push({ slug: e.meta.slug, ratio: html / text, html })
    }
    ratios.sort((a, b) => a.ratio - b.ratio)
    const worst = ratios[ratios.length - 1]
    const median = ratios[Math.floor(ratios.length / 2)]
    const over = ratios.filter((r) => r.ratio > 3).length
    console.log(
      `  episode HTML / its text               median ${median?.ratio.toFixed(2)}×, worst ${worst?.ratio.toFixed(2)}× (${worst?.slug}); ${over} of ${ratios.length} pages over 3×   target ≤ ~3×   ${(worst?.ratio ?? 9) <= 3 ? 'PASS' : 'OVER'}`,
    )
    verdicts.push({
      label: `episode HTML vs text: median ${median?.ratio.toFixed(2)}×, worst ${worst?.ratio.toFixed(2)}×, ${over} of ${ratios.length} over 3× (target about 3×)`,
      pass: (worst?.ratio ?? 9) <= 3,
    })

    const longest = [...episodes].sort((a, b) => b.meta.lineCount - a.meta.lineCount)[0]
    if (!longest) throw new Error('no episode loaded')
    const server = await serveStatic(dist, '/playscript/')
    try {
      for (const [name, p] of [
        ['home page', '/'],
        [`longest episode (${longest.meta.lineCount} lines)`, `/episodes/${longest.meta.slug}/`],
      ] as const) {
        const jsRuns: number[] = []
        const fcp: number[] = []
        const lcp: number[] = []
        for (let run = 0; run < 5; run++) {
          const context = await browser.newContext({ viewport: { width: 1366, height: 860 } })
          const page = await context.newPage()
          await installFakeYoutube(page)
          const js = await initialJavaScript(page, server.url + p)
          const paints = await paintTimings(page)
          jsRuns.push(js.gzipBytes)
          if (paints.fcpMs !== null) fcp.push(paints.fcpMs)
          if (paints.lcpMs !== null) lcp.push(paints.lcpMs)
          await context.close()
        }
        const js = Math.max(...jsRuns)
        const lcpMedian = percentile(lcp, 50)
        console.log(
          `  ${name.padEnd(36)}  JS ${kB(js)} gzip (< 90 kB ${js < 90 * 1024 ? 'PASS' : 'OVER'})   FCP ${percentile(fcp, 50).toFixed(0)} ms   LCP ${lcpMedian.toFixed(0)} ms (< 1000 ms ${lcpMedian < 1000 ? 'PASS' : 'OVER'}), medians of 5`,
        )
        verdicts.push({ label: `${name}: initial JavaScript ${kB(js)} gzip (target < 90 kB)`, pass: js < 90 * 1024 })
        verdicts.push({ label: `${name}: LCP ${lcpMedian.toFixed(0)} ms (target < 1000 ms)`, pass: lcpMedian < 1000 })
      }

      // Sync on the longest episode.
      const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, reducedMotion: 'reduce' })
      const page = await context.newPage()
      await installFakeYoutube(page)
      await installReactProbe(page)
      // tsx (esbuild) names functions with a `__name` helper; functions sent to the page need it too.
      await page.addInitScript({ content: 'window.__name = (f) => f' })
      await page.goto(`${server.url}/episodes/${longest.meta.slug}/`)
      await page.getByRole('region', { name: 'Player' }).getByRole('button', { name: 'Play' }).waitFor()
      await page.waitForFunction(() => !(document.querySelector('.play-toggle') as HTMLButtonElement | null)?.disabled)
      const starts: number[] = await page.$$eval('.transcript-pane li[data-line] > a', (links) =>
        links.map((a) => Number(new URL((a as HTMLAnchorElement).href).searchParams.get('t'))),
      )
      await page.evaluate(() => (window as unknown as { __fakeYT: { play(): void } }).__fakeYT.play())
      // 1. Playing through one line for 2 s of wall time, the clock moving every frame.
      // Share times are starts rounded up (to whole seconds where possible): the next line may
      // start up to a second before its share time, so the run stops a second short of it.
      const a = starts[120] ?? 0
      const b = Math.max(a + 0.5, (starts[121] ?? a + 10) - 1)
      await page.evaluate(
        (t) => (window as unknown as { __fakeYT: { setTime(t: number): void } }).__fakeYT.setTime(t),
        a,
      )
      await page.waitForSelector('.transcript-pane li[data-line="120"][aria-current="true"]')
      await page.waitForTimeout(100)
      await probe.reset(page)
      await page.evaluate(
        ([from, to]) =>
          new Promise<void>((resolve) => {
            const fake = (window as unknown as { __fakeYT: { setTime(t: number): void } }).__fakeYT
            const t0 = performance.now()
            const step = () => {
              const k = (performance.now() - t0) / 2000
              if (k >= 1) return resolve()
              fake.setTime(from + (to - from) * k)
              requestAnimationFrame(step)
            }
            requestAnimationFrame(step)
          }),
        [a, b] as const,
      )
      const within = await probe.read(page)
      console.log(
        `  commits while the line does not change ${(within.commits / 2).toFixed(1)} per second of playback   target 0   ${within.commits === 0 ? 'PASS' : 'OVER'}`,
      )
      verdicts.push({
        label: `React commits per second while the line does not change: ${within.commits / 2} (target 0)`,
        pass: within.commits === 0,
      })
      // 2. Line changes: renders per change, and the delay to aria-current.
      await probe.reset(page)
      const sample = starts.slice(10, 110)
      const delays = await highlightDelays(page, sample)
      const changes = await probe.read(page)
      const perChange = Math.max(...changes.perCommit)
      console.log(
        `  lines re-rendered per line change      at most ${perChange} (${changes.lineRenders} over ${sample.length} changes, ${changes.commits} commits)   target ≤ 2   ${perChange <= 2 ? 'PASS' : 'OVER'}`,
      )
      console.log(
        `  clock passes a start → aria-current    median ${percentile(delays, 50).toFixed(1)} ms, p95 ${percentile(delays, 95).toFixed(1)} ms, max ${Math.max(...delays).toFixed(1)} ms over ${delays.length}   target < 50 ms   ${percentile(delays, 95) < 50 ? 'PASS' : 'OVER'}`,
      )
      verdicts.push({
        label: `lines re-rendered per line change: at most ${perChange} (target ≤ 2)`,
        pass: perChange <= 2,
      })
      verdicts.push({
        label: `highlight delay p95 ${percentile(delays, 95).toFixed(1)} ms (target < 50 ms)`,
        pass: percentile(delays, 95) < 50,
      })
      await context.close()

      // The cross-episode search data: every chunk (a query fetches a few of them).
      const searchDir = path.join(dist, SEARCH_DATA_DIR)
      const chunks = await readdir(searchDir).catch(() => [] as string[])
      let raw = 0
      let gz = 0
      let meta = 0
      for (const f of chunks) {
        const body = await readFile(path.join(searchDir, f))
        raw += body.length
        const g = gzipSync(body).length
        gz += g
        if (f.startsWith('meta.')) meta = g
      }
      console.log(
        `  search data for the corpus             ${(raw / 1024 / 1024).toFixed(2)} MB, gzip ${(gz / 1024 / 1024).toFixed(2)} MB in ${chunks.length} chunks (meta file ${(meta / 1024).toFixed(1)} kB gzip)`,
      )
    } finally {
      await server.close()
    }
  } finally {
    await browser.close()
    await rm(work, { recursive: true, force: true })
  }
  return verdicts
}
