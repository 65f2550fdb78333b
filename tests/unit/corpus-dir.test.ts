/**
 * A missing corpus skips its tests, loudly, unless PLAYSCRIPT_REQUIRE_CORPUS=1 (set by
 * `.ci/run`) makes it a failure. Run in a child process: the corpus folder is read from
 * the environment when `corpus-dir.ts` loads.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

const PROBE = "import('./tests/unit/corpus-dir.ts').then((m) => console.log('available=' + m.checkCorpus('probe')))"

function checkCorpusWith(env: Record<string, string>): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--eval', PROBE], {
    env: { ...process.env, PLAYSCRIPT_REQUIRE_CORPUS: '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { status: run.status, out: `${run.stdout}${run.stderr}` }
}

describe('a missing corpus', () => {
  const missing = { PLAYSCRIPT_CORPUS: '/nonexistent/playscript-corpus' }

  it('skips its tests, loudly, by default', () => {
    const { status, out } = checkCorpusWith(missing)
    expect(status).toBe(0)
    expect(out).toContain('available=false')
    expect(out).toContain('SKIPPED, not passed')
  }, 30_000)

  it('fails when PLAYSCRIPT_REQUIRE_CORPUS=1', () => {
    const { status, out } = checkCorpusWith({ ...missing, PLAYSCRIPT_REQUIRE_CORPUS: '1' })
    expect(status).not.toBe(0)
    expect(out).toContain(
      'the episode corpus is required (PLAYSCRIPT_REQUIRE_CORPUS=1) but is not at /nonexistent/playscript-corpus',
    )
  }, 30_000)
})
