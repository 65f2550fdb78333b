/**
 * Reads a folder of episode files through the pipeline (Node only).
 *
 * Every `*.md` entry of the folder is either loaded or reported: symbolic links are
 * not followed (a warning), and a file that cannot be read, is not UTF-8 (UTF-16
 * included) or is far too large is an error at that file; the other files are still
 * read. Two files giving the same slug are an error at the second; two episodes
 * claiming the same season and episode are a warning naming both and the one the
 * short link opens.
 */
import { lstat, readdir, readFile as fsReadFile } from 'node:fs/promises'
import path from 'node:path'
import { sortCatalog } from '../lib/catalog/order.ts'
import type { EpisodeData } from '../lib/episode/types.ts'
import { shortCode } from '../lib/url/episode-url.ts'
import { formatBytes, MAX_BYTES, WARN_BYTES } from './limits.ts'
import { isDraft, parseEpisodeFile } from './parse-episode.ts'
import type { Problem } from './problems.ts'

export interface LoadedDir {
  dir: string
  /** Episode files found (`*.md`, drafts included). */
  files: string[]
  /** Episodes that loaded, in file-name order. */
  episodes: EpisodeData[]
  /** Files not read or not loaded on purpose, with the reason (draft, symlink, unreadable, not UTF-8, UTF-16, too large, not a file). */
  skipped: { file: string; reason: string }[]
  problems: Problem[]
}

export interface LoadOptions {
  /** Reads a file (tests stand in for the file system here). */
  readFile?: (file: string) => Promise<Buffer>
}

export function isEpisodeFile(name: string): boolean {
  return /\.md$/i.test(name)
}

/** The name messages use for a file: relative to the working directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function invalidUtf8At(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return -1
  } catch {
    // Find where: decode growing prefixes would be slow; walk the sequences instead.
  }
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
    }
    const b1 = bytes[i + 1] ?? 0
    // Overlong forms, surrogates and code points above U+10FFFF.
    if (
      (b === 0xe0 && b1 < 0xa0) ||
      (b === 0xed && b1 > 0x9f) ||
      (b === 0xf0 && b1 < 0x90) ||
      (b === 0xf4 && b1 > 0x8f)
    )
      return i
    i += need + 1
  }
  return -1
}

/** Why these bytes are not an episode file's text, or undefined when they are UTF-8. */
export function encodingProblem(bytes: Uint8Array): { reason: string; line: number; message: string } | undefined {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  // UTF-16 without a byte-order mark: ASCII text with every other byte 0.
  const head = bytes.subarray(0, 200)
  const zeros = head.filter((b) => b === 0).length
  if (utf16 || (head.length >= 8 && zeros >= head.length / 3)) {
    return { reason: 'UTF-16', line: 1, message: 'the file is UTF-16, not UTF-8: save it as UTF-8 (skipped)' }
  }
  const at = invalidUtf8At(bytes)
  if (at < 0) return undefined
  let line = 1
  let lineStart = 0
  for (let i = 0; i < at; i++) {
    if (bytes[i] !== 0x0a) continue
    line++
    lineStart = i + 1
  }
  const hex = Array.from(bytes.subarray(at, at + 4), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')
  return {
    reason: 'not UTF-8',
    line,
    message: `the file is not valid UTF-8 (bytes ${hex} at column ${at - lineStart + 1}; Latin-1 or Windows-1252?): save it as UTF-8 (skipped)`,
  }
}

function errorCode(err: unknown): string {
  const e = err as NodeJS.ErrnoException
  return e.code
    ? `${e.code}${e.message ? `: ${e.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')}` : ''}`
    : String(err)
}

export async function loadEpisodeDir(dir: string, options: LoadOptions = {}): Promise<LoadedDir> {
  const read = options.readFile ?? ((f: string) => fsReadFile(f))
  const abs = path.resolve(dir)
  const names = (await readdir(abs)).filter(isEpisodeFile).sort()
  const result: LoadedDir = { dir: abs, files: [], episodes: [], skipped: [], problems: [] }
  const skip = (file: string, reason: string, severity: Problem['severity'], message: string, line = 1) => {
    result.skipped.push({ file, reason })
    result.problems.push({ file, line, severity, message })
  }
  const bySlug = new Map<string, string>()
  const fileOf = new Map<EpisodeData, string>()
  for (const name of names) {
    const full = path.join(abs, name)
    const file = displayPath(full)
    result.files.push(full)
    let stat
    try {
      stat = await lstat(full)
    } catch (err) {
      skip(file, 'unreadable', 'error', `cannot read the file (${errorCode(err)}); skipped`)
      continue
    }
    if (stat.isSymbolicLink()) {
      skip(
        file,
        'symlink',
        'warning',
        'symbolic links are not followed (skipped): copy the file into the folder to publish it',
      )
      continue
    }
    if (!stat.isFile()) {
      skip(file, 'not a file', 'warning', 'not a regular file (a folder?); skipped')
      continue
    }
    if (isDraft(name)) {
      const parsed = parseEpisodeFile(name, '', { displayName: file })
      result.problems.push(...parsed.problems)
      result.skipped.push({ file, reason: (!parsed.ok && parsed.skipped) || 'draft' })
      continue
    }
    if (stat.size > MAX_BYTES) {
      skip(
        file,
        'too large',
        'error',
        `the file is ${formatBytes(stat.size)}; at most ${formatBytes(MAX_BYTES)} is published (the page would take too long to open): split the episode (skipped)`,
      )
      continue
    }
    let bytes: Buffer
    try {
      bytes = await read(full)
    } catch (err) {
      skip(file, 'unreadable', 'error', `cannot read the file (${errorCode(err)}); skipped`)
      continue
    }
    const encoding = encodingProblem(bytes)
    if (encoding) {
      skip(file, encoding.reason, 'error', encoding.message, encoding.line)
      continue
    }
    if (bytes.length > WARN_BYTES)
      result.problems.push({
        file,
        line: 1,
        severity: 'warning',
        message: `the file is ${formatBytes(bytes.length)}; above ${formatBytes(WARN_BYTES)}, the page is slow to open on a phone`,
      })
    const parsed = parseEpisodeFile(name, bytes.toString('utf8'), { displayName: file })
    result.problems.push(...parsed.problems)
    if (!parsed.ok) {
      if (parsed.skipped) result.skipped.push({ file, reason: parsed.skipped })
      continue
    }
    const slug = parsed.episode.meta.slug
    const twin = bySlug.get(slug)
    if (twin) {
      result.problems.push({
        file,
        line: 1,
        severity: 'error',
        message: `this file and ${twin} both give the address /episodes/${slug}; rename one of them`,
      })
      continue
    }
    bySlug.set(slug, file)
    fileOf.set(parsed.episode, file)
    result.episodes.push(parsed.episode)
  }

  // Short links: the first episode in catalog order (newest first) holds each, as in the app.
  const holders = new Map<string, EpisodeData>()
  for (const e of sortCatalog(result.episodes.map((ep) => ({ ...ep.meta, ep }))).map((m) => m.ep)) {
    const code = shortCode(e.meta.season, e.meta.episode)
    if (!code) continue
    const holder = holders.get(code)
    if (!holder) {
      holders.set(code, e)
      continue
    }
    result.problems.push({
      file: fileOf.get(e) ?? e.meta.slug,
      line: 1,
      severity: 'warning',
      message: `season ${e.meta.season} episode ${e.meta.episode} is also claimed by ${fileOf.get(holder) ?? holder.meta.slug}; the short link /${code} opens that one (newer in catalog order), this one only at /episodes/${e.meta.slug}`,
    })
  }
  // Each file's problems together, files in name order.
  const order = new Map(result.files.map((f, i) => [displayPath(f), i]))
  result.problems.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0))
  return result
}
