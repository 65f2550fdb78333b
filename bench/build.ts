/**
 * Build benchmark: `vite build` of the whole site with a folder of episodes
 * (`EPISODES_DIR`), into a temporary folder that is removed afterwards.
 * Reports the wall time and the size of the output: all files, and the gzip
 * size of the entry chunk (the app + the catalog of every episode) and of the
 * largest episode chunk (one episode's data, loaded with its page).
 *
 *   npx tsx bench/build.ts [dir]     (default: PLAYSCRIPT_CORPUS or ../shared/corpus)
 *
 * Chunks are told apart with Vite's manifest (`--manifest`): the entry is
 * `isEntry`, episode chunks come from `virtual:playscript/episode/<slug>`.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { CORPUS_DIR } from '../tests/unit/corpus-dir.ts'

export const BUILD_TARGET_MS = 30_000

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

export interface ChunkSize {
  file: string
  bytes: number
  gzipBytes: number
}

export interface BuildBench {
  dir: string
  wallMs: number
  pass: boolean
  /** Every output file except Vite's manifest. */
  files: number
  totalBytes: number
  jsBytes: number
  jsGzipBytes: number
  entry?: ChunkSize
  largestEpisode?: ChunkSize
  episodeChunks: number
  /** Lines the build printed (episode warnings and notes, at `--logLevel warn`). */
  logLines: number
}

interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await listFiles(full)))
    else if (entry.isFile()) out.push(full)
  }
  return out
}

async function chunkSize(outDir: string, file: string): Promise<ChunkSize> {
  const data = await readFile(path.join(outDir, file))
  return { file, bytes: data.length, gzipBytes: gzipSync(data).length }
}

const kB = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} kB`

/** Builds the site from `dir`, prints a labelled report, removes the output, and returns the figures. */
export async function benchBuild(dir: string): Promise<BuildBench> {
  const abs = path.resolve(dir)
  const outDir = await mkdtemp(path.join(tmpdir(), 'playscript-bench-build-'))
  try {
    const args = ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', '--manifest']
    const started = performance.now()
    const { code, output } = await run('npx', args, { ...process.env, EPISODES_DIR: abs })
    const wallMs = performance.now() - started
    const logLines = output.split('\n').filter((l) => l.trim()).length
    if (code !== 0) {
      console.log(output)
      throw new Error(`vite build failed (exit ${String(code)}) for EPISODES_DIR=${abs}`)
    }

    const manifestPath = path.join(outDir, '.vite', 'manifest.json')
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, ManifestChunk>
    const files = (await listFiles(outDir)).filter((f) => f !== manifestPath)
    let totalBytes = 0
    let jsBytes = 0
    let jsGzipBytes = 0
    for (const f of files) {
      const size = (await stat(f)).size
      totalBytes += size
      if (f.endsWith('.js')) {
        jsBytes += size
        jsGzipBytes += gzipSync(await readFile(f)).length
      }
    }
    const chunks = Object.values(manifest)
    const entryChunk = chunks.find((c) => c.isEntry)
    // Episode data is emitted as JSON files (data/episodes/<slug>.json), not chunks.
    const episodeChunks = files
      .filter((f) => /[\\/]data[\\/]episodes[\\/][^\\/]+\.json$/.test(f))
      .map((f) => ({ file: path.relative(outDir, f) }))
    const entry = entryChunk ? await chunkSize(outDir, entryChunk.file) : undefined
    let largestEpisode: ChunkSize | undefined
    for (const c of episodeChunks) {
      const size = await chunkSize(outDir, c.file)
      if (!largestEpisode || size.gzipBytes > largestEpisode.gzipBytes) largestEpisode = size
    }

    const result: BuildBench = {
      dir: abs,
      wallMs,
      pass: wallMs < BUILD_TARGET_MS,
      files: files.length,
      totalBytes,
      jsBytes,
      jsGzipBytes,
      ...(entry ? { entry } : {}),
      ...(largestEpisode ? { largestEpisode } : {}),
      episodeChunks: episodeChunks.length,
      logLines,
    }

    console.log(`Build: npx ${args.slice(0, 2).join(' ')} with EPISODES_DIR=${abs}`)
    console.log(
      `  wall time              ${(wallMs / 1000).toFixed(1).padStart(8)} s    target < ${BUILD_TARGET_MS / 1000} s   ${result.pass ? 'PASS' : 'OVER'}`,
    )
    console.log(
      `  output                 ${kB(totalBytes).padStart(10)}  in ${files.length} files (${episodeChunks.length} episode data files)`,
    )
    console.log(`  all JS                 ${kB(jsBytes).padStart(10)}  gzip ${kB(jsGzipBytes)}`)
    if (entry)
      console.log(
        `  entry chunk            ${kB(entry.bytes).padStart(10)}  gzip ${kB(entry.gzipBytes)}   ${entry.file} (the app; episode data is fetched as JSON)`,
      )
    if (largestEpisode)
      console.log(
        `  largest episode data   ${kB(largestEpisode.bytes).padStart(10)}  gzip ${kB(largestEpisode.gzipBytes)}   ${largestEpisode.file}`,
      )
    console.log(`  build log: ${logLines} line(s) at --logLevel warn (episode warnings and notes)`)
    return result
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}

const main = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (main) {
  benchBuild(process.argv[2] ?? CORPUS_DIR).catch((err: unknown) => {
    console.error(err)
    process.exitCode = 1
  })
}
