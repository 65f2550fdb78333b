/**
 * A hostile episodes folder: every entry is either loaded or reported at its file, and the
 * other files are still read.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodingProblem, invalidUtf8At } from './encoding.ts'
import { loadEpisodeDir, type LoadedDir } from './load.ts'
import { MAX_BYTES } from './limits.ts'

const episode = (title: string, extra = '') => `---
title: '${title}'
ids:
  youtube: lem7knxqNzg
${extra}transcript:
- line: Hello.
  sec: 1
  who: Ana
---
`

let dir = ''
let result: LoadedDir
let outside = ''

const problemsOf = (name: string) => result.problems.filter((p) => path.basename(p.file) === name)

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'playscript-load-'))
  outside = await mkdtemp(path.join(os.tmpdir(), 'playscript-outside-'))
  await writeFile(path.join(outside, 'secret.md'), episode('Outside'))
  const files: Record<string, string | Buffer> = {
    'good.md': episode('Good'),
    'my episode.md': episode('Spaces'),
    'épisode-ünïcödé-日本語.md': episode('Unicode'),
    '...md': episode('Dots'),
    '..md': episode('Two dots'),
    '日本語.md': episode('Only CJK'),
    'Case.md': episode('Upper'),
    'case.md': episode('Lower'),
    's3e04-a.md': episode('Older S3E04', 'season: 3\nepisode: 4\ndateadded: "2021-01-01"\n'),
    's3e04-b.md': episode('Newer S3E04', 'season: 3\nepisode: 4\ndateadded: "2021-02-01"\n'),
    'utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(episode('UTF-16'), 'utf16le')]),
    'utf16-no-bom.md': Buffer.from(episode('UTF-16'), 'utf16le'),
    'latin1.md': Buffer.from(episode('Caf\u00e9\n').replace("'Caf\u00e9\n'", "'Caf\u00e9'"), 'latin1'),
    'huge.md': Buffer.alloc(MAX_BYTES + 1, 0x61),
    'unreadable.md': episode('Unreadable'),
  }
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content)
  await mkdir(path.join(dir, 'folder.md'))
  await symlink(path.join(dir, 'good.md'), path.join(dir, 'link-valid.md'))
  await symlink(path.join(dir, 'nowhere.md'), path.join(dir, 'link-dangling.md'))
  await symlink(path.join(dir, 'link-loop-b.md'), path.join(dir, 'link-loop-a.md'))
  await symlink(path.join(dir, 'link-loop-a.md'), path.join(dir, 'link-loop-b.md'))
  await symlink(path.join(outside, 'secret.md'), path.join(dir, 'link-outside.md'))
  const { readFile } = await import('node:fs/promises')
  result = await loadEpisodeDir(dir, {
    readFile: async (f) => {
      if (f.endsWith('unreadable.md'))
        throw Object.assign(new Error("EACCES: permission denied, open 'x'"), { code: 'EACCES' })
      return readFile(f)
    },
  })
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await rm(outside, { recursive: true, force: true })
})

describe('loadEpisodeDir on a hostile folder', () => {
  it('loads the good files, under safe slugs', () => {
    expect(result.episodes.map((e) => e.meta.slug).sort()).toEqual([
      'case',
      'episode-unicode',
      'good',
      'my-episode',
      's3e04-a',
      's3e04-b',
    ])
    expect(problemsOf('my episode.md')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/published as \/episodes\/my-episode/),
      }),
    ])
  })

  it('refuses names that give no address', () => {
    for (const name of ['...md', '..md', '日本語.md'])
      expect(problemsOf(name)).toEqual([
        expect.objectContaining({ line: 1, severity: 'error', message: expect.stringMatching(/no letter or digit/) }),
      ])
  })

  it('refuses a second file giving the same address, naming the first', () => {
    expect(problemsOf('case.md')).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        message: expect.stringMatching(/this file and .*Case\.md both give the address \/episodes\/case/),
      }),
    )
  })

  it('warns about two episodes claiming one season and episode, saying which the short link opens', () => {
    expect(problemsOf('s3e04-a.md')).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(
          /season 3 episode 4 is also claimed by .*s3e04-b\.md; the short link \/s3e04 opens that one/,
        ),
      }),
    )
    expect(problemsOf('s3e04-b.md')).toEqual([])
  })

  it('reports every skipped entry with its reason, and keeps going', () => {
    const reasons = Object.fromEntries(result.skipped.map((s) => [path.basename(s.file), s.reason]))
    expect(reasons).toEqual({
      'folder.md': 'not a file',
      'huge.md': 'too large',
      'latin1.md': 'not UTF-8',
      'link-dangling.md': 'symlink',
      'link-loop-a.md': 'symlink',
      'link-loop-b.md': 'symlink',
      'link-outside.md': 'symlink',
      'link-valid.md': 'symlink',
      'unreadable.md': 'unreadable',
      'utf16-no-bom.md': 'UTF-16',
      'utf16.md': 'UTF-16',
    })
    expect(problemsOf('link-outside.md')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/symbolic links are not followed/),
      }),
    ])
    expect(problemsOf('unreadable.md')).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/cannot read the file \(EACCES/) }),
    ])
    expect(problemsOf('utf16.md')).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/UTF-16, not UTF-8/) }),
    ])
    expect(problemsOf('latin1.md')).toEqual([
      expect.objectContaining({
        line: 2,
        severity: 'error',
        message: expect.stringMatching(/not valid UTF-8 \(bytes E9 27 0A 69 at column 12/),
      }),
    ])
    expect(problemsOf('huge.md')).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringMatching(/the file is 8\.0 MB; at most 8\.0 MB/),
      }),
    ])
  })

  it('reports each problem once', () => {
    const lines = result.problems.map((p) => `${p.file}:${p.line}:${p.message}`)
    expect(new Set(lines).size).toBe(lines.length)
  })
})

describe('encodings', () => {
  it('accepts UTF-8 and finds the first invalid byte', () => {
    expect(encodingProblem(Buffer.from('’ “x” 日本 🎙'))).toBeUndefined()
    expect(invalidUtf8At(Buffer.from([0x61, 0xc3]))).toBe(1)
    expect(invalidUtf8At(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1) // overlong
    expect(invalidUtf8At(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0) // a surrogate
    expect(invalidUtf8At(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0) // above U+10FFFF
  })
})
