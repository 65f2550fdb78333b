declare module 'virtual:playscript/catalog' {
  import type { CatalogEntry, EpisodeData } from './lib/episode/types.ts'
  /** Metadata of every episode, in file-name order. */
  export const episodes: CatalogEntry[]
  /** One lazy loader per episode slug. */
  export const loaders: Record<string, () => Promise<{ default: EpisodeData }>>
}

declare module 'virtual:playscript/search-index' {
  import type { CorpusIndexData } from './lib/search/corpus-search.ts'
  const data: CorpusIndexData
  export default data
}
