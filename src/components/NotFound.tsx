import { Link } from 'react-router'

export function NotFound({ what = 'page' }: { what?: string }) {
  return (
    <main id="main" className="not-found">
      <h1>Not found</h1>
      <p>There is no {what} at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link to="/">See all episodes</Link>
      </p>
    </main>
  )
}
