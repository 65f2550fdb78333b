/**
 * The bundled episodes, as data the page fetches when it needs it (not code in
 * its first download): the catalog of all episodes' metadata (home page, short
 * links), and one file per episode with its transcript. When prerendering, the
 * same data comes from modules instead.
 */
import { catalogFile, episodes as prerenderCatalog, loaders } from 'virtual:playscript/catalog'
import type { CatalogEntry, EpisodeData } from '../lib/episode/types.ts'
import { shortCode } from '../lib/url/episode-url.ts'
import { sortCatalog } from '../lib/catalog/order.ts'

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
let catalogLoad: Promise<Catalog> | undefined

async function fetchJson<T>(url: string): Promise<T | undefined> {
  const response = await fetch(url)
  // A missing file is a 404, or, on hosts that answer every path with the app, a page that is not JSON.
  if (response.status === 404 || !(response.headers.get('content-type') ?? '').includes('json')) return undefined
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`)
  return (await response.json()) as T
}

/** Where the browser fetches the catalog (for a preload link). */
export function catalogUrl(): string {
  return `${import.meta.env.BASE_URL}${catalogFile}`
}

/** The catalog if already loaded (synchronously): for hydration and re-visits. */
export function loadedCatalog(): Catalog | undefined {
  return catalog
}

export function loadCatalog(): Promise<Catalog> {
  if (catalog) return Promise.resolve(catalog)
  catalogLoad ??= fetchJson<CatalogEntry[]>(catalogUrl()).then((list) => (catalog = makeCatalog(list ?? [])))
  return catalogLoad
}

/** Where the browser fetches an episode's data, relative to the site. */
export function episodeDataUrl(slug: string): string {
  return `${import.meta.env.BASE_URL}data/episodes/${encodeURIComponent(slug)}.json`
}

const loaded = new Map<string, EpisodeData>()

/** The episode's data if already loaded (synchronously): for hydration and re-visits. */
export function loadedEpisode(slug: string): EpisodeData | undefined {
  return loaded.get(slug)
}

/** The episode's data, or undefined when there is no such episode. */
export async function loadEpisode(slug: string): Promise<EpisodeData | undefined> {
  const hit = loaded.get(slug)
  if (hit) return hit
  const load = loaders[slug]
  const data = load ? await load() : await fetchJson<EpisodeData>(episodeDataUrl(slug))
  if (data) loaded.set(slug, data)
  return data
}
