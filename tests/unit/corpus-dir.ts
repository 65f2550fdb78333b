/**
 * Where the real-episode corpus lives for tests and benchmarks: `../shared/corpus`
 * beside the project root (relative to the working directory, which is the
 * project root under `npm test` / `npm run bench`), or `PLAYSCRIPT_CORPUS`.
 *
 * The corpus is test data we may read but not redistribute: it is read in
 * place, never copied into the project.
 *
 * Without the corpus, its tests are skipped, loudly. `PLAYSCRIPT_REQUIRE_CORPUS=1` (set
 * by `.ci/run`) makes a missing corpus a failure instead: CI cannot go green without it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

export const CORPUS_ENV = 'PLAYSCRIPT_CORPUS'

export const CORPUS_DIR = path.resolve(process.env[CORPUS_ENV] ?? '../shared/corpus')

export const REQUIRE_CORPUS_ENV = 'PLAYSCRIPT_REQUIRE_CORPUS'

/** True when a missing corpus must fail the run rather than skip its tests. */
export function corpusRequired(): boolean {
  return process.env[REQUIRE_CORPUS_ENV] === '1'
}

/** True when CORPUS_DIR is a folder holding at least one `.md` file. */
export function corpusAvailable(): boolean {
  try {
    return (
      existsSync(CORPUS_DIR) &&
      statSync(CORPUS_DIR).isDirectory() &&
      readdirSync(CORPUS_DIR).some((n) => /\.md$/i.test(n))
    )
  } catch {
    return false
  }
}

/** The loud explanation printed when the corpus is missing. */
export function corpusMissingMessage(what: string): string {
  return (
    `\n*** ${what}: the episode corpus is NOT available at ${CORPUS_DIR}; these checks are SKIPPED, not passed. ***\n` +
    `*** Put the corpus at ../shared/corpus beside the project, or set ${CORPUS_ENV}=/path/to/corpus. ***\n`
  )
}

/**
 * `corpusAvailable()`, warning loudly (console.warn) when it is false; for
 * `describe.skipIf(!checkCorpus('…'))`. When the corpus is required
 * (`PLAYSCRIPT_REQUIRE_CORPUS=1`) and missing, throws instead: the test file fails.
 */
export function checkCorpus(what: string): boolean {
  const available = corpusAvailable()
  if (!available) {
    if (corpusRequired()) {
      throw new Error(
        `${what}: the episode corpus is required (${REQUIRE_CORPUS_ENV}=1) but is not at ${CORPUS_DIR}; set ${CORPUS_ENV}=/path/to/corpus.`,
      )
    }
    console.warn(corpusMissingMessage(what))
  }
  return available
}
