/**
 * The episodes the build bundled: metadata for all, and a cached lazy loader
 * per episode (one chunk each, so the home page downloads no transcript).
 */
import { dataUrls, episodes, loaders } from 'virtual:playscript/catalog'
import type { EpisodeData, CatalogEntry } from '../lib/episode/types.ts'
import { shortCode } from '../lib/url/episode-url.ts'

/** Newest first: by date, then season and episode, then title. */
export const catalog: readonly CatalogEntry[] = [...episodes].sort(
  (a, b) =>
    (b.date ?? '').localeCompare(a.date ?? '') ||
    (b.season ?? -1) - (a.season ?? -1) ||
    (b.episode ?? -1) - (a.episode ?? -1) ||
    a.title.localeCompare(b.title),
)

const bySlug = new Map(catalog.map((m) => [m.slug, m]))
const byShortCode = new Map<string, CatalogEntry>()
for (const m of catalog) {
  const code = shortCode(m.season, m.episode)
  if (code && !byShortCode.has(code)) byShortCode.set(code, m)
}

export function findEpisode(slug: string): CatalogEntry | undefined {
  return bySlug.get(slug)
}

export function findByShortCode(code: string): CatalogEntry | undefined {
  return byShortCode.get(code.toLowerCase())
}

const loaded = new Map<string, EpisodeData>()

/** The episode's data if already loaded (synchronously), for hydration and re-visits. */
export function loadedEpisode(slug: string): EpisodeData | undefined {
  return loaded.get(slug)
}

/** Where the browser fetches an episode's data (for a preload link in its page). */
export function episodeDataUrl(slug: string): string | undefined {
  const file = dataUrls[slug]
  return file ? `${import.meta.env.BASE_URL}${file}` : undefined
}

async function fetchJson(url: string): Promise<EpisodeData> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`)
  return (await response.json()) as EpisodeData
}

export async function loadEpisode(slug: string): Promise<EpisodeData | undefined> {
  const hit = loaded.get(slug)
  if (hit) return hit
  const load = loaders[slug]
  const url = episodeDataUrl(slug)
  if (!load && !url) return undefined
  const data = load ? await load() : await fetchJson(url as string)
  loaded.set(slug, data)
  return data
}
