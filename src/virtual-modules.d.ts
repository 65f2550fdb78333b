declare module 'virtual:playscript/catalog' {
  import type { CatalogEntry, EpisodeData } from './lib/episode/types.ts'
  /** Metadata of every episode (prerendering only; empty in the browser, which fetches `catalogFile`). */
  export const episodes: CatalogEntry[]
  /** One lazy loader per episode slug (prerendering only; empty in the browser). */
  export const loaders: Record<string, () => Promise<EpisodeData>>
  /** The catalog's JSON file, relative to the site's base (browser only). */
  export const catalogFile: string
}

declare module 'virtual:playscript/search-index' {
  import type { SearchPostingsFiles } from './lib/search/chunks.ts'
  /** The search data's meta file, relative to the site's base; it names the other chunks (same folder). */
  export const metaFile: string
  /** The postings chunks (same folder): a query's first ones are fetched beside the meta file. */
  export const postings: SearchPostingsFiles
}
