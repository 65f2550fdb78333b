import { useEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import type { CatalogEntry } from '../../lib/episode/types.ts'
import { formatDuration } from '../../lib/time/time.ts'
import { episodePath, shortCode, youtubeThumbnailUrl } from '../../lib/url/episode-url.ts'
import { withBase } from '../../lib/site/base.ts'

const PLACEHOLDER = withBase('placeholder-thumbnail.svg')

export function EpisodeCard({ meta }: { meta: CatalogEntry }) {
  const [thumb, setThumb] = useState(() => youtubeThumbnailUrl(meta.youtubeId))
  const img = useRef<HTMLImageElement>(null)
  // A thumbnail that failed before the app took over the prerendered page fired its error
  // event unheard: check once after mounting.
  useEffect(() => {
    const el = img.current
    if (el && el.complete && el.naturalWidth === 0) setThumb(PLACEHOLDER)
  }, [])
  const code = shortCode(meta.season, meta.episode)
  const facts = [
    meta.date,
    meta.durationSec ? formatDuration(meta.durationSec) : undefined,
    meta.lineCount ? `${meta.lineCount} lines` : 'Video only',
  ]
  return (
    <article className="episode-card">
      <img
        ref={img}
        className="thumb"
        src={thumb}
        alt=""
        loading="lazy"
        width={480}
        height={360}
        onError={() => setThumb(PLACEHOLDER)}
      />
      <div className="card-body">
        {code ? <p className="eyebrow">{code.toUpperCase()}</p> : null}
        <h3>
          <Link to={episodePath(meta.slug)}>{meta.title}</Link>
        </h3>
        {meta.guestNames.length ? <p className="guests">With {meta.guestNames.join(', ')}</p> : null}
        <p className="muted card-facts">{facts.filter(Boolean).join(' · ')}</p>
        {meta.topics.length ? (
          <ul className="topics" aria-label="Topics">
            {meta.topics.slice(0, 4).map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </article>
  )
}
