/**
 * The episode checker as an author meets it: `npm run check:episodes <dir>` and a build
 * of a folder with a broken file.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
// Each test starts the CLI in a fresh Node process: seconds on a busy machine.
let dir = ''

const GOOD = `---
title: A good episode
ids:
  youtube: lem7knxqNzg
transcript:
- header: Start
- line: Hello.
  sec: 1
  who: Ana
- line: Back in time.
  sec: 0
  who: Ben
---
`
const BAD = `---
title: A broken episode
ids:
  youtube: not-a-video-id-at-all
transcript:
- header: Start
- line: Hello.
  sec: ten
---
`

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(path.resolve('node_modules/.bin/tsx'), ['scripts/check-episodes.ts', ...args])
    return { code: 0, out: stdout + stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, out: e.stdout + e.stderr }
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'playscript-check-'))
  await writeFile(path.join(dir, 'good.md'), GOOD)
  await writeFile(path.join(dir, 'bad.md'), BAD)
  await writeFile(path.join(dir, 'no-front-matter.md'), '# Just a title\n')
  await writeFile(path.join(dir, '_draft.md'), BAD)
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('npm run check:episodes', () => {
  it('prints every problem as file:line: severity: message and exits 1 on errors', async () => {
    const { code, out } = await cli([dir])
    expect(code).toBe(1)
    expect(out).toMatch(
      /bad\.md:8: error: field "transcript\[1\]\.sec" must be a number of seconds \(0 or more\), not text "ten"/,
    )
    expect(out).toMatch(/no-front-matter\.md:1: error: no front matter/)
    expect(out).toMatch(/good\.md:10: warning: timestamp sec 0 \(0:00\) is out of order with the times around it/)
    expect(out).toMatch(/_draft\.md:1: note: draft/)
    expect(out).toMatch(
      /checked 4 file\(s\) .*: 1 episode\(s\) .* loaded, 1 skipped \(1 draft\), 2 failed; 2 error\(s\)/,
    )
    expect(out).not.toMatch(/\n\s+at /) // no stack traces
  }, 30_000)

  it('exits 0 when there are only warnings', async () => {
    const clean = await mkdtemp(path.join(os.tmpdir(), 'playscript-check-'))
    await writeFile(path.join(clean, 'good.md'), GOOD)
    const { code, out } = await cli([clean])
    await rm(clean, { recursive: true, force: true })
    expect(code).toBe(0)
    expect(out).toMatch(/0 error\(s\), 1 warning\(s\)/)
  }, 30_000)

  it('fails the build with the same messages', async () => {
    let failed: { code: number; out: string } | null = null
    try {
      await run(
        path.resolve('node_modules/.bin/vite'),
        ['build', '--outDir', path.join(dir, 'dist'), '--logLevel', 'error'],
        {
          env: { ...process.env, EPISODES_DIR: dir, NODE_ENV: 'production', VITEST: '' },
        },
      )
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string }
      failed = { code: e.code, out: e.stdout + e.stderr }
    }
    expect(failed?.code).not.toBe(0)
    expect(failed?.out).toMatch(/bad\.md:8: error: field "transcript\[1\]\.sec" must be a number/)
  }, 60_000)

  it('reports every file it skips (symlink, UTF-16, not UTF-8) as file:line, keeps going and prints its summary', async () => {
    const odd = await mkdtemp(path.join(os.tmpdir(), 'playscript-check-'))
    await writeFile(path.join(odd, 'good.md'), GOOD)
    await symlink(path.join(odd, 'good.md'), path.join(odd, 'link.md'))
    await writeFile(
      path.join(odd, 'utf16.md'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]),
    )
    await writeFile(path.join(odd, 'latin1.md'), Buffer.from(GOOD.replace('A good episode', 'Caf\u00e9'), 'latin1'))
    const { code, out } = await cli([odd])
    await rm(odd, { recursive: true, force: true })
    expect(code).toBe(1)
    expect(out).toMatch(/link\.md:1: warning: symbolic links are not followed/)
    expect(out).toMatch(/utf16\.md:1: error: the file is UTF-16, not UTF-8/)
    expect(out).toMatch(/latin1\.md:2: error: the file is not valid UTF-8/)
    expect(out).toMatch(
      /checked 4 file\(s\) .*: 1 episode\(s\) .* loaded, 3 skipped \(1 not UTF-8, 1 symlink, 1 UTF-16\), 0 failed; 2 error\(s\), 2 warning\(s\)/,
    )
    expect(out).not.toMatch(/\n\s+at /)
  }, 30_000)

  it('checks caption sidecars too: their problems at their lines, the episode failed, no stack trace', async () => {
    const captions = await mkdtemp(path.join(os.tmpdir(), 'playscript-check-'))
    const md = '---\ntitle: From captions\nids:\n  youtube: lem7knxqNzg\n---\n'
    await writeFile(path.join(captions, 'ok.md'), md)
    await writeFile(path.join(captions, 'ok.srt'), '1\n00:00:01,000 --> 00:00:02,000\nAna: Hello.\n')
    await writeFile(path.join(captions, 'broken.md'), md)
    await writeFile(
      path.join(captions, 'broken.vtt'),
      'WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nA\n\n00:00:01.000 --> 00:00:02.000\nB\n',
    )
    const { code, out } = await cli([captions])
    await rm(captions, { recursive: true, force: true })
    expect(code).toBe(1)
    expect(out).toMatch(/broken\.vtt:6: error: this cue starts at 00:00:01\.000, before the cue above it \(line 3\)/)
    expect(out).toMatch(/broken\.md:1: error: not published: its transcript sidecar .*broken\.vtt has errors/)
    expect(out).toMatch(
      /checked 2 file\(s\) .*: 1 episode\(s\) with 1 transcript line\(s\) loaded, 0 skipped, 1 failed/,
    )
    expect(out).not.toMatch(/\n\s+at /)
  }, 30_000)

  it('npm run build fails with each message once, no stack trace, and leaves the previous site as it was', async () => {
    const out = path.join(dir, 'site')
    await mkdir(out, { recursive: true })
    await writeFile(path.join(out, 'index.html'), 'the previous site')
    let failed: { code: number; out: string } | null = null
    try {
      await run(path.resolve('node_modules/.bin/tsx'), ['scripts/build-site.ts', out], {
        env: { ...process.env, EPISODES_DIR: dir, VITEST: '' },
      })
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string }
      failed = { code: e.code, out: e.stdout + e.stderr }
    }
    expect(failed?.code).toBe(1)
    const text = failed?.out ?? ''
    expect(text.match(/bad\.md:8: error: field "transcript\[1\]\.sec" must be a number/g)).toHaveLength(1)
    expect(text.match(/good\.md:10: warning: timestamp sec 0/g)).toHaveLength(1)
    expect(text).toMatch(/build failed: 2 error\(s\) in episode files; .*site is unchanged/)
    expect(text).not.toMatch(/\n\s+at |Getter\/Setter/)
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('the previous site')
  }, 60_000)
})
