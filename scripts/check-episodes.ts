/**
 * `npm run check:episodes [dir]`: validates every episode file in a folder
 * (default: `EPISODES_DIR` or `episodes/`) and prints each problem as
 * `file:line: error|warning: message`. Exits 1 when any file has an error.
 */
import { loadEpisodeDir } from '../src/pipeline/load.ts'
import { formatProblem } from '../src/pipeline/problems.ts'
import { resolveEpisodesDir } from '../src/pipeline/vite-plugin.ts'

async function main(): Promise<number> {
  const arg = process.argv[2]
  const dir = resolveEpisodesDir(arg)
  let result
  try {
    result = await loadEpisodeDir(dir)
  } catch (err) {
    console.error(`${dir}: error: cannot read the episodes folder: ${err instanceof Error ? err.message : String(err)}`)
    return 2
  }
  for (const p of result.problems) (p.severity === 'error' ? console.error : console.log)(formatProblem(p))
  const errors = result.problems.filter((p) => p.severity === 'error').length
  const warnings = result.problems.filter((p) => p.severity === 'warning').length
  const lines = result.episodes.reduce((n, e) => n + e.meta.lineCount, 0)
  const reasons = new Map<string, number>()
  for (const s of result.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1)
  const skipped = result.skipped.length ? ` (${[...reasons].map(([r, n]) => `${n} ${r}`).join(', ')})` : ''
  const failed = result.files.length - result.episodes.length - result.skipped.length
  console.log(
    `checked ${result.files.length} file(s) in ${dir}: ${result.episodes.length} episode(s) with ${lines} transcript line(s) loaded, ` +
      `${result.skipped.length} skipped${skipped}, ${failed} failed; ${errors} error(s), ${warnings} warning(s)`,
  )
  return errors > 0 ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`check-episodes: error: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(2)
  },
)
