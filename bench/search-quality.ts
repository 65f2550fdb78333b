/**
 * Search quality on listener-style queries (`tests/unit/search-queries.ts`): R@1, R@10 and
 * MRR of today's engine (`bench/baseline-engine.ts`) and of the current one, in one run,
 * over the same corpus.
 *
 *   npx tsx bench/search-quality.ts [corpusDir]
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { EpisodeData } from '../src/lib/episode/types.ts'
import type { CorpusIndexData, CorpusResult, CorpusSearch } from '../src/lib/search/corpus-search.ts'
import { buildCorpusIndex, loadCorpusIndex } from '../src/lib/search/corpus-search.ts'
import { loadEpisodeDir } from '../src/pipeline/load.ts'
import { CORPUS_DIR } from '../tests/unit/corpus-dir.ts'
import { QUALITY_QUERIES, qualityFigures, type QualityFigures, type RankedLine } from '../tests/unit/search-queries.ts'
import { BASELINE_COMMIT, loadBaselineEngine } from './baseline-engine.ts'

/** The results in the order shown: best episode first, its lines best first. */
export function shownOrder(r: Pick<CorpusResult, 'groups'>): RankedLine[] {
  return r.groups.flatMap((g) => g.hits.map((h) => ({ slug: g.slug, line: h.line })))
}

export function corpusInput(episodes: readonly EpisodeData[]) {
  return episodes
    .filter((e) => e.timeline.lines.length > 0)
    .map((e) => ({ slug: e.meta.slug, title: e.meta.title, lines: e.timeline.lines }))
}

function fmt(f: QualityFigures): string[] {
  return [f.r1.toFixed(2), f.r10.toFixed(2), f.mrr.toFixed(3)]
}

export async function runQualityBench(corpusDir: string): Promise<string[]> {
  const { episodes } = await loadEpisodeDir(path.resolve(corpusDir))
  const input = corpusInput(episodes)
  const baseline = await loadBaselineEngine()
  try {
    const oldData = baseline.engine.buildCorpusIndex(input)
    const oldSearch = baseline.engine.loadCorpusIndex(JSON.parse(JSON.stringify(oldData)) as typeof oldData)
    const newSearch: CorpusSearch = loadCorpusIndex(
      JSON.parse(JSON.stringify(buildCorpusIndex(input))) as CorpusIndexData,
    )
    const before = qualityFigures(QUALITY_QUERIES, (q) => shownOrder(oldSearch.search(q)))
    const after = qualityFigures(QUALITY_QUERIES, (q) => shownOrder(newSearch.search(q)))
    const out = [
      `Quality: ${QUALITY_QUERIES.length} listener-style queries (tests/unit/search-queries.ts), today's engine (${BASELINE_COMMIT}) against the current one`,
      `engine          R@1   R@10  MRR`,
      `today's         ${fmt(before).join('  ')}`,
      `current         ${fmt(after).join('  ')}`,
      'per query (rank of its line, 0 = not returned): today → current',
    ]
    QUALITY_QUERIES.forEach((query, i) => {
      const a = before.ranks[i] ?? 0
      const b = after.ranks[i] ?? 0
      out.push(
        `  ${a === b ? ' ' : b !== 0 && (a === 0 || b < a) ? '+' : '-'} ${String(a).padStart(3)} → ${String(b).padEnd(3)} [${query.kind}] ${query.q}`,
      )
    })
    return out
  } finally {
    baseline.dispose()
  }
}

const main = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (main) {
  runQualityBench(process.argv[2] ?? CORPUS_DIR).then(
    (lines) => console.log(lines.join('\n')),
    (err: unknown) => {
      console.error(err)
      process.exitCode = 1
    },
  )
}
