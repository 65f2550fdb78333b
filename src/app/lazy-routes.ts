/** Code loaded on demand; exported so a prerendered page can load its own before hydrating. */
import { importChunk } from '../components/new-version.ts'
import type * as EpisodePageModuleType from './routes/EpisodePage.tsx'

type EpisodePageModule = typeof EpisodePageModuleType
let episodePage: EpisodePageModule | undefined

/** The episode page's code (player, store, transcript); rejects with a `LoadFailure`, and a later call tries again. */
export function loadEpisodeRoute(): Promise<EpisodePageModule> {
  if (episodePage) return Promise.resolve(episodePage)
  return importChunk('episode page', () => import('./routes/EpisodePage.tsx')).then((m) => (episodePage = m))
}

/** The episode page's code if already loaded (synchronously): for hydration and re-visits. */
export function loadedEpisodeRoute(): EpisodePageModule | undefined {
  return episodePage
}
