/**
 * The data files of the built site: every file the build emits beside the pages and the
 * browser fetches, named here and nowhere else. The Vite plugin emits and serves them (build
 * and dev server), the prerender links them, the browser's loaders fetch them.
 *
 * Paths are relative to the site's base (`data/…`, `episodes/…`, no leading slash).
 */

/** The catalog: every episode's metadata, named by a hash of its content so it caches forever. */
export function catalogFile(contentHash: string): string {
  return `data/catalog.${contentHash}.json`
}

/** One episode's data (metadata and timeline): named by slug, so a page finds it without a table of names. */
export function episodeDataFile(slug: string): string {
  return `data/episodes/${encodeURIComponent(slug)}.json`
}

/** The transcript's open formats (src/lib/formats/export.ts), one file each beside the episode's page. */
export type ExportFormat = 'json' | 'vtt' | 'srt' | 'txt' | 'chapters'

export interface ExportFile {
  format: ExportFormat
  /** The file's name inside the episode's folder. */
  name: string
  /** Its media type: in the page's head (`<link rel="alternate">`) and the dev server's content type. */
  type: string
  /** What the download menu and the head's `title` call it. */
  label: string
}

/** The transcript files the build writes beside each episode's page, with their media types. */
export const EXPORT_FILES: readonly ExportFile[] = [
  { format: 'json', name: 'transcript.json', type: 'application/json', label: 'Podcasting 2.0 transcript (JSON)' },
  { format: 'vtt', name: 'transcript.vtt', type: 'text/vtt', label: 'Captions (WebVTT)' },
  { format: 'srt', name: 'transcript.srt', type: 'application/x-subrip', label: 'Captions (SRT)' },
  { format: 'txt', name: 'transcript.txt', type: 'text/plain', label: 'Plain text' },
  {
    format: 'chapters',
    name: 'chapters.json',
    type: 'application/json+chapters',
    label: 'Podcasting 2.0 chapters (JSON)',
  },
]

/** Whether an episode's transcript is exported: when it has lines (an episode may have video only). */
export function hasExports(meta: { lineCount: number }): boolean {
  return meta.lineCount > 0
}

/** Where an export file is: `episodes/<slug>/<name>`, beside the episode's page. */
export function exportFile(slug: string, file: ExportFile): string {
  return `episodes/${encodeURIComponent(slug)}/${file.name}`
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

/**
 * A numbered chunk of a set named by one hash of the whole set (the search data's line chunks:
 * listing a hash for each of thousands would make the meta file, fetched first, much larger).
 */
export function numberedChunkName(kind: SearchChunkKind, setHash: string, k: number): string {
  return searchChunkName(kind, `${setHash}-${k}`)
}

/** A data file the site serves, as the dev server and the build read a request's path. */
export type DataFile =
  | { kind: 'catalog'; hash: string }
  | { kind: 'episode-data'; slug: string }
  | { kind: 'export'; slug: string; file: ExportFile }
  | { kind: 'search-data'; chunk: SearchChunkKind; hash: string }

/**
 * Which data file `rel` (relative to the base, with or without a leading `/`) names, if any.
 * The inverse of the builders above: `dataFileAt(episodeDataFile(s))` gives back `s`.
 */
export function dataFileAt(rel: string): DataFile | undefined {
  const p = rel.replace(/^\/+/, '')
  const catalog = /^data\/catalog\.([0-9a-f]+)\.json$/.exec(p)
  if (catalog?.[1]) return { kind: 'catalog', hash: catalog[1] }
  const exported = /^episodes\/([^/]+)\/([^/]+)$/.exec(p)
  const format = EXPORT_FILES.find((f) => f.name === exported?.[2])
  if (exported?.[1] && format) {
    try {
      return { kind: 'export', slug: decodeURIComponent(exported[1]), file: format }
    } catch {
      return undefined
    }
  }
  const search = /^data\/search-index\/(meta|words|lines|speakers)\.([0-9a-f]+(?:-[0-9]+)?)\.json$/.exec(p)
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
