/**
 * The server entry used by `npm run build` to prerender every page to HTML
 * (see scripts/prerender.ts). Runs in Node, once per page, at build time.
 */
import { StrictMode } from 'react'
import { renderToPipeableStream } from 'react-dom/server'
import { Writable } from 'node:stream'
import { StaticRouter } from 'react-router'
import { App } from './App.tsx'
import { loadCatalog, loadEpisode } from './catalog.ts'
import { loadEpisodeRoute } from './lazy-routes.ts'
import { basePath, episodeSlugFromPath } from './paths.ts'

export { loadCatalog, loadEpisode }

/** Renders the page at `path` (relative to the app's base) to HTML. */
export async function renderPage(path: string): Promise<string> {
  const slug = episodeSlugFromPath(path)
  if (slug) await Promise.all([loadEpisode(slug), loadEpisodeRoute()])
  // Wait for everything, lazy routes included, then write it all out: a static page, not a stream.
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    const sink = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
        done()
      },
      final(done) {
        resolve(Buffer.concat(chunks).toString('utf8'))
        done()
      },
    })
    let failed: unknown = null
    const stream = renderToPipeableStream(
      <StrictMode>
        <StaticRouter location={basePath() + path} basename={basePath() || '/'}>
          <App />
        </StaticRouter>
      </StrictMode>,
      {
        onAllReady: () => {
          if (failed) reject(new Error(`rendering ${path} failed: ${String(failed)}`))
          else stream.pipe(sink)
        },
        onShellError: (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
        onError: (error: unknown) => {
          failed ??= error
        },
      },
    )
  })
}