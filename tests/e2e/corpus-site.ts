/**
 * The real corpus built once per end-to-end run, as `npm run build` builds it, for the test
 * files that need the whole corpus (corpus-build, search-bytes). Built lazily, by the first
 * file that asks, into the folder the global set-up reserved (and removes at the end): a run
 * without those files never builds it, and a run with both builds it once.
 */
import { existsSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { inject } from 'vitest'
import { buildSite } from '../../scripts/build-site.ts'
import { CORPUS_DIR } from '../unit/corpus-dir.ts'

/** The built corpus site's folder (built on the first call of the run). */
export async function corpusSite(): Promise<string> {
  const dir = inject('corpusSiteDir')
  const dist = path.join(dir, 'dist')
  const built = path.join(dist, 'index.html')
  const lock = path.join(dir, 'building')
  const first = await mkdir(lock).then(
    () => true,
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'EEXIST') return false
      throw err
    },
  )
  if (!first) {
    // Another file builds it (or built it): wait for it.
    while (!existsSync(built)) {
      if (!existsSync(lock)) throw new Error(`the corpus site build into ${dist} failed in another test file`)
      await new Promise((r) => setTimeout(r, 250))
    }
    return dist
  }
  try {
    await buildSite({ episodesDir: CORPUS_DIR, outDir: dist })
  } catch (err) {
    await rm(lock, { recursive: true, force: true })
    throw err
  }
  return dist
}
