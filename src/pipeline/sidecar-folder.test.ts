/** Caption files in an episodes folder: found beside their episode file, checked by the loader, conflicts reported. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SIDECAR_FILES, SIDECAR_SLUG } from '../../tests/e2e/sidecar-episode.ts'
import { loadEpisodeDir, type LoadedDir } from './load.ts'

describe('sidecars in an episodes folder', () => {
  let dir = ''
  let result: LoadedDir
  const md = (title: string, transcript = '') =>
    `---\ntitle: ${title}\nids:\n  youtube: M7lc1UVf-VE\n${transcript}---\n`
  const messages = () => result.problems.map((p) => `${path.basename(p.file)}:${p.line}: ${p.severity}: ${p.message}`)

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'playscript-sidecar-'))
    const files: Record<string, string> = {
      ...SIDECAR_FILES,
      'both.md': md('Both', 'transcript:\n- line: Hello.\n  who: A\n'),
      'both.vtt': 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A>Hi\n',
      'two.md': md('Two'),
      'two.vtt': 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A>Hi\n',
      'two.srt': '1\n00:00:01,000 --> 00:00:02,000\nA: Hi\n',
      'broken.md': md('Broken'),
      'broken.vtt': 'WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\n<v A>Hi\n',
      'orphan.srt': '1\n00:00:01,000 --> 00:00:02,000\nA: Hi\n',
      'notes.md.md': md('Doubled'),
      'notes.json': '{"version": "1.0.0", "segments": [{"speaker": "A", "startTime": 1, "endTime": 2, "body": "Hi"}]}',
    }
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text)
    result = await loadEpisodeDir(dir)
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('builds an episode from a VTT sidecar and its chapters file, paragraphs joined', () => {
    const e = result.episodes.find((x) => x.meta.slug === SIDECAR_SLUG)
    expect(e?.timeline.chapters.map((c) => [c.title, c.start])).toEqual([
      ['Welcome', 0],
      ['Where captions come from', 12],
      ['What is next', 25],
    ])
    expect(e?.timeline.lines.map((l) => [l.start, l.speaker, l.text, l.estimated])).toEqual([
      [0, 'Alexey', 'Welcome to the show. Today we talk about captions and how a podcast can reuse them.', false],
      [6.5, 'Maria', 'Thanks for having me & my notes.', false],
      [12, 'Alexey', 'So, where do caption files come from?', false],
      [15.5, 'Maria', 'Mostly from tools that transcribe speech. They cut sentences into short cues.', false],
      [25, 'Alexey', 'And the last question: what is next?', false],
      [28.5, 'Maria', 'Better chapters for everyone.', false],
    ])
    expect(e?.meta.speakers).toEqual(['Alexey', 'Maria'])
    expect(messages().filter((m) => m.startsWith(SIDECAR_SLUG))).toEqual([])
  })

  it('reads a sidecar beside a doubled .md.md name', () => {
    expect(result.episodes.find((x) => x.meta.slug === 'notes')?.timeline.lines.map((l) => l.text)).toEqual(['Hi'])
  })

  it('reports a file with both a YAML transcript and a sidecar, naming both', () => {
    expect(messages()).toContainEqual(
      expect.stringMatching(
        /^both\.md:6: error: this file has a "transcript:" and the sidecar file .*both\.vtt has one too: keep one of them$/,
      ),
    )
    expect(result.episodes.some((x) => x.meta.slug === 'both')).toBe(false)
  })

  it('reports two sidecars, a broken sidecar (and its episode), and a sidecar with no episode file', () => {
    const m = messages()
    expect(m).toContain('two.srt:1: error: two.md has two transcript sidecars, two.vtt and two.srt: keep one of them')
    expect(m).toContain(
      'broken.vtt:3: error: malformed cue timing: Must be exactly two digits (00:00:01.000 --> 00:00:0x.000)',
    )
    expect(m).toContainEqual(
      expect.stringMatching(/^broken\.md:1: error: not published: its transcript sidecar .*broken\.vtt has errors$/),
    )
    expect(m).toContainEqual(
      expect.stringMatching(/^orphan\.srt:1: warning: no episode file orphan\.md beside it: ignored/),
    )
    expect(result.episodes.map((e) => e.meta.slug).sort()).toEqual([SIDECAR_SLUG, 'notes'])
  })

  it('lists each sidecar problem with its episode file, in line order', () => {
    const files = result.problems.map((p) => path.basename(p.file))
    expect(files.indexOf('broken.vtt')).toBeLessThan(files.indexOf('broken.md'))
    expect(files.indexOf('broken.md')).toBeLessThan(files.indexOf('two.srt'))
  })
})
