/**
 * The episodes the build bundled: metadata for all, and a cached lazy loader
 * per episode (one chunk each, so the home page downloads no transcript).
 */
import { episodes, loaders } from 'virtual:playscript/catalog'
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

export async function loadEpisode(slug: string): Promise<EpisodeData | undefined> {
  const hit = loaded.get(slug)
  if (hit) return hit
  const load = loaders[slug]
  if (!load) return undefined
  const mod = await load()
  loaded.set(slug, mod.default)
  return mod.default
}
