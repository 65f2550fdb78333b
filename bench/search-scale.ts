/**
 * The search across episodes at 1× (the real corpus) and 10× (`bench/corpus-10x.ts`), in
 * one run: both sites built as `npm run build` builds them (the 10× build timed), served by a
 * local static server, and searched in Chromium from a fresh page per query:
 *
 * - bytes fetched (gzip) for a first query, worker and search data included: to its whole
 *   first page of results, and in all (the rest of the hits' lines); median and max over the queries;
 * - a later query on the same page: its bytes;
 * - last keystroke → first results on screen (ms; the first lines of the page show as soon as
 *   their texts are in), median and p95; and → the whole first page;
 * - engine time per query (Node, every chunk in memory, after one warm-up run): p95;
 * - the worker's memory in Chromium once the query set has run on one page (`worker-memory.ts`:
 *   its JavaScript heap and its array buffers, after a garbage collection).
 *
 *   npx tsx bench/search-scale.ts [corpusDir]
 */
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildSite } from '../scripts/build-site.ts'
import { openChunkedSearch } from '../src/lib/search/chunked-search.ts'
import { PAGE_LINES } from '../src/lib/search/listed-hits.ts'
import type { SearchMeta } from '../src/lib/search/chunks.ts'
import { SEARCH_DATA_DIR } from '../src/lib/site/files.ts'
import { launchBrowser } from '../tests/e2e/browser.ts'
import { measureQuery, type QueryCost } from '../tests/e2e/search-bytes.ts'
import { serveStatic } from '../tests/e2e/static-server.ts'
import { CORPUS_DIR } from '../tests/unit/corpus-dir.ts'
import { QUALITY_QUERIES } from '../tests/unit/search-queries.ts'
import { generateCorpus } from './corpus-10x.ts'
import { measureWorkerMemory, type WorkerMemory } from './worker-memory.ts'

export const SCALE_TARGETS = {
  firstBytes1x: 400 * 1024,
  firstBytes10x: 800 * 1024,
  laterBytes: 150 * 1024,
  firstResultsMs1x: 300,
  firstResultsMs10x: 500,
  engineP95Ms1x: 16,
  engineP95Ms10x: 50,
  memory10x: 40 * 1024 * 1024,
  build10xMs: 5 * 60 * 1000,
} as const

/** At least 20 queries: common words, typos, phrases, names, prefixes, and listener-style ones. */
export const SCALE_QUERIES: readonly string[] = [
  'data',
  'kube',
  'terrafrom',
  'open source',
  'machine learning engineer',
  'python',
  'career change',
  'feature store',
  ...QUALITY_QUERIES.filter((_, i) => i % 3 === 0).map((q) => q.q),
]

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN
}

function kb(n: number): string {
  return `${(n / 1024).toFixed(1)} kB`
}

/** Engine time and memory over a built site's chunks, in Node. */
async function engineFigures(dist: string, queries: readonly string[]): Promise<{ p95: number; heap: number }> {
  const dir = path.join(dist, SEARCH_DATA_DIR)
  const files = new Map<string, string>()
  for (const name of await readdir(dir)) files.set(name, await readFile(path.join(dir, name), 'utf8'))
  const metaName = [...files.keys()].find((n) => n.startsWith('meta.'))
  if (!metaName) throw new Error(`no meta file in ${dir}`)
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const before = process.memoryUsage().heapUsed
  const search = openChunkedSearch(JSON.parse(files.get(metaName) ?? '') as SearchMeta, (name) =>
    Promise.resolve(JSON.parse(files.get(name) ?? 'null') as unknown),
  )
  for (const q of queries) await search.search(q, { shown: PAGE_LINES })
  gc?.()
  const heap = process.memoryUsage().heapUsed - before
  const times: number[] = []
  for (let run = 0; run < 5; run++) {
    for (const q of queries) {
      const t = performance.now()
      await search.search(q, { shown: PAGE_LINES })
      times.push(performance.now() - t)
    }
  }
  return { p95: quantile(times, 0.95), heap }
}

interface Scale {
  label: string
  dist: string
  costs: QueryCost[]
  engine: { p95: number; heap: number }
  memory?: WorkerMemory
}

export async function runScaleBench(corpusDir: string): Promise<string[]> {
  const lines: string[] = []
  // Printed as it goes too (to stderr): a long run that fails still shows how far it got.
  const out = {
    push(...more: string[]): void {
      for (const line of more) console.error(`[search-scale] ${line}`)
      lines.push(...more)
    },
  }
  const load = (): string =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')
  out.push(`Search at 1× and 10×: load average at start ${load()}`)
  const work = await mkdtemp(path.join(tmpdir(), 'playscript-search-scale-'))
  try {
    let t = performance.now()
    const big = path.join(work, 'corpus-10x')
    const generated = await generateCorpus(corpusDir, big)
    out.push(
      `10× corpus: ${generated.files} files, ${generated.lines} transcript items, generated in ${((performance.now() - t) / 1000) | 0} s`,
    )
    const scales: Scale[] = []
    for (const [label, dir] of [
      ['1×', corpusDir],
      ['10×', big],
    ] as const) {
      const dist = path.join(work, `dist-${label === '1×' ? '1x' : '10x'}`)
      t = performance.now()
      await buildSite({ episodesDir: dir, outDir: dist })
      const buildMs = performance.now() - t
      out.push(`${label}: full build ${(buildMs / 1000).toFixed(0)} s`)
      if (label === '10×')
        out.push(
          `10× full build  ${(buildMs / 1000).toFixed(0)} s  < ${SCALE_TARGETS.build10xMs / 1000} s  ${buildMs < SCALE_TARGETS.build10xMs ? 'PASS' : 'FAIL'}`,
        )
      scales.push({ label, dist, costs: [], engine: await engineFigures(dist, SCALE_QUERIES) })
    }
    const browser = await launchBrowser()
    try {
      for (const scale of scales) {
        const server = await serveStatic(scale.dist, '/')
        try {
          for (let i = 0; i < SCALE_QUERIES.length; i++) {
            const q = SCALE_QUERIES[i] ?? ''
            const later = SCALE_QUERIES[(i + 1) % SCALE_QUERIES.length]
            scale.costs.push(await measureQuery(browser, `${server.url}/`, q, later))
          }
          scale.memory = await measureWorkerMemory(browser, `${server.url}/`, SCALE_QUERIES)
        } finally {
          await server.close()
        }
      }
    } finally {
      await browser.close()
    }
    out.push('')
    out.push(
      'scale  first page (gzip) median / max   in all median   later query median   keystroke→results median / p95   keystroke→whole first page median / p95   engine p95   worker heap + buffers',
    )
    const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`
    for (const s of scales) {
      const first = s.costs.map((c) => c.firstBytes)
      const all = s.costs.map((c) => c.allBytes)
      const later = s.costs.map((c) => c.later?.bytes ?? 0)
      const ms = s.costs.map((c) => c.ms)
      const pageMs = s.costs.map((c) => c.pageMs)
      const memory = s.memory ? `${mb(s.memory.heap)} + ${mb(s.memory.buffers)}` : '?'
      out.push(
        `${s.label.padEnd(5)}  ${kb(quantile(first, 0.5))} / ${kb(Math.max(...first))}   ${kb(quantile(all, 0.5))}   ${kb(quantile(later, 0.5))}   ${quantile(ms, 0.5)} / ${quantile(ms, 0.95)} ms   ${quantile(pageMs, 0.5)} / ${quantile(pageMs, 0.95)} ms   ${s.engine.p95.toFixed(1)} ms   ${memory}`,
      )
    }
    const [one, ten] = scales
    if (one && ten) {
      const median = (sc: Scale, f: (c: QueryCost) => number): number => quantile(sc.costs.map(f), 0.5)
      const check = (what: string, value: number, limit: number, unit: (n: number) => string): void =>
        // Columns two spaces apart, as `npm run bench` reads a verdict into its summary.
        void out.push(`${what}  ${unit(value)}  < ${unit(limit)}  ${value < limit ? 'PASS' : 'FAIL'}`)
      check(
        '1× first query median',
        median(one, (c) => c.firstBytes),
        SCALE_TARGETS.firstBytes1x,
        kb,
      )
      check(
        '10× first query median',
        median(ten, (c) => c.firstBytes),
        SCALE_TARGETS.firstBytes10x,
        kb,
      )
      for (const sc of scales)
        check(
          `${sc.label} later query median`,
          median(sc, (c) => c.later?.bytes ?? 0),
          SCALE_TARGETS.laterBytes,
          kb,
        )
      const msOf = (n: number): string => `${n.toFixed(0)} ms`
      check(
        '1× keystroke→results median',
        median(one, (c) => c.ms),
        SCALE_TARGETS.firstResultsMs1x,
        msOf,
      )
      check(
        '10× keystroke→results median',
        median(ten, (c) => c.ms),
        SCALE_TARGETS.firstResultsMs10x,
        msOf,
      )
      check('1× engine p95', one.engine.p95, SCALE_TARGETS.engineP95Ms1x, msOf)
      check('10× engine p95', ten.engine.p95, SCALE_TARGETS.engineP95Ms10x, msOf)
      if (ten.memory) check('10× worker memory', ten.memory.heap + ten.memory.buffers, SCALE_TARGETS.memory10x, mb)
    }
    out.push('per query (1×, then 10×): first-page kB, all kB, ms to first results, ms to the whole first page')
    for (let i = 0; i < SCALE_QUERIES.length; i++) {
      const cells = scales.map((s) => {
        const c = s.costs[i]
        return c ? `${kb(c.firstBytes)} ${kb(c.allBytes)} ${c.ms} ms ${c.pageMs} ms` : ''
      })
      out.push(`  ${(SCALE_QUERIES[i] ?? '').padEnd(34)} ${cells.join('   |   ')}`)
    }
    out.push(`load average at the end ${load()} (other work on the machine inflates every time)`)
    return lines
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

const main = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (main) {
  runScaleBench(path.resolve(process.argv[2] ?? CORPUS_DIR)).then(
    (lines) => console.log(lines.join('\n')),
    (err: unknown) => {
      console.error(err)
      process.exitCode = 1
    },
  )
}
