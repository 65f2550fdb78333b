import { useEffect } from 'react'
import { Link, Navigate, Route, Routes, useLocation, useParams } from 'react-router'
import { ErrorBoundary } from '../components/ErrorBoundary.tsx'
import { NotFound } from '../components/NotFound.tsx'
import { Toast } from '../components/Toast.tsx'
import { useTopOnNewPage } from '../components/use-restored-scroll.ts'
import { episodePath, parseShortCode, shortCode } from '../lib/url/episode-url.ts'
import { LoadNotice } from '../components/LoadNotice.tsx'
import { useCatalog } from './use-catalog.ts'
import { EpisodeRoute } from './routes/EpisodeRoute.tsx'
import { HomeRoute } from './routes/HomeRoute.tsx'
import { MomentRoute } from './routes/MomentRoute.tsx'
import { SearchRoute } from './routes/SearchRoute.tsx'
import { pagePath, ROUTES } from '../lib/site/routes.ts'

function PageLoading() {
  return (
    <main id="main" className="episode-loading" aria-busy="true">
      <p className="muted">Loading…</p>
    </main>
  )
}

function ShortLink() {
  const { code = '' } = useParams()
  const { search } = useLocation()
  const [state, retry] = useCatalog()
  if (state.status === 'loading') return <PageLoading />
  if (state.status === 'failed')
    return (
      <main id="main" className="episode-loading">
        <h1>This link could not be opened yet</h1>
        <LoadNotice
          what="the list of episodes"
          kind={state.kind}
          note="It is needed to find the episode this link points to."
          onRetry={retry}
        />
      </main>
    )
  const catalog = state.value
  // `/s11e03`, `/S11E3`: the same episode.
  const parsed = parseShortCode(code)
  const episode = parsed ? catalog.byShortCode.get(shortCode(parsed.season, parsed.episode) ?? '') : undefined
  if (!episode) return <NotFound />
  // Keep the query: `/s11e03?t=1:02:28` opens the episode at that time.
  return <Navigate to={`${episodePath(episode.slug)}${search}`} replace />
}

export function App() {
  // A fresh boundary per page: after an error, going to another page shows that page.
  const { pathname } = useLocation()
  // Says the page is live (hydrated or rendered, the router listening), for tests and tools.
  useEffect(() => {
    document.documentElement.dataset.app = 'ready'
  }, [])
  useTopOnNewPage()
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          <span aria-hidden="true" className="brand-mark">
            ▶
          </span>
          Playscript
        </Link>
        <nav aria-label="Site">
          <Link to={pagePath({ route: 'home' })}>All episodes</Link>
          <Link to={pagePath({ route: 'search' })}>Search</Link>
        </nav>
      </header>
      <ErrorBoundary key={pathname}>
        <Routes>
          <Route path={ROUTES.home.pattern} element={<HomeRoute />} />
          {/* The episode page's code (player, store, transcript) loads only when an episode is opened. */}
          <Route path={ROUTES.episode.pattern} element={<EpisodeRoute />} />
          <Route path={ROUTES.moment.pattern} element={<MomentRoute />} />
          <Route path={ROUTES.search.pattern} element={<SearchRoute />} />
          <Route path={ROUTES['short-link'].pattern} element={<ShortLink />} />
          <Route path={ROUTES['not-found'].pattern} element={<NotFound />} />
        </Routes>
      </ErrorBoundary>
      <Toast />
    </>
  )
}
