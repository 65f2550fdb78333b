import { startTransition, StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { App } from './App.tsx'
import { loadCatalog, loadEpisode } from './catalog.ts'
import { loadEpisodeRoute } from './lazy-routes.ts'
import { basePath, episodeSlugFromPath, normalisePath, pathInApp } from './paths.ts'
import '../styles/global.css'

async function start(container: HTMLElement): Promise<void> {
  const app = (
    <StrictMode>
      <BrowserRouter basename={basePath() || '/'}>
        <App />
      </BrowserRouter>
    </StrictMode>
  )
  // A prerendered page says which path it was rendered for. Hydrate it when it is this one (after
  // loading what it was rendered with, so the first render matches); otherwise (a 404 fallback,
  // a short-link shell) render afresh.
  const renderedFor = container.dataset.path
  if (renderedFor && renderedFor === normalisePath(pathInApp(window.location.pathname))) {
    const slug = episodeSlugFromPath(renderedFor)
    if (slug) await Promise.all([loadEpisode(slug), loadEpisodeRoute()])
    else if (renderedFor === '/') await loadCatalog()
    // As a transition, hydration yields to the browser every few milliseconds instead of blocking
    // it for the whole page: a 5,000-line transcript stays scrollable while it hydrates.
    startTransition(() => {
      hydrateRoot(container, app)
    })
  } else {
    container.replaceChildren()
    createRoot(container).render(app)
  }
}

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')
void start(container)
