/** Reads a folder of episode files through the pipeline (Node only). */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { EpisodeData } from '../lib/episode/types.ts'
import { parseEpisodeFile, slugFromFileName } from './parse-episode.ts'
import type { Problem } from './problems.ts'

export interface LoadedDir {
  dir: string
  /** Episode files found (`*.md`, drafts included). */
  files: string[]
  /** Episodes that loaded, in file-name order. */
  episodes: EpisodeData[]
  /** Files not loaded on purpose, with the reason. */
  skipped: { file: string; reason: string }[]
  problems: Problem[]
}

export function isEpisodeFile(name: string): boolean {
  return /\.md$/i.test(name)
}

/** The name messages use for a file: relative to the working directory when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file
}

export async function loadEpisodeDir(dir: string): Promise<LoadedDir> {
  const abs = path.resolve(dir)
  const names = (await readdir(abs, { withFileTypes: true }))
    .filter((d) => d.isFile() && isEpisodeFile(d.name))
    .map((d) => d.name)
    .sort()
  const result: LoadedDir = { dir: abs, files: [], episodes: [], skipped: [], problems: [] }
  const seen = new Map<string, string>()
  for (const name of names) {
    const full = path.join(abs, name)
    const file = displayPath(full)
    result.files.push(full)
    const text = await readFile(full, 'utf8')
    const parsed = parseEpisodeFile(name, text, { displayName: file })
    result.problems.push(...parsed.problems)
    if (parsed.skipped) result.skipped.push({ file, reason: parsed.skipped })
    if (!parsed.episode) continue
    const slug = slugFromFileName(name)
    const twin = seen.get(slug)
    if (twin) {
      result.problems.push({ file, line: 1, severity: 'error', message: `slug "${slug}" is already used by ${twin}; rename one of the files` })
      continue
    }
    seen.set(slug, file)
    result.episodes.push(parsed.episode)
  }
  return result
}
