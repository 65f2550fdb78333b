import { startTransition, StrictMode, type ReactNode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { App } from './App.tsx'
import { loadCatalog, loadEpisode } from './catalog.ts'
import { loadEpisodeRoute } from './lazy-routes.ts'
import { loadBeforeHydrating } from './load-before-hydrating.tsx'
import { basePath, normalisePath, pathInApp } from '../lib/site/base.ts'
import { pageAt } from '../lib/site/routes.ts'
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
    const page = pageAt(renderedFor)
    if (page.route === 'episode') {
      const { slug } = page
      // Until the data and code load, the prerendered transcript stays readable, with a notice.
      let found = true
      await loadBeforeHydrating(
        () => Promise.all([loadEpisode(slug), loadEpisodeRoute()]).then(([episode]) => (found = episode !== undefined)),
        {
          what: 'this episode’s timings',
          title: 'Playback and sync are unavailable',
          note: 'The transcript below is still here to read.',
        },
        container,
      )
      // Gone since this page was built: render afresh (the not-found page) rather than hydrate.
      if (!found) return renderAfresh(container, app)
    } else if (page.route === 'home') {
      await loadBeforeHydrating(
        loadCatalog,
        {
          what: 'the data for filtering episodes',
          title: 'Filters are unavailable',
          note: 'The episodes below can still be opened.',
        },
        container,
      )
    }
    // As a transition, hydration yields to the browser every few milliseconds instead of blocking
    // it for the whole page: a 5,000-line transcript stays scrollable while it hydrates.
    startTransition(() => {
      hydrateRoot(container, app)
    })
  } else {
    renderAfresh(container, app)
  }
}

function renderAfresh(container: HTMLElement, app: ReactNode): void {
  container.replaceChildren()
  createRoot(container).render(app)
}

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')
void start(container)
