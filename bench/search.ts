/**
 * Search benchmark over the real corpus: the engine in `src/lib/search` against naive
 * fuse.js on the same queries, in one run, for the longest episode and the whole corpus.
 *
 *   npx tsx bench/search.ts [corpusDir]      (default: PLAYSCRIPT_CORPUS or ../shared/corpus)
 *
 * `runSearchBench(dir)` returns the report as lines, for `npm run bench`.
 */
import Fuse from 'fuse.js'
import { cpus, loadavg } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { EpisodeData } from '../src/lib/episode/types.ts'
import { buildCorpusIndex, loadCorpusIndex, type CorpusIndexData } from '../src/lib/search/corpus-search.ts'
import { buildTextIndex } from '../src/lib/search/text-index.ts'
import { createEpisodeSearch } from '../src/lib/search/episode-search.ts'
import { tokenize } from '../src/lib/search/normalize.ts'
import { loadEpisodeDir } from '../src/pipeline/load.ts'
import { CORPUS_DIR } from '../tests/unit/corpus-dir.ts'
import { runQualityBench } from './search-quality.ts'

export const TARGETS = {
  episodeP95Ms: 3,
  corpusP95Ms: 16,
  corpusGzipBytes: 3 * 1024 * 1024,
} as const

export interface SearchBenchOptions {
  /** Timed runs per query for our engine (after warm-up). */
  runs?: number
  /** Timed runs per query for naive fuse.js on the episode / on the whole corpus (it is slow). */
  fuseEpisodeRuns?: number
  fuseCorpusRuns?: number
}

interface Stats {
  median: number
  p95: number
  count: number
}

function time(runs: number, warmup: number, fn: () => number): Stats {
  let count = 0
  for (let i = 0; i < warmup; i++) count = fn()
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    count = fn()
    ms.push(performance.now() - t)
  }
  ms.sort((a, b) => a - b)
  const at = (q: number): number => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)] ?? NaN
  return { median: at(0.5), p95: at(0.95), count }
}

function ms(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)
}

function bytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} kB`
}

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)]
}

/** A 30-character piece of a line from the middle of the episode, starting at a word. */
function phraseFrom(episode: EpisodeData): string {
  const lines = episode.timeline.lines
  for (let i = Math.floor(lines.length / 2); i < lines.length; i++) {
    const text = lines[i]?.text ?? ''
    for (const t of tokenize(text)) {
      const piece = text.slice(t.start, t.start + 30)
      if (piece.length === 30 && !/["“”„«»]/.test(piece)) return piece
    }
  }
  return 'machine learning engineer role'
}

export async function runSearchBench(corpusDir: string, options: SearchBenchOptions = {}): Promise<string[]> {
  const runs = Math.max(30, options.runs ?? 100)
  const fuseEpisodeRuns = options.fuseEpisodeRuns ?? 30
  const fuseCorpusRuns = options.fuseCorpusRuns ?? 3
  const out: string[] = []
  const dir = path.resolve(corpusDir)
  const { episodes: loaded } = await loadEpisodeDir(dir)
  const episodes = loaded.filter((e) => e.timeline.lines.length > 0)
  const lineCount = episodes.reduce((n, e) => n + e.timeline.lines.length, 0)
  const textBytes = episodes.reduce(
    (n, e) => n + e.timeline.lines.reduce((m, l) => m + Buffer.byteLength(l.text), 0),
    0,
  )
  const longest = episodes.reduce((a, b) => (b.timeline.lines.length > a.timeline.lines.length ? b : a))
  const phrase = phraseFrom(longest)
  // The queries, then two that the longest episode is about (it never says most of the above).
  const queries = [
    'terraform',
    'airflow',
    'data ops',
    'machine learning engineer',
    'kubernets',
    'psycopg',
    'a',
    phrase,
    'open source',
    'demo',
  ]

  out.push(
    `Search bench: ${episodes.length} episodes with a transcript, ${lineCount} lines, ${bytes(textBytes)} of line text (${dir})`,
  )
  const load = (): string =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')
  out.push(
    `Node ${process.version}, ${cpus().length} CPUs, load average at start ${load()}; ${runs} timed runs per query after warm-up; naive fuse.js: ${fuseEpisodeRuns} runs on the episode, ${fuseCorpusRuns} on the corpus`,
  )
  out.push(`Phrase query (30 characters of a real line, unquoted): "${phrase}"`)
  out.push('')
  out.push(...(await runQualityBench(dir)))
  out.push('')

  // --- Index data: build, size, load ------------------------------------------------
  let t = performance.now()
  const data = buildCorpusIndex(
    episodes.map((e) => ({ slug: e.meta.slug, title: e.meta.title, lines: e.timeline.lines })),
  )
  const buildMs = performance.now() - t
  const json = JSON.stringify(data)
  const raw = Buffer.byteLength(json)
  const gz = gzipSync(json, { level: 9 }).length
  const loads: number[] = []
  let corpus = loadCorpusIndex(JSON.parse(json) as CorpusIndexData)
  for (let i = 0; i < 5; i++) {
    t = performance.now()
    corpus = loadCorpusIndex(JSON.parse(json) as CorpusIndexData)
    loads.push(performance.now() - t)
  }
  loads.sort((a, b) => a - b)
  const parses: number[] = []
  for (let i = 0; i < 5; i++) {
    t = performance.now()
    JSON.parse(json)
    parses.push(performance.now() - t)
  }
  parses.sort((a, b) => a - b)
  const loadMs = loads[2] ?? NaN
  const parseMs = parses[2] ?? NaN

  t = performance.now()
  const episodeSearch = createEpisodeSearch(longest.timeline.lines, longest.timeline.chapters)
  const episodeBuildMs = performance.now() - t

  // --- Our engine first, then the baselines (their garbage would skew our tails) -----
  const ours = queries.map((q) => ({
    episode: time(runs, 10, () => episodeSearch.search(q).lines.length),
    corpus: time(runs, 10, () => corpus.search(q).total),
  }))
  const episodeFuse = new Fuse(
    longest.timeline.lines.map((l) => ({ line: l.text })),
    { keys: ['line'], ignoreLocation: true, threshold: 0.3 },
  )
  const corpusFuse = new Fuse(
    data.text.map((line) => ({ line })),
    { keys: ['line'], ignoreLocation: true, threshold: 0.3 },
  )
  const fuse = queries.map((q) => ({
    episode: time(fuseEpisodeRuns, 3, () => episodeFuse.search(q).length),
    corpus: time(fuseCorpusRuns, 0, () => corpusFuse.search(q).length),
  }))

  const rows = queries.map((q, i) => {
    const o = ours[i]
    const f = fuse[i]
    const label = q.length > 28 ? `${q.slice(0, 27)}…` : q
    return [
      label,
      ms(o?.episode.median ?? NaN),
      ms(o?.episode.p95 ?? NaN),
      String(o?.episode.count ?? ''),
      ms(f?.episode.median ?? NaN),
      String(f?.episode.count ?? ''),
      ms(o?.corpus.median ?? NaN),
      ms(o?.corpus.p95 ?? NaN),
      String(o?.corpus.count ?? ''),
      ms(f?.corpus.median ?? NaN),
      String(f?.corpus.count ?? ''),
    ]
  })
  out.push(
    `(a) longest episode: ${longest.meta.slug} (${longest.timeline.lines.length} lines, index built in ${ms(episodeBuildMs)} ms)   (b) whole corpus`,
  )
  out.push(
    ...table(
      [
        'query',
        'ep med',
        'ep p95',
        'ep hits',
        'fuse ep med',
        'fuse hits',
        'all med',
        'all p95',
        'all hits',
        'fuse all med',
        'fuse hits',
      ],
      rows,
    ),
  )
  out.push('times in ms; "hits" = matching lines (ours: all matches, of which at most 200 are returned with snippets)')
  out.push('')

  const worstEpisode = Math.max(...ours.map((o) => o.episode.p95))
  const worstCorpus = Math.max(...ours.map((o) => o.corpus.p95))
  const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL')
  out.push(
    ...table(
      ['target', 'measured', 'goal', ''],
      [
        [
          '(a) longest episode, worst p95 per query',
          `${ms(worstEpisode)} ms`,
          `< ${TARGETS.episodeP95Ms} ms`,
          verdict(worstEpisode < TARGETS.episodeP95Ms),
        ],
        [
          '(b) whole corpus, worst p95 per query',
          `${ms(worstCorpus)} ms`,
          `< ${TARGETS.corpusP95Ms} ms`,
          verdict(worstCorpus < TARGETS.corpusP95Ms),
        ],
        [
          'search data, gzip (JSON.stringify of buildCorpusIndex)',
          bytes(gz),
          `< ${bytes(TARGETS.corpusGzipBytes)}`,
          verdict(gz < TARGETS.corpusGzipBytes),
        ],
        ['search data, raw', bytes(raw), '', ''],
        ['buildCorpusIndex (build time)', `${ms(buildMs)} ms`, '', ''],
        ['JSON.parse of the data', `${ms(parseMs)} ms`, '', ''],
        ['JSON.parse + loadCorpusIndex (in the worker, once)', `${ms(loadMs)} ms`, '', ''],
      ],
    ),
  )
  const index = buildTextIndex(data.text)
  const arrays = [index.sorted, index.masks, index.postStart, index.postings, index.tokStart, index.tokWord].reduce(
    (n, a) => n + a.byteLength,
    0,
  )
  out.push(
    `worker memory for the index: ${bytes(arrays)} of typed arrays (${index.keys.length} distinct words, ${index.postings.length} postings, ${index.tokWord.length} words in lines) + the line texts`,
  )
  out.push(`load average at the end ${load()} (other work on the machine inflates the p95 columns)`)
  return out
}

const main = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (main) {
  const dir = process.argv[2] ?? CORPUS_DIR
  runSearchBench(path.resolve(process.cwd(), dir)).then(
    (lines) => console.log(lines.join('\n')),
    (err: unknown) => {
      console.error(err)
      process.exitCode = 1
    },
  )
}
