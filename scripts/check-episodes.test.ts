/**
 * The episode checker as an author meets it: `npm run check:episodes <dir>` and a build
 * of a folder with a broken file.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
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
    expect(out).toMatch(/bad\.md:8: error: field "transcript\[1\]\.sec" must be a number of seconds \(0 or more\), not text "ten"/)
    expect(out).toMatch(/no-front-matter\.md:1: error: no front matter/)
    expect(out).toMatch(/good\.md:10: warning: timestamp sec 0 \(0:00\) is out of order with the times around it/)
    expect(out).toMatch(/_draft\.md:1: note: draft/)
    expect(out).toMatch(/checked 4 file\(s\) .*: 1 episode\(s\) .* loaded, 1 skipped \(1 draft\), 2 failed; 2 error\(s\)/)
    expect(out).not.toMatch(/\n\s+at /) // no stack traces
  })

  it('exits 0 when there are only warnings', async () => {
    const clean = await mkdtemp(path.join(os.tmpdir(), 'playscript-check-'))
    await writeFile(path.join(clean, 'good.md'), GOOD)
    const { code, out } = await cli([clean])
    await rm(clean, { recursive: true, force: true })
    expect(code).toBe(0)
    expect(out).toMatch(/0 error\(s\), 1 warning\(s\)/)
  })

  it('fails the build with the same messages', async () => {
    let failed: { code: number; out: string } | null = null
    try {
      await run(path.resolve('node_modules/.bin/vite'), ['build', '--outDir', path.join(dir, 'dist'), '--logLevel', 'error'], {
        env: { ...process.env, EPISODES_DIR: dir, NODE_ENV: 'production', VITEST: '' },
      })
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string }
      failed = { code: e.code, out: e.stdout + e.stderr }
    }
    expect(failed?.code).not.toBe(0)
    expect(failed?.out).toMatch(/bad\.md:8: error: field "transcript\[1\]\.sec" must be a number/)
  }, 60_000)
})
