import { useEffect } from 'react'
import { useParams } from 'react-router'
import { LoadNotice } from '../../components/LoadNotice.tsx'
import { NotFound } from '../../components/NotFound.tsx'
import { useLoad } from '../../components/use-load.ts'
import { loadedEpisode, loadEpisode } from '../catalog.ts'
import { loadedEpisodeRoute, loadEpisodeRoute } from '../lazy-routes.ts'
import { titled } from '../../lib/site/routes.ts'

/** An episode page: its code and its data load together; each failure says what happened and can be retried. */
export function EpisodeRoute() {
  const { slug = '' } = useParams()
  const [state, retry] = useLoad(
    `episode ${slug}`,
    () => {
      const page = loadedEpisodeRoute()
      const episode = loadedEpisode(slug)
      return page && episode ? { page, episode } : undefined
    },
    () => Promise.all([loadEpisodeRoute(), loadEpisode(slug)]).then(([page, episode]) => ({ page, episode })),
  )
  useEffect(() => {
    if (state.status === 'failed') document.title = titled('Episode not loaded')
  }, [state.status])

  if (state.status === 'loading')
    return (
      <main id="main" className="episode-loading" aria-busy="true">
        <p className="muted">Loading the transcript…</p>
      </main>
    )
  if (state.status === 'failed')
    return (
      <main id="main" className="episode-loading">
        <h1>This episode could not be loaded</h1>
        <LoadNotice what="this episode" kind={state.kind} onRetry={retry} />
      </main>
    )
  const { page, episode } = state.value
  if (!episode) return <NotFound what="episode" />
  return <page.EpisodePage key={slug} episode={episode} />
}
