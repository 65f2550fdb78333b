import { useEffect } from 'react'
import { EpisodeCard } from '../../features/catalog/EpisodeCard.tsx'
import { catalog } from '../catalog.ts'

export function HomeRoute() {
  useEffect(() => {
    document.title = 'Playscript · follow, search and share podcast episodes by their transcript'
  }, [])
  return (
    <main id="main" className="home">
      <div className="home-intro">
        <h1>Every episode, every word</h1>
        <p>Watch an episode with its transcript in step, jump to the chapter you need, and share any moment as a link.</p>
      </div>
      <section aria-labelledby="episodes-heading">
        <h2 id="episodes-heading">
          Episodes <span className="muted">({catalog.length})</span>
        </h2>
        {catalog.length === 0 ? <p>No episodes yet. Add episode files to the episodes folder and rebuild.</p> : null}
        <ul className="episode-grid">
          {catalog.map((m) => (
            <li key={m.slug}>
              <EpisodeCard meta={m} />
            </li>
          ))}
        </ul>
      </section>
    </main>
  )
}
