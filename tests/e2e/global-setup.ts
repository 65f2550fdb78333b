/**
 * Builds the site once for the end-to-end tests, as `npm run build` does
 * (prerendered pages included), and serves the built files with `vite preview`
 * on a free port. The episodes are the bundled ones,
 * plus the longest episode of the real corpus when it is available (read in
 * place, through a temporary folder outside the project; required with
 * PLAYSCRIPT_REQUIRE_CORPUS=1).
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { preview, type PreviewServer } from 'vite'
import { LONG_EPISODE_SLUG, makeLongEpisode } from '../../bench/long-episode.ts'
import { buildSite } from '../../scripts/build-site.ts'
import { CORPUS_DIR as CORPUS, corpusAvailable, corpusRequired, REQUIRE_CORPUS_ENV } from '../unit/corpus-dir.ts'
import { HOSTILE_EPISODE } from './hostile-episode.ts'
import { SIDECAR_FILES } from './sidecar-episode.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    longestSlug: string | null
    /** A generated 4-hour, 5,000-line episode (bench/long-episode.ts). */
    longSlug: string
    /** An empty folder, removed after the run, where the whole corpus is built once when a test needs it (corpus-site.ts). */
    corpusSiteDir: string
  }
}

async function longestCorpusEpisode(): Promise<string | null> {
  if (!corpusAvailable()) {
    if (corpusRequired())
      throw new Error(
        `The corpus is required (${REQUIRE_CORPUS_ENV}=1) but is not at ${CORPUS} (set PLAYSCRIPT_CORPUS).`,
      )
    console.warn(
      `\n!!! The corpus is not at ${CORPUS} (set PLAYSCRIPT_CORPUS): the long-episode e2e test is skipped.\n`,
    )
    return null
  }
  const names = (await readdir(CORPUS)).filter((n) => n.endsWith('.md') && !n.startsWith('_'))
  let best: { name: string; lines: number } | null = null
  for (const name of names) {
    const text = await readFile(path.join(CORPUS, name), 'utf8')
    const lines = text.match(/^- line:/gm)?.length ?? 0
    if (!best || lines > best.lines) best = { name, lines }
  }
  return best?.name ?? null
}

let server: PreviewServer | undefined
let work: string | undefined
let corpusSiteDir: string | undefined

export async function setup(project: TestProject): Promise<void> {
  project.provide('longSlug', LONG_EPISODE_SLUG)
  corpusSiteDir = await mkdtemp(path.join(os.tmpdir(), 'playscript-corpus-site-'))
  project.provide('corpusSiteDir', corpusSiteDir)
  // PLAYSCRIPT_E2E_URL: run against a site already built and served (same episodes), to check a
  // test against another build without rebuilding.
  const given = process.env.PLAYSCRIPT_E2E_URL
  if (given) {
    project.provide('baseURL', given.replace(/\/$/, ''))
    project.provide('longestSlug', process.env.PLAYSCRIPT_E2E_LONGEST ?? null)
    return
  }
  const longest = await longestCorpusEpisode()
  work = await mkdtemp(path.join(os.tmpdir(), 'playscript-e2e-'))
  const episodes = path.join(work, 'episodes')
  await mkdir(episodes)
  for (const name of await readdir('episodes')) await copyFile(path.join('episodes', name), path.join(episodes, name))
  await writeFile(path.join(episodes, 'hostile-content.md'), HOSTILE_EPISODE)
  // An episode built from a WebVTT sidecar and a chapters file (sidecar.test.ts reads the same).
  for (const [name, text] of Object.entries(SIDECAR_FILES)) await writeFile(path.join(episodes, name), text)
  if (longest) await copyFile(path.join(CORPUS, longest), path.join(episodes, longest))
  // From the corpus when it is here, else from the bundled episodes: the long episode is always built.
  await writeFile(
    path.join(episodes, `${LONG_EPISODE_SLUG}.md`),
    makeLongEpisode(longest ? CORPUS : 'episodes', { rot13: true }),
  )

  const outDir = path.join(work, 'dist')
  await buildSite({ episodesDir: episodes, outDir })
  server = await preview({
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('the preview server did not report its address')
  project.provide('baseURL', url.replace(/\/$/, ''))
  project.provide('longestSlug', longest ? longest.replace(/(\.md)+$/, '') : null)
}

export async function teardown(): Promise<void> {
  await server?.close()
  if (work) await rm(work, { recursive: true, force: true })
  if (corpusSiteDir) await rm(corpusSiteDir, { recursive: true, force: true })
}
