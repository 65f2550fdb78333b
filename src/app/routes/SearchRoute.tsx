import { useEffect } from 'react'
import { CorpusSearchPanel } from '../../features/search/CorpusSearchPanel.tsx'
import { pageTitle } from '../../lib/site/routes.ts'

export function SearchRoute() {
  useEffect(() => {
    document.title = pageTitle({ route: 'search' })
  }, [])
  return (
    <main id="main" className="home">
      <h1>Search every episode</h1>
      {/* The search page is for searching: its code loads with the page. */}
      <CorpusSearchPanel autoFocus preload />
    </main>
  )
}
