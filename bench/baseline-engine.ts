/**
 * Today's engine, as it was before the fallbacks and the word weights (commit
 * `BASELINE_COMMIT`), callable beside the current one in the same run: its
 * `src/lib/search` is taken from git into a temporary folder and imported from there.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as CorpusSearchModule from '../src/lib/search/corpus-search.ts'

/** The last commit of the engine that required every word and weighed all words the same. */
export const BASELINE_COMMIT = 'd46b534'

export interface Baseline {
  engine: typeof CorpusSearchModule
  /** Removes the temporary folder. */
  dispose(): void
}

/** Imports the baseline engine's `corpus-search.ts` (the API is the same as today's). */
export async function loadBaselineEngine(commit = BASELINE_COMMIT): Promise<Baseline> {
  const dir = mkdtempSync(path.join(tmpdir(), 'playscript-baseline-'))
  const tar = execFileSync('git', ['archive', '--format=tar', commit, 'src/lib/search', 'src/lib/episode'], {
    maxBuffer: 64 * 1024 * 1024,
  })
  execFileSync('tar', ['-x', '-C', dir], { input: tar })
  const url = pathToFileURL(path.join(dir, 'src/lib/search/corpus-search.ts')).href
  const engine = (await import(url)) as typeof CorpusSearchModule
  return { engine, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}
