/**
 * The bundled episodes, as data the page fetches when it needs it (not code in
 * its first download): the catalog of all episodes' metadata (home page, short
 * links), and one file per episode with its transcript. When prerendering, the
 * same data comes from modules instead.
 */
import { catalogFile, episodes as prerenderCatalog, loaders } from 'virtual:playscript/catalog'
import type { CatalogEntry, EpisodeData } from '../lib/episode/types.ts'
import { fetchJson } from '../lib/load/fetch-json.ts'
import { LoadFailure } from '../lib/load/failure.ts'
import { shortCode } from '../lib/url/episode-url.ts'
import { sortCatalog } from '../lib/catalog/order.ts'
import { episodeDataFile } from '../lib/site/files.ts'
import { withBase } from '../lib/site/base.ts'
import { reloadIfNewVersion } from '../components/new-version.ts'

/** Newest first: by date, then season and episode, then title (undated episodes among their neighbours). */
export { sortCatalog }

export interface Catalog {
  entries: readonly CatalogEntry[]
  bySlug: ReadonlyMap<string, CatalogEntry>
  byShortCode: ReadonlyMap<string, CatalogEntry>
}

function makeCatalog(list: readonly CatalogEntry[]): Catalog {
  const entries = sortCatalog(list)
  const byShortCode = new Map<string, CatalogEntry>()
  for (const m of entries) {
    const code = shortCode(m.season, m.episode)
    if (code && !byShortCode.has(code)) byShortCode.set(code, m)
  }
  return { entries, bySlug: new Map(entries.map((m) => [m.slug, m])), byShortCode }
}

let catalog: Catalog | undefined = prerenderCatalog.length ? makeCatalog(prerenderCatalog) : undefined
// Only a load in flight is shared; a failed one is forgotten, so the next call asks again.
let catalogLoad: Promise<Catalog> | undefined

/** Where the browser fetches the catalog (for a preload link). */
export function catalogUrl(): string {
  return withBase(catalogFile)
}

/** The catalog if already loaded (synchronously): for hydration and re-visits. */
export function loadedCatalog(): Catalog | undefined {
  return catalog
}

/** The catalog; rejects with a `LoadFailure`. A failed load is not remembered: calling again retries. */
export function loadCatalog(): Promise<Catalog> {
  if (catalog) return Promise.resolve(catalog)
  catalogLoad ??= fetchJson<unknown>(catalogUrl()).then(
    (list) => {
      if (!Array.isArray(list)) throw new LoadFailure('corrupt', `${catalogUrl()}: not a list`)
      catalogLoad = undefined
      return (catalog = makeCatalog(list as CatalogEntry[]))
    },
    async (err: unknown) => {
      catalogLoad = undefined
      // The catalog's name changes with its content: missing, it was likely replaced by a deploy.
      if (err instanceof LoadFailure && err.kind === 'not-found') await reloadIfNewVersion()
      throw err
    },
  )
  return catalogLoad
}

/** Where the browser fetches an episode's data, relative to the site. */
export function episodeDataUrl(slug: string): string {
  return withBase(episodeDataFile(slug))
}

const loaded = new Map<string, EpisodeData>()

/** The episode's data if already loaded (synchronously): for hydration and re-visits. */
export function loadedEpisode(slug: string): EpisodeData | undefined {
  return loaded.get(slug)
}

function isEpisodeData(data: unknown): data is EpisodeData {
  const d = data as Partial<EpisodeData> | null
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.meta === 'object' &&
    d.meta !== null &&
    typeof d.timeline === 'object' &&
    d.timeline !== null &&
    Array.isArray(d.timeline.lines)
  )
}

/**
 * The episode's data, or undefined when there is no such episode (its file is missing and the
 * catalog does not list it). Rejects with a `LoadFailure` otherwise; a failed load is not remembered.
 */
export async function loadEpisode(slug: string): Promise<EpisodeData | undefined> {
  const hit = loaded.get(slug)
  if (hit) return hit
  const load = loaders[slug]
  if (load) {
    const data = await load()
    loaded.set(slug, data)
    return data
  }
  // Prerendering has every episode's loader: one without is not an episode.
  if (import.meta.env.SSR) return undefined
  let data: unknown
  try {
    data = await fetchJson<unknown>(episodeDataUrl(slug))
  } catch (err) {
    // "Not found" only when the episode truly is not there: a file missing for a listed episode is a failure.
    if (err instanceof LoadFailure && err.kind === 'not-found') {
      if (!(await loadCatalog()).bySlug.has(slug)) return undefined
      await reloadIfNewVersion()
    }
    throw err
  }
  if (!isEpisodeData(data)) throw new LoadFailure('corrupt', `${episodeDataUrl(slug)}: not an episode`)
  loaded.set(slug, data)
  return data
}
