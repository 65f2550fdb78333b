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
import { encodingProblem } from './encoding.ts'
import { formatBytes, MAX_BYTES, WARN_BYTES } from './limits.ts'
import { isDraft, parseEpisodeFile } from './parse-episode.ts'
import type { Problem } from './problems.ts'
import type { SourceItem } from '../lib/episode/types.ts'
import {
  CHAPTERS_SUFFIX,
  cuesToItems,
  readChaptersJson,
  readSidecar,
  SIDECAR_KINDS,
  type JoinOptions,
  type ReadChapter,
} from './sidecar.ts'

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

export interface LoadOptions extends JoinOptions {
  /** Reads a file (tests stand in for the file system here). */
  readFile?: (file: string) => Promise<Buffer>
}

export function isEpisodeFile(name: string): boolean {
  return /\.md$/i.test(name)
}

/** A caption or chapters file that may sit beside an episode file (`<name>.vtt`, `.srt`, `.json`). */
export function isSidecarFile(name: string): boolean {
  return /\.(vtt|srt|json)$/i.test(name)
}

/** The name an episode file's sidecars share: `a.md` → `a` (a doubled `.md.md` too). */
export function sidecarBase(mdName: string): string {
  return mdName.replace(/(\.md)+$/i, '')
}

/** The name messages use for a file: relative to the working directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file
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
  const all = new Set(await readdir(abs))
  const claimed = new Set<string>()
  /** Each sidecar's episode file (display names), so their problems are listed together. */
  const episodeOfSidecar = new Map<string, string>()

  /** A sidecar's text, or a problem at the sidecar (reported) and undefined. */
  const readText = async (name: string): Promise<string | undefined> => {
    const full = path.join(abs, name)
    const file = displayPath(full)
    const fail = (message: string, line = 1) => {
      result.problems.push({ file, line, severity: 'error', message })
      return undefined
    }
    try {
      const stat = await lstat(full)
      if (stat.isSymbolicLink()) return fail('symbolic links are not followed: copy the file into the folder')
      if (!stat.isFile()) return fail('not a regular file (a folder?)')
      if (stat.size > MAX_BYTES)
        return fail(`the file is ${formatBytes(stat.size)}; at most ${formatBytes(MAX_BYTES)} is read`)
      const bytes = await read(full)
      const encoding = encodingProblem(bytes)
      if (encoding) return fail(encoding.message.replace(/ \(skipped\)$/, ''), encoding.line)
      return bytes.toString('utf8')
    } catch (err) {
      return fail(`cannot read the file (${errorCode(err)})`)
    }
  }

  /** The transcript items of an episode's sidecar files, or undefined when it has none. */
  const sidecarOf = async (
    mdName: string,
    mdFile: string,
  ): Promise<{ file: string; items: SourceItem[]; failed: boolean } | undefined> => {
    const base = sidecarBase(mdName)
    const found = SIDECAR_KINDS.map((kind) => ({ kind, name: `${base}.${kind}` })).filter((s) => all.has(s.name))
    const chaptersName = `${base}${CHAPTERS_SUFFIX}`
    for (const name of [...found.map((s) => s.name), chaptersName]) {
      if (!all.has(name)) continue
      claimed.add(name)
      episodeOfSidecar.set(displayPath(path.join(abs, name)), mdFile)
    }
    const first = found[0]
    if (!first) {
      if (all.has(chaptersName))
        result.problems.push({
          file: displayPath(path.join(abs, chaptersName)),
          line: 1,
          severity: 'warning',
          message: `chapters without a transcript sidecar (${base}.vtt, .srt or .json): ignored; write the chapters as headers in ${mdName}`,
        })
      return undefined
    }
    const file = displayPath(path.join(abs, first.name))
    const second = found[1]
    if (second) {
      result.problems.push({
        file: displayPath(path.join(abs, second.name)),
        line: 1,
        severity: 'error',
        message: `${mdName} has two transcript sidecars, ${first.name} and ${second.name}: keep one of them`,
      })
      return { file, items: [], failed: true }
    }
    const before = result.problems.length
    const text = await readText(first.name)
    if (text === undefined) return { file, items: [], failed: true }
    const cues = readSidecar(file, first.kind, text)
    result.problems.push(...cues.problems)
    let chapters: ReadChapter[] = []
    let chaptersFile: string | undefined
    if (all.has(chaptersName)) {
      chaptersFile = displayPath(path.join(abs, chaptersName))
      const chaptersText = await readText(chaptersName)
      if (chaptersText !== undefined) {
        const read = readChaptersJson(chaptersFile, chaptersText)
        result.problems.push(...read.problems)
        chapters = read.values
      }
    }
    const items = cuesToItems(file, cues.values, chapters, chaptersFile, options)
    result.problems.push(...items.problems)
    const failed = result.problems.slice(before).some((p) => p.severity === 'error')
    return { file, items: items.values, failed }
  }

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
    const sidecar = await sidecarOf(name, file)
    if (sidecar?.failed) {
      result.problems.push({
        file,
        line: 1,
        severity: 'error',
        message: `not published: its transcript sidecar ${sidecar.file} has errors`,
      })
      continue
    }
    const parsed = parseEpisodeFile(name, bytes.toString('utf8'), { displayName: file, sidecar })
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

  // Caption files with no episode file beside them (drafts' sidecars are skipped with the draft).
  for (const name of [...all].sort()) {
    if (!isSidecarFile(name) || claimed.has(name) || isDraft(name)) continue
    const base = name.endsWith(CHAPTERS_SUFFIX) ? name.slice(0, -CHAPTERS_SUFFIX.length) : name.replace(/\.[^.]+$/, '')
    if (all.has(`${base}.md`) || all.has(`${base}.md.md`)) continue
    result.problems.push({
      file: displayPath(path.join(abs, name)),
      line: 1,
      severity: 'warning',
      message: `no episode file ${base}.md beside it: ignored (an episode file without "transcript:" reads its transcript from ${base}.vtt, .srt or .json)`,
    })
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
  const rank = (file: string) => order.get(file) ?? order.get(episodeOfSidecar.get(file) ?? '') ?? order.size
  result.problems.sort((a, b) => rank(a.file) - rank(b.file))
  return result
}
