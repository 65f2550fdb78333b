/**
 * Builds the static site: checks the episodes (printing each problem once),
 * then the client build, the server build and the prerendering, all into a
 * temporary folder beside the output folder, which replaces the output folder
 * only when every step succeeded. A failed or interrupted build leaves the
 * previous site exactly as it was.
 *
 * `npm run build` runs this file (output `dist/`, episodes from `EPISODES_DIR`);
 * the end-to-end set-up and the benchmarks call `buildSite`.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadEpisodeDir } from '../src/pipeline/load.ts'
import { formatProblem } from '../src/pipeline/problems.ts'
import { resolveEpisodesDir } from '../src/pipeline/vite-plugin.ts'

export interface BuildSiteOptions {
  episodesDir: string
  outDir: string
  /** A prefix such as `/playscript/`; default `/`. */
  basePath?: string
  siteUrl?: string
  /** Where the episodes' warnings go (default: nowhere, as in tests); errors always fail the build. */
  log?: (line: string) => void
}

/** A build that failed for a reason the author can act on: its message is the whole story. */
export class BuildError extends Error {}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, step: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', reject)
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new BuildError(`${step} failed (${signal ?? `exit ${code}`}):\n${out.trim()}`)),
    )
  })
}

/** Temporary build folders are siblings of the output folder (so the final move is a rename), named by process. */
function stagingPrefix(outDir: string): string {
  return `.${path.basename(outDir)}.building-`
}

/** Whether a process is running (a zombie, killed but not yet reaped, is not). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

/** Removes folders named `<prefix><pid>-…` in `parent` whose build process is gone. */
async function removeDead(parent: string, prefix: string): Promise<void> {
  let names: string[]
  try {
    names = await readdir(parent)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const pid = Number(/^(\d+)/.exec(name.slice(prefix.length))?.[1])
    if (pid && pid !== process.pid && !alive(pid)) await rm(path.join(parent, name), { recursive: true, force: true })
  }
}

/** Removes what interrupted builds left behind: staging folders and server builds. */
export async function removeStale(outDir: string): Promise<void> {
  await removeDead(path.dirname(outDir), stagingPrefix(outDir))
  await removeDead(path.resolve('.ssr'), 'build-')
}

export async function buildSite(opts: BuildSiteOptions): Promise<void> {
  const outDir = path.resolve(opts.outDir)
  const episodesDir = path.resolve(opts.episodesDir)
  const log = opts.log ?? (() => {})

  // 1. The episodes, checked once: every problem printed once, errors stop the build here.
  let loaded
  try {
    loaded = await loadEpisodeDir(episodesDir)
  } catch (err) {
    throw new BuildError(
      `${episodesDir}: error: cannot read the episodes folder: ${err instanceof Error ? err.message : String(err)}`,
    )
  }
  for (const p of loaded.problems) if (p.severity !== 'error') log(formatProblem(p))
  const errors = loaded.problems.filter((p) => p.severity === 'error')
  if (errors.length)
    throw new BuildError(
      `${errors.map(formatProblem).join('\n')}\nbuild failed: ${errors.length} error(s) in episode files; ${outDir} is unchanged`,
    )

  await removeStale(outDir)
  const staging = path.join(path.dirname(outDir), `${stagingPrefix(outDir)}${process.pid}-${Date.now()}`)
  // Inside the project, so the server build resolves react and friends from node_modules.
  const ssrDir = path.resolve('.ssr', `build-${process.pid}-${Date.now()}`)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EPISODES_DIR: episodesDir,
    BASE_PATH: opts.basePath ?? '/',
    SITE_URL: opts.siteUrl ?? '',
    PRERENDER_DIST: staging,
    PRERENDER_SSR: ssrDir,
    // The episodes were checked and reported above: the bundler's plugin stays quiet about warnings.
    PLAYSCRIPT_EPISODES_CHECKED: '1',
    NODE_ENV: 'production',
  }
  delete env.VITEST
  delete env.VITEST_MODE
  const bin = (name: string) => path.resolve('node_modules/.bin', name)
  const cleanUp = () =>
    Promise.all([rm(staging, { recursive: true, force: true }), rm(ssrDir, { recursive: true, force: true })])
  try {
    // 2–4. Client build, server build, prerendering: all into the staging folder.
    await run(bin('vite'), ['build', '--logLevel', 'error', '--outDir', staging, '--emptyOutDir'], env, 'client build')
    await run(
      bin('vite'),
      ['build', '--logLevel', 'error', '--ssr', 'src/app/server.tsx', '--outDir', ssrDir, '--emptyOutDir'],
      env,
      'server build',
    )
    await run(bin('tsx'), ['scripts/prerender.ts'], env, 'prerendering')
  } catch (err) {
    await cleanUp()
    if (err instanceof BuildError) throw new BuildError(`${err.message}\nbuild failed; ${outDir} is unchanged`)
    throw err
  }
  // 5. Swap: the old site moves aside, the new one into place, the old one goes.
  const old = `${staging}-old`
  let hadOld = true
  try {
    await rename(outDir, old)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      await cleanUp()
      throw err
    }
    hadOld = false
  }
  try {
    await rename(staging, outDir)
  } catch (err) {
    if (hadOld) await rename(old, outDir)
    await cleanUp()
    throw err
  }
  if (hadOld) await rm(old, { recursive: true, force: true })
  await rm(ssrDir, { recursive: true, force: true })
}

async function main(): Promise<number> {
  const outDir = process.argv[2] ?? 'dist'
  const started = performance.now()
  let warnings = 0
  try {
    await buildSite({
      episodesDir: resolveEpisodesDir(),
      outDir,
      basePath: process.env.BASE_PATH,
      siteUrl: process.env.SITE_URL,
      log: (line) => {
        if (/: warning: /.test(line)) warnings++
        console.log(line)
      },
    })
  } catch (err) {
    console.error(
      err instanceof BuildError || !(err instanceof Error)
        ? String(err instanceof Error ? err.message : err)
        : (err.stack ?? err.message),
    )
    return 1
  }
  console.log(
    `built ${path.resolve(outDir)} in ${((performance.now() - started) / 1000).toFixed(1)} s${warnings ? ` (${warnings} warning(s) above)` : ''}`,
  )
  return 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then((code) => process.exit(code))
}
