/**
 * `npm run bench`: every benchmark over the real corpus, one after the other
 * (they would skew each other in parallel on a small machine):
 *
 * 1. pipeline: read + parse + validate + timeline of every file;
 * 2. build: `vite build` of the site with the corpus as its episodes;
 * 3. search: the search engine on the longest episode and the whole corpus, its quality on
 *    listener-style queries against today's engine, and the chunked search data at 1× and
 *    10× in Chromium (`bench/search-scale.ts`);
 * 4. site: the full static build, then page weight, paint and sync in Chromium;
 * 5. follow-along: a generated 4-hour, 5,000-line episode against a normal one.
 *
 * `npm run bench -- follow` (or pipeline, build, search, site) runs only those sections.
 *
 * The corpus is `../shared/corpus`, or `PLAYSCRIPT_CORPUS`. Without it the
 * bench says so and exits 1: a benchmark of nothing is not a pass.
 */
import { CORPUS_DIR, CORPUS_ENV, corpusAvailable } from '../tests/unit/corpus-dir.ts'
import { benchBuild } from './build.ts'
import { benchFollow } from './follow.ts'
import { benchPipeline } from './pipeline.ts'
import { runSearchBench } from './search.ts'
import { runScaleBench } from './search-scale.ts'
import { benchSite } from './site.ts'

function heading(title: string): void {
  console.log(`\n=== ${title} ${'='.repeat(Math.max(0, 72 - title.length))}`)
}

async function main(): Promise<number> {
  if (!corpusAvailable()) {
    console.error(`bench: error: no episode corpus at ${CORPUS_DIR}`)
    console.error(`bench: put it at ../shared/corpus beside the project, or set ${CORPUS_ENV}=/path/to/corpus`)
    return 1
  }
  console.log(`Playscript benchmarks over ${CORPUS_DIR} (Node ${process.version}, ${process.platform}/${process.arch})`)
  const verdicts: [string, boolean][] = []
  const only = process.argv.slice(2)
  const wanted = (name: string) => only.length === 0 || only.includes(name)
  const { loadavg } = await import('node:os')
  console.log(
    `load average before: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')} (1, 5, 15 min)`,
  )

  if (wanted('pipeline')) {
    heading('1. Pipeline')
    const pipeline = await benchPipeline(CORPUS_DIR)
    verdicts.push([`pipeline, whole corpus: ${pipeline.totalMs.toFixed(0)} ms (target < 1000 ms)`, pipeline.pass])
  }

  if (wanted('build')) {
    heading('2. Build')
    const build = await benchBuild(CORPUS_DIR)
    verdicts.push([`vite build: ${(build.wallMs / 1000).toFixed(1)} s (target < 30 s)`, build.pass])
  }

  if (wanted('search')) {
    heading('3. Search')
    const search = [...(await runSearchBench(CORPUS_DIR)), '', ...(await runScaleBench(CORPUS_DIR))]
    console.log(search.join('\n'))
    for (const line of search) {
      const m = /^(.*?)\s{2,}(\S.*?)\s{2,}(<.*?)\s{2,}(PASS|FAIL)\s*$/.exec(line)
      if (m) verdicts.push([`search, ${m[1] ?? ''}: ${m[2] ?? ''} (target ${m[3] ?? ''})`, m[4] === 'PASS'])
    }
  }

  if (wanted('site')) {
    heading('4. Static site in Chromium')
    for (const v of await benchSite(CORPUS_DIR)) verdicts.push([v.label, v.pass])
  }

  if (wanted('follow')) {
    heading('5. Follow-along: a 5,000-line episode against a normal one, in Chromium')
    for (const v of await benchFollow(CORPUS_DIR)) verdicts.push([v.label, v.pass])
  }

  console.log(
    `load average after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  )
  heading('Summary')
  for (const [label, ok] of verdicts) console.log(`  ${ok ? 'PASS' : 'OVER'}  ${label}`)
  // Benchmarks report; they do not fail the run on a slow machine.
  return 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    console.error(`bench: error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    process.exitCode = 1
  },
)
