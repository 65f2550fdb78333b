/**
 * The built site from a hostile episodes folder (`$` patterns, NUL and other control
 * characters, multi-byte characters at every offset, file names with spaces and accents,
 * a symlink, two episodes claiming one short link): every page byte-exact, every internal
 * link a 200 on a plain static server, hydration without errors; and a build killed
 * half-way leaves the previous site exactly as it was.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSite, removeStale } from '../../scripts/build-site.ts'
import { escapeHtml } from '../../src/pipeline/html-page.ts'
import { checkHtmlFile, htmlFiles, internalLinks } from './check-html.ts'
import { openUrl, withBrowser } from './harness.ts'
import { serveStatic, type StaticServer } from './static-server.ts'

withBrowser()

const DOLLARS = "$$E = mc^2$$ $` $& $' $1 $$$"
const WIDE = '’ “q” – → é 日本 🎙'
/** Lines with multi-byte characters at every offset, long enough to cross the renderer's buffers many times. */
const lines = Array.from(
  { length: 120 },
  (_, i) =>
    `- line: '${'x'.repeat(i % 13)}${WIDE} ${DOLLARS.replace(/'/g, "''")} #${i}'\n  sec: ${i * 5}\n  who: ${i % 2 ? 'Ana' : 'Ben'}\n`,
).join('')

const HOSTILE = `---
title: 'Costs ${DOLLARS.replace(/'/g, "''")} ${WIDE}'
description: "A description with $$ and $\` and $& and a NUL \\0 here → there \\u202E reversed"
season: 5
episode: 5
dateadded: '2021-02-01'
ids:
  youtube: M7lc1UVf-VE
transcript:
- header: 'Chapter $\` and $& → 日本'
- line: "Control \\0 NUL \\x07 bell \\x1b escape, gone"
  sec: 0
  who: "Mal\\u200Blory:"
${lines}---

Body with $$ and $\` and [a protocol-relative link](//evil.example/x).
`

const named = (title: string, extra = '') => `---
title: '${title}'
${extra}ids:
  youtube: lem7knxqNzg
transcript:
- line: Hello from ${title}.
  sec: 1
  who: Ana
---
`

let work = ''
let dist = ''
let server: StaticServer

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'playscript-hostile-'))
  const episodes = path.join(work, 'episodes')
  await mkdir(episodes)
  for (const name of await readdir('episodes')) await copyFile(path.join('episodes', name), path.join(episodes, name))
  await writeFile(path.join(episodes, 'dollars-and-nul.md'), HOSTILE)
  await writeFile(
    path.join(episodes, 'my episode.md'),
    named('A file name with a space', "season: 5\nepisode: 5\ndateadded: '2020-01-01'\n"),
  )
  await writeFile(path.join(episodes, 'épisode-ünïcödé-日本語.md'), named('Accents and CJK in the file name'))
  await symlink(path.join(episodes, 'dollars-and-nul.md'), path.join(episodes, 'a-symlink.md'))
  dist = path.join(work, 'dist')
  await buildSite({ episodesDir: episodes, outDir: dist })
  server = await serveStatic(dist, '/')
}, 180_000)

afterAll(async () => {
  await server?.close()
  if (work) await rm(work, { recursive: true, force: true })
})

describe('the built HTML', () => {
  it('is valid UTF-8 with no control character, each template slot once, and every title, description, tag and line exactly as in the data', async () => {
    const files = await htmlFiles(dist)
    expect(files.length).toBeGreaterThan(10)
    const problems = (await Promise.all(files.map((f) => checkHtmlFile(dist, f)))).flat()
    expect(problems).toEqual([])
  })

  it('keeps $ patterns and multi-byte characters as written, and leaves control characters out', async () => {
    const page = await readFile(path.join(dist, 'episodes/dollars-and-nul/index.html'), 'utf8')
    // Small excerpts compared, so that a failure does not print the whole page.
    expect(/<title>([^<]*)<\/title>/.exec(page)?.[1]).toBe(escapeHtml(`Costs ${DOLLARS} ${WIDE} · Playscript`))
    expect(/<p>Control[^<]*<\/p>/.exec(page)?.[0]).toBe('<p>Control  NUL  bell  escape, gone</p>')
    expect(/<a href="\/\/evil[^>]*>/.exec(page)?.[0]).toBe('<a href="//evil.example/x" rel="noopener noreferrer">')
    expect(/<span class="speaker">Mal[^<]*<\/span>/.exec(page)?.[0]).toBe('<span class="speaker">Mallory</span>')
  })

  it('publishes file names under their slugs, and the short link opens the newer of two claimants', async () => {
    for (const p of [
      '/episodes/my-episode/',
      '/episodes/episode-unicode/',
      '/data/episodes/my-episode.json',
      '/data/episodes/episode-unicode.json',
    ]) {
      expect((await fetch(server.url + p)).status, p).toBe(200)
    }
    expect(await (await fetch(`${server.url}/s5e05/`)).text()).toContain('href="/episodes/dollars-and-nul"')
    const entries = await readdir(path.join(dist, 'episodes'))
    expect(entries).not.toContain('a-symlink')
  })
})

describe('served by a plain static server', () => {
  it.each(['/', '/episodes/dollars-and-nul/'])('every internal link of %s answers 200', async (start) => {
    const url = server.url + start
    const links = internalLinks(await (await fetch(url)).text(), url)
    expect(links).toContain(`${server.url}/search`)
    const statuses = await Promise.all(links.map(async (l) => `${(await fetch(l)).status} ${l}`))
    expect(statuses.filter((s) => !s.startsWith('200'))).toEqual([])
  })

  it.each(['/', '/search', '/episodes/dollars-and-nul', '/episodes/my-episode', '/episodes/episode-unicode'])(
    'hydrates %s without errors',
    async (p) => {
      const { page, errors } = await openUrl(server.url + p)
      await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBeGreaterThan(0)
      await page.waitForLoadState('networkidle')
      expect(await page.getByRole('heading', { level: 1 }).first().textContent()).not.toBe('Not found')
      expect(errors).toEqual([])
    },
  )
})

/** Whether a process of group `pgid` is still running (a zombie, killed but not yet reaped, is not). */
async function groupRunning(pgid: number): Promise<boolean> {
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8')
    } catch {
      continue
    }
    // After the command's closing parenthesis: state, parent, process group.
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(group) === pgid && state !== 'Z') return true
  }
  return false
}

describe('an interrupted build', () => {
  it('leaves the previous site exactly as it was', async () => {
    const out = path.join(work, 'site')
    await mkdir(path.join(out, 'episodes'), { recursive: true })
    await writeFile(path.join(out, 'index.html'), 'previous home')
    await writeFile(path.join(out, 'episodes', 'kept.html'), 'previous episode')
    const child = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/build-site.ts', out], {
      env: { ...process.env, EPISODES_DIR: path.join(work, 'episodes'), VITEST: '' },
      detached: true,
      stdio: 'ignore',
    })
    // Kill the whole build (the script and its bundler and prerendering children) once prerendering has written pages.
    const started = Date.now()
    let staged: string | undefined
    while (Date.now() - started < 120_000) {
      const names = await readdir(work)
      staged = names.find((n) => n.startsWith('.site.building-'))
      if (staged && (await readdir(path.join(work, staged)).catch((): string[] => [])).includes('search')) break
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(staged).toBeDefined()
    process.kill(-(child.pid ?? 0), 'SIGKILL')
    await new Promise((r) => child.once('exit', r))
    // The build script runs under tsx's process: it may still be dying when tsx has exited, and
    // the next build leaves a staging folder alone while its process runs.
    const killed = Date.now()
    while ((await groupRunning(child.pid ?? 0)) && Date.now() - killed < 10_000)
      await new Promise((r) => setTimeout(r, 50))
    expect(await groupRunning(child.pid ?? 0)).toBe(false)
    expect((await readdir(out)).sort()).toEqual(['episodes', 'index.html'])
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous home')
    expect(await readdir(path.join(out, 'episodes'))).toEqual(['kept.html'])
    // The next build clears what the killed one left behind.
    await removeStale(out)
    expect((await readdir(work)).filter((n) => n.startsWith('.site.building-'))).toEqual([])
    expect(
      (await readdir('.ssr').catch((): string[] => [])).filter((n) => n.startsWith(`build-${child.pid}-`)),
    ).toEqual([])
  }, 150_000)
})
