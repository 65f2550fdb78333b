/** `npm start`: the dev server reads the episodes folder and follows edits to it. */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openUrl, withBrowser } from './harness.ts'

withBrowser()

const FILE = 'field-notes-on-messy-transcripts.md.md'
let dir = ''
let server: ViteDevServer
let url = ''

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'playscript-dev-'))
  await copyFile(path.join('episodes', FILE), path.join(dir, FILE))
  const before = process.env.EPISODES_DIR
  process.env.EPISODES_DIR = dir
  try {
    server = await createServer({ mode: 'development', logLevel: 'error', server: { port: 0, host: '127.0.0.1' } })
    await server.listen()
  } finally {
    if (before === undefined) delete process.env.EPISODES_DIR
    else process.env.EPISODES_DIR = before
  }
  url = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? ''
}, 60_000)

afterAll(async () => {
  await server?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('the dev server', () => {
  it('shows an episode, and shows an edit to its file without a restart', async () => {
    const { page } = await openUrl(`${url}/episodes/field-notes-on-messy-transcripts`)
    const title = page.getByRole('heading', { level: 1 })
    await expect
      .poll(() => title.textContent(), { timeout: 20_000 })
      .toBe('Field Notes: Reading Messy Transcripts Without Losing the Thread')
    const file = path.join(dir, FILE)
    await writeFile(file, (await readFile(file, 'utf8')).replace("title: 'Field Notes:", "title: 'Edited Field Notes:"))
    await expect
      .poll(() => title.textContent(), { timeout: 20_000 })
      .toBe('Edited Field Notes: Reading Messy Transcripts Without Losing the Thread')
  }, 60_000)

  it("serves an episode's transcript files, and an episode built from a caption file", async () => {
    const vtt = await fetch(`${url}/episodes/field-notes-on-messy-transcripts/transcript.vtt`)
    expect(vtt.status).toBe(200)
    expect(vtt.headers.get('content-type')).toMatch(/^text\/vtt/)
    expect(await vtt.text()).toMatch(/^WEBVTT\n/)
    expect((await fetch(`${url}/episodes/no-such-episode/transcript.vtt`)).status).not.toBe(200)
    await writeFile(
      path.join(dir, 'from-captions.md'),
      "---\ntitle: 'From captions'\nids:\n  youtube: M7lc1UVf-VE\n---\n",
    )
    await writeFile(path.join(dir, 'from-captions.srt'), '1\n00:00:01,000 --> 00:00:02,000\nAna: Hello from SRT.\n')
    await expect
      .poll(async () => (await fetch(`${url}/episodes/from-captions/transcript.json`)).text(), { timeout: 20_000 })
      .toContain('"body": "Hello from SRT."')
  }, 60_000)
})
