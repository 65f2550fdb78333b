/**
 * The data files of the built site: every file the build emits beside the pages and the
 * browser fetches, named here and nowhere else. The Vite plugin emits and serves them (build
 * and dev server), the prerender links them, the browser's loaders fetch them.
 *
 * Paths are relative to the site's base (`data/…`, no leading slash).
 */

/** The catalog: every episode's metadata, named by a hash of its content so it caches forever. */
export function catalogFile(contentHash: string): string {
  return `data/catalog.${contentHash}.json`
}

/** One episode's data (metadata and timeline): named by slug, so a page finds it without a table of names. */
export function episodeDataFile(slug: string): string {
  return `data/episodes/${encodeURIComponent(slug)}.json`
}

/** The folder of the cross-episode search data's chunks (see `src/lib/search/chunks.ts`). */
export const SEARCH_DATA_DIR = 'data/search-index'

/** The kinds of chunk of the search data: the meta file (the dictionary) and the chunks it names. */
export type SearchChunkKind = 'meta' | 'words' | 'lines' | 'speakers'

/**
 * A chunk of the cross-episode search data, named by a hash of its content so it caches forever.
 * The meta file names the other chunks by their name in `SEARCH_DATA_DIR` (`searchChunkName`).
 */
export function searchDataFile(kind: SearchChunkKind, contentHash: string): string {
  return `${SEARCH_DATA_DIR}/${searchChunkName(kind, contentHash)}`
}

/** A chunk's name within `SEARCH_DATA_DIR`. */
export function searchChunkName(kind: SearchChunkKind, contentHash: string): string {
  return `${kind}.${contentHash}.json`
}

/** A data file the site serves, as the dev server and the build read a request's path. */
export type DataFile =
  | { kind: 'catalog'; hash: string }
  | { kind: 'episode-data'; slug: string }
  | { kind: 'search-data'; chunk: SearchChunkKind; hash: string }

/**
 * Which data file `rel` (relative to the base, with or without a leading `/`) names, if any.
 * The inverse of the builders above: `dataFileAt(episodeDataFile(s))` gives back `s`.
 */
export function dataFileAt(rel: string): DataFile | undefined {
  const p = rel.replace(/^\/+/, '')
  const catalog = /^data\/catalog\.([0-9a-f]+)\.json$/.exec(p)
  if (catalog?.[1]) return { kind: 'catalog', hash: catalog[1] }
  const search = /^data\/search-index\/(meta|words|lines|speakers)\.([0-9a-f]+)\.json$/.exec(p)
  if (search?.[1] && search[2]) return { kind: 'search-data', chunk: search[1] as SearchChunkKind, hash: search[2] }
  const episode = /^data\/episodes\/([^/]+)\.json$/.exec(p)
  if (episode?.[1]) {
    try {
      return { kind: 'episode-data', slug: decodeURIComponent(episode[1]) }
    } catch {
      return undefined
    }
  }
  return undefined
}
