/**
 * The server entry used by `npm run build` to prerender every page to HTML
 * (see scripts/prerender.ts). Runs in Node, once per page, at build time.
 */
import { StrictMode } from 'react'
import { StaticRouter } from 'react-router'
import { App } from './App.tsx'
import { loadCatalog, loadEpisode } from './catalog.ts'
import { loadEpisodeRoute } from './lazy-routes.ts'
import { renderStatic } from './render-static.tsx'
import { basePath } from '../lib/site/base.ts'
import { pageAt } from '../lib/site/routes.ts'

export { loadCatalog, loadEpisode }

/** Renders the page at `path` (relative to the app's base) to HTML. */
export async function renderPage(path: string): Promise<string> {
  const page = pageAt(path)
  if (page.route === 'episode') await Promise.all([loadEpisode(page.slug), loadEpisodeRoute()])
  // Wait for everything, lazy routes included, then write it all out: a static page, not a stream.
  try {
    return await renderStatic(
      <StrictMode>
        <StaticRouter location={basePath() + path} basename={basePath() || '/'}>
          <App />
        </StaticRouter>
      </StrictMode>,
    )
  } catch (error) {
    throw new Error(`rendering ${path} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    })
  }
}
