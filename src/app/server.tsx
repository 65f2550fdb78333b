/**
 * The server entry used by `npm run build` to prerender every page to HTML
 * (see scripts/prerender.ts). Runs in Node, once per page, at build time.
 */
import { StrictMode } from 'react'
import { prerenderToNodeStream } from 'react-dom/static'
import { StaticRouter } from 'react-router'
import { App } from './App.tsx'
import { catalog, loadEpisode } from './catalog.ts'
import { loadEpisodeRoute } from './lazy-routes.ts'
import { basePath, episodeSlugFromPath } from './paths.ts'

export { catalog, loadEpisode }

/** Renders the page at `path` (relative to the app's base) to HTML. */
export async function renderPage(path: string): Promise<string> {
  const slug = episodeSlugFromPath(path)
  if (slug) await Promise.all([loadEpisode(slug), loadEpisodeRoute()])
  const errors: unknown[] = []
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <StaticRouter location={basePath() + path} basename={basePath() || '/'}>
        <App />
      </StaticRouter>
    </StrictMode>,
    { onError: (error) => void errors.push(error) },
  )
  if (errors.length) throw new Error(`rendering ${path} failed: ${String(errors[0])}`)
  const chunks: Buffer[] = []
  for await (const chunk of prelude) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8')
}
