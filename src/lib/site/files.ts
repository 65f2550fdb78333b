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

/** A data file the site serves, as the dev server and the build read a request's path. */
export type DataFile = { kind: 'catalog'; hash: string } | { kind: 'episode-data'; slug: string }

/**
 * Which data file `rel` (relative to the base, with or without a leading `/`) names, if any.
 * The inverse of the builders above: `dataFileAt(episodeDataFile(s))` gives back `s`.
 */
export function dataFileAt(rel: string): DataFile | undefined {
  const p = rel.replace(/^\/+/, '')
  const catalog = /^data\/catalog\.([0-9a-f]+)\.json$/.exec(p)
  if (catalog?.[1]) return { kind: 'catalog', hash: catalog[1] }
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
