import { useEffect } from 'react'
import { CorpusSearchPanel } from '../../features/search/CorpusSearchPanel.tsx'

export function SearchRoute() {
  useEffect(() => {
    document.title = 'Search every episode · Playscript'
  }, [])
  return (
    <main id="main" className="home">
      <h1>Search every episode</h1>
      <CorpusSearchPanel autoFocus />
    </main>
  )
}
