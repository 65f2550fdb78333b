/**
 * Builds the static site the way `npm run build` does (client build, server
 * build, prerender), into a chosen folder and from a chosen episodes folder.
 * Used by the end-to-end set-up and the benchmarks.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

export interface BuildSiteOptions {
  episodesDir: string
  outDir: string
  /** A prefix such as `/playscript/`; default `/`. */
  basePath?: string
  siteUrl?: string
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (${code}):\n${out}`))))
  })
}

export async function buildSite(opts: BuildSiteOptions): Promise<void> {
  // Inside the project, so the server build resolves react and friends from node_modules.
  const ssrDir = path.resolve('.ssr', `build-${process.pid}-${Date.now()}`)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EPISODES_DIR: path.resolve(opts.episodesDir),
    BASE_PATH: opts.basePath ?? '/',
    SITE_URL: opts.siteUrl ?? '',
    PRERENDER_DIST: opts.outDir,
    PRERENDER_SSR: ssrDir,
    NODE_ENV: 'production',
  }
  delete env.VITEST
  delete env.VITEST_MODE
  const bin = (name: string) => path.resolve('node_modules/.bin', name)
  await run(bin('vite'), ['build', '--logLevel', 'error', '--outDir', opts.outDir, '--emptyOutDir'], env)
  await run(bin('vite'), ['build', '--logLevel', 'error', '--ssr', 'src/app/server.tsx', '--outDir', ssrDir, '--emptyOutDir'], env)
  await run(bin('tsx'), ['scripts/prerender.ts'], env)
}
