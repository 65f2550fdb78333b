import { useEffect, useState } from 'react'
import { useParams } from 'react-router'
import { NotFound } from '../../components/NotFound.tsx'
import type { EpisodeData } from '../../lib/episode/types.ts'
import { loadedEpisode, loadEpisode } from '../catalog.ts'
import { EpisodePage } from './EpisodePage.tsx'

export function EpisodeRoute() {
  const { slug = '' } = useParams()
  const [state, setState] = useState<{ slug: string; episode: EpisodeData | undefined; failed: boolean } | null>(() => {
    const episode = loadedEpisode(slug)
    return episode ? { slug, episode, failed: false } : null
  })
  const current = state?.slug === slug ? state : null

  useEffect(() => {
    if (current) return
    let live = true
    loadEpisode(slug).then(
      (episode) => live && setState({ slug, episode, failed: false }),
      () => live && setState({ slug, episode: undefined, failed: true }),
    )
    return () => {
      live = false
    }
  }, [slug, current])

  if (!current)
    return (
      <main id="main" className="episode-loading" aria-busy="true">
        <p className="muted">Loading the transcript…</p>
      </main>
    )
  if (current.failed)
    return (
      <main id="main" className="not-found" role="alert">
        <h1>This episode could not be loaded</h1>
        <p>Its transcript could not be downloaded. Check your connection and reload the page.</p>
      </main>
    )
  if (!current.episode) return <NotFound what="episode" />
  return <EpisodePage key={slug} episode={current.episode} />
}
