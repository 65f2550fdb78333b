import { Navigate, useParams } from 'react-router'
import { LoadNotice } from '../../components/LoadNotice.tsx'
import { NotFound } from '../../components/NotFound.tsx'
import { useLoad } from '../../components/use-load.ts'
import { episodePath } from '../../lib/url/episode-url.ts'
import { loadedEpisode, loadEpisode } from '../catalog.ts'

/**
 * A key moment's page (`/episodes/<slug>/moments/<n>`): its prerendered shell carries the
 * moment's preview; the app opens the episode playing the moment's range (`?t=START,END`).
 * A moment that is not there opens the episode.
 */
export function MomentRoute() {
  const { slug = '', n = '' } = useParams()
  const [state, retry] = useLoad(
    `episode ${slug}`,
    () => {
      const episode = loadedEpisode(slug)
      return episode ? { episode } : undefined
    },
    () => loadEpisode(slug).then((episode) => ({ episode })),
  )
  if (state.status === 'loading')
    return (
      <main id="main" className="episode-loading" aria-busy="true">
        <p className="muted">Loading…</p>
      </main>
    )
  if (state.status === 'failed')
    return (
      <main id="main" className="episode-loading">
        <h1>This moment could not be opened yet</h1>
        <LoadNotice what="this episode" kind={state.kind} onRetry={retry} />
      </main>
    )
  const { episode } = state.value
  if (!episode) return <NotFound what="episode" />
  const moment = /^\d+$/.test(n) ? episode.moments?.[Number(n) - 1] : undefined
  return <Navigate to={episodePath(slug, moment ? { range: moment } : {})} replace />
}
