/**
 * The chunked search data as files, for tests: the chunks `buildSearchChunks` made, each under a
 * short name (postings and line chunks numbered under one hash each, as the build names them), and a loader that
 * parses a file afresh on each fetch, notes what was fetched, and rejects a file that is not there.
 */
import type { LoadChunk } from '../../src/lib/search/chunked-search.ts'
import type { BuiltChunks, SearchMeta } from '../../src/lib/search/chunks.ts'
import { numberedChunkName } from '../../src/lib/site/files.ts'

export interface ChunkFiles {
  meta: SearchMeta
  files: Map<string, string>
}

export function chunkFiles(built: BuiltChunks): ChunkFiles {
  const files = new Map<string, string>()
  const put = (file: string, content: unknown): string => {
    files.set(file, JSON.stringify(content))
    return file
  }
  built.lines.forEach((c, k) => put(numberedChunkName('lines', 'l', k), c))
  built.postings.forEach((c, k) => put(numberedChunkName('words', 'p', k), c))
  const meta: SearchMeta = {
    ...built.meta,
    files: {
      postings: { hash: 'p', count: built.postings.length },
      lines: { hash: 'l', count: built.lines.length },
      speakers: put('s-0.json', built.speakers),
    },
  }
  return { meta, files }
}

/** Loads from `files`, pushing each file's name onto `fetched`. */
export function chunkLoader(files: ReadonlyMap<string, string>, fetched: string[]): LoadChunk {
  return (file) => {
    fetched.push(file)
    const body = files.get(file)
    if (body === undefined) return Promise.reject(new Error(`no chunk ${file}`))
    return Promise.resolve(JSON.parse(body) as unknown)
  }
}
