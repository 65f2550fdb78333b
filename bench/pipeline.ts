/**
 * Pipeline benchmark: the build-time work for a folder of episode files, i.e.
 * read + parse (front matter, YAML) + validate + timeline (+ the Markdown body),
 * exactly as `loadEpisodeDir` does it for the Vite plugin.
 *
 *   npx tsx bench/pipeline.ts [dir]     (default: PLAYSCRIPT_CORPUS or ../shared/corpus)
 *
 * Figures are medians of several runs after a warm-up. The shares are timed
 * separately over the same files: reading alone, the whole in-memory pipeline
 * (`parseEpisodeFile` on texts already read), and the YAML parse alone.
 */
import { YamlSource } from '../src/pipeline/yaml-source.ts'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { splitFrontMatter } from '../src/pipeline/frontmatter.ts'
import { isEpisodeFile, loadEpisodeDir } from '../src/pipeline/load.ts'
import { parseEpisodeFile } from '../src/pipeline/parse-episode.ts'
import { CORPUS_DIR } from '../tests/unit/corpus-dir.ts'

/** Whole corpus through the pipeline. */
export const PIPELINE_TARGET_MS = 1000

export interface PipelineBench {
  dir: string
  files: number
  loaded: number
  lines: number
  headers: number
  bytes: number
  runs: number
  /** Median wall time of `loadEpisodeDir` (read + parse + validate + timeline + Markdown). */
  totalMs: number
  perFileMs: number
  /** Median time to read every file. */
  readMs: number
  /** Median time of `parseEpisodeFile` over texts already in memory. */
  parseMs: number
  /** Median time of the YAML parse (`YamlSource.load`: js-yaml, or `yaml` where needed) alone. */
  yamlMs: number
  pass: boolean
}

export interface PipelineBenchOptions {
  /** Timed runs after one warm-up run (default 5). */
  runs?: number
}

interface Timing {
  median: number
  best: number
}

/**
 * Runs every step once to warm up (JIT, file cache), then `runs` rounds of
 * all steps, interleaved so that noise from other processes spreads evenly.
 */
async function timeRounds<K extends string>(
  runs: number,
  steps: Record<K, () => Promise<void> | void>,
): Promise<Record<K, Timing>> {
  const keys = Object.keys(steps) as K[]
  const times = new Map<K, number[]>(keys.map((k) => [k, []]))
  for (const k of keys) await steps[k]()
  for (let i = 0; i < runs; i++) {
    for (const k of keys) {
      const t = performance.now()
      await steps[k]()
      times.get(k)?.push(performance.now() - t)
    }
  }
  const out = {} as Record<K, Timing>
  for (const k of keys) {
    const list = (times.get(k) ?? []).sort((a, b) => a - b)
    out[k] = { median: list[Math.floor(list.length / 2)] ?? NaN, best: list[0] ?? NaN }
  }
  return out
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1))
const pct = (part: number, whole: number): string => `${Math.round((100 * part) / whole)}%`

/** Times the pipeline over `dir`, prints a labelled report, and returns the figures. */
export async function benchPipeline(dir: string, options: PipelineBenchOptions = {}): Promise<PipelineBench> {
  const runs = Math.max(1, options.runs ?? 5)
  const abs = path.resolve(dir)
  const names = (await readdir(abs)).filter(isEpisodeFile).sort()
  const full = names.map((n) => path.join(abs, n))
  const texts = await Promise.all(full.map((f) => readFile(f, 'utf8')))

  const loaded = await loadEpisodeDir(abs)
  const lines = loaded.episodes.reduce((n, e) => n + e.timeline.lines.length, 0)
  const headers = loaded.episodes.reduce((n, e) => n + e.timeline.chapters.length, 0)
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0)

  const t = await timeRounds(runs, {
    total: async () => {
      await loadEpisodeDir(abs)
    },
    read: async () => {
      for (const f of full) await readFile(f, 'utf8')
    },
    parse: () => {
      names.forEach((n, i) => parseEpisodeFile(n, texts[i] ?? ''))
    },
    yaml: () => {
      for (const text of texts) {
        const split = splitFrontMatter(text)
        if (!split.ok) continue
        new YamlSource(split.value.yaml, split.value.yamlLine).load()
      }
    },
  })
  const totalMs = t.total.median
  const readMs = t.read.median
  const parseMs = t.parse.median
  const yamlMs = t.yaml.median

  const result: PipelineBench = {
    dir: abs,
    files: names.length,
    loaded: loaded.episodes.length,
    lines,
    headers,
    bytes,
    runs,
    totalMs,
    perFileMs: totalMs / Math.max(1, names.length),
    readMs,
    parseMs,
    yamlMs,
    pass: totalMs < PIPELINE_TARGET_MS,
  }

  // Shares from the best runs: on a busy machine medians of separate steps drift apart.
  const share = (x: Timing): string => `   ${pct(x.best, t.total.best)} of the best whole run`
  const rest = t.parse.best - t.yaml.best
  const row = (label: string, x: Timing, note = ''): string =>
    `  ${label.padEnd(36)} ${ms(x.median).padStart(6)} ms  (best ${ms(x.best)} ms)${note}`
  console.log(`Pipeline: read + parse + validate + timeline (loadEpisodeDir), median of ${runs} runs after a warm-up`)
  console.log(
    `  ${abs}: ${names.length} files (${(bytes / 1024 / 1024).toFixed(1)} MB), ${loaded.episodes.length} loaded, ${lines} lines, ${headers} headers`,
  )
  console.log(row('whole corpus', t.total, `   target < ${PIPELINE_TARGET_MS} ms   ${result.pass ? 'PASS' : 'OVER'}`))
  console.log(`  ${'per file'.padEnd(36)} ${result.perFileMs.toFixed(2).padStart(6)} ms`)
  console.log('  shares, timed separately over the same files:')
  console.log(row('  read the files', t.read, share(t.read)))
  console.log(row('  parseEpisodeFile, texts in memory', t.parse, share(t.parse)))
  console.log(row('    of which the YAML parse', t.yaml, share(t.yaml)))
  console.log(
    `  ${'    the rest: validate, timeline, Md'.padEnd(36)} ${rest > 0 ? `${ms(rest).padStart(6)} ms   (best parse − best YAML)` : '  within noise'}`,
  )
  return result
}

const main = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (main) {
  benchPipeline(process.argv[2] ?? CORPUS_DIR).catch((err: unknown) => {
    console.error(err)
    process.exitCode = 1
  })
}
