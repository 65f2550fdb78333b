import { lazy, Suspense } from 'react'
import { Link, Navigate, Route, Routes, useLocation, useParams } from 'react-router'
import { ErrorBoundary } from '../components/ErrorBoundary.tsx'
import { NotFound } from '../components/NotFound.tsx'
import { Toast } from '../components/Toast.tsx'
import { episodePath, parseShortCode, shortCode } from '../lib/url/episode-url.ts'
import { loadEpisodeRoute } from './lazy-routes.ts'
import { useCatalog } from './use-catalog.ts'
import { HomeRoute } from './routes/HomeRoute.tsx'
import { SearchRoute } from './routes/SearchRoute.tsx'

// The episode page (player, store, transcript) loads only when an episode is opened.
const EpisodeRoute = lazy(() => loadEpisodeRoute().then((m) => ({ default: m.EpisodeRoute })))

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
  const catalog = useCatalog()
  if (!catalog) return <PageLoading />
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
          <Link to="/">All episodes</Link>
          <Link to="/search">Search</Link>
        </nav>
      </header>
      <ErrorBoundary key={pathname}>
        <Routes>
          <Route path="/" element={<HomeRoute />} />
          <Route
            path="/episodes/:slug"
            element={
              <Suspense fallback={<PageLoading />}>
                <EpisodeRoute />
              </Suspense>
            }
          />
          <Route path="/search" element={<SearchRoute />} />
          <Route path="/:code" element={<ShortLink />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </ErrorBoundary>
      <Toast />
    </>
  )
}
