import { useEffect, useMemo } from 'react'
import { LoadNotice } from '../../components/LoadNotice.tsx'
import { useUrlState } from '../../components/use-url-state.ts'
import { CatalogFilters } from '../../features/catalog/CatalogFilters.tsx'
import { CorpusSearchPanel } from '../../features/search/CorpusSearchPanel.tsx'
import { EpisodeCard } from '../../features/catalog/EpisodeCard.tsx'
import { filterCatalog, readCatalogFilter, seasonsOf, topicsOf, writeCatalogFilter } from '../../lib/catalog/filter.ts'
import type { CatalogEntry } from '../../lib/episode/types.ts'
import { useCatalog } from '../use-catalog.ts'
import { pageTitle } from '../../lib/site/routes.ts'

const NONE: readonly CatalogEntry[] = []

export function HomeRoute() {
  const [filter, setFilter] = useUrlState(readCatalogFilter, writeCatalogFilter)
  const [state, retry] = useCatalog()
  const catalog = state.status === 'ready' ? state.value.entries : NONE
  const seasons = useMemo(() => seasonsOf(catalog), [catalog])
  const topics = useMemo(() => topicsOf(catalog), [catalog])
  const shown = useMemo(() => filterCatalog(catalog, filter), [catalog, filter])
  useEffect(() => {
    document.title = pageTitle({ route: 'home' })
  }, [])
  return (
    <main id="main" className="home">
      <div className="home-intro">
        <h1>Every episode, every word</h1>
        <p>
          Watch an episode with its transcript in step, jump to the chapter you need, and share any moment as a link.
        </p>
      </div>
      <section aria-labelledby="search-heading" className="home-search needs-js">
        <h2 id="search-heading">Find what anyone said</h2>
        <CorpusSearchPanel />
      </section>
      <section aria-labelledby="episodes-heading">
        <h2 id="episodes-heading">Episodes</h2>
        {state.status === 'loading' ? (
          <p className="muted">Loading the episodes…</p>
        ) : state.status === 'failed' ? (
          <LoadNotice what="the list of episodes" kind={state.kind} onRetry={retry} />
        ) : catalog.length === 0 ? (
          <p>No episodes yet. Add episode files to the episodes folder and rebuild.</p>
        ) : (
          <CatalogFilters
            filter={filter}
            seasons={seasons}
            topics={topics}
            shown={shown.length}
            total={catalog.length}
            onChange={setFilter}
          />
        )}
        {catalog.length > 0 && shown.length === 0 ? (
          <p>No episode matches. Try fewer words, or another season or topic.</p>
        ) : null}
        <ul className="episode-grid">
          {shown.map((m) => (
            <li key={m.slug}>
              <EpisodeCard meta={m} />
            </li>
          ))}
        </ul>
      </section>
    </main>
  )
}
