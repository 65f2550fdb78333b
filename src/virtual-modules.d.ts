declare module 'virtual:playscript/catalog' {
  import type { EpisodeData, EpisodeMeta } from './lib/episode/types.ts'
  /** Metadata of every episode, in file-name order. */
  export const episodes: EpisodeMeta[]
  /** One lazy loader per episode slug. */
  export const loaders: Record<string, () => Promise<{ default: EpisodeData }>>
}
