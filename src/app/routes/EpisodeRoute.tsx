import { useEffect, useState } from 'react'
import { useParams } from 'react-router'
import { NotFound } from '../../components/NotFound.tsx'
import type { EpisodeData } from '../../lib/episode/types.ts'
import { findEpisode, loadedEpisode, loadEpisode } from '../catalog.ts'
import { EpisodePage } from './EpisodePage.tsx'

export function EpisodeRoute() {
  const { slug = '' } = useParams()
  const meta = findEpisode(slug)
  const [episode, setEpisode] = useState<EpisodeData | undefined>(() => loadedEpisode(slug))
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    if (!meta || episode?.meta.slug === slug) return
    let live = true
    loadEpisode(slug).then(
      (e) => live && setEpisode(e),
      () => live && setFailed(true),
    )
    return () => {
      live = false
    }
  }, [slug, meta, episode])

  if (!meta) return <NotFound what="episode" />
  if (failed)
    return (
      <main id="main" className="not-found" role="alert">
        <h1>{meta.title}</h1>
        <p>The transcript could not be downloaded. Check your connection and reload the page.</p>
      </main>
    )
  if (episode?.meta.slug !== slug)
    return (
      <main id="main" className="episode-loading" aria-busy="true">
        <h1>{meta.title}</h1>
        <p className="muted">Loading the transcript…</p>
      </main>
    )
  return <EpisodePage key={slug} episode={episode} />
}
