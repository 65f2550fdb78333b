declare module 'virtual:playscript/catalog' {
  import type { CatalogEntry, EpisodeData } from './lib/episode/types.ts'
  /** Metadata of every episode, in file-name order. */
  export const episodes: CatalogEntry[]
  /** One lazy loader per episode slug. */
  export const loaders: Record<string, () => Promise<{ default: EpisodeData }>>
}
