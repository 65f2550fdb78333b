import { useEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import type { CatalogEntry } from '../../lib/episode/types.ts'
import { countOf } from '../../lib/labels/count.ts'
import { formatDate } from '../../lib/labels/date.ts'
import { formatDuration } from '../../lib/time/time.ts'
import { episodePath, shortCode, youtubeThumbnailUrl } from '../../lib/url/episode-url.ts'
import { withBase } from '../../lib/site/base.ts'

const PLACEHOLDER = withBase('placeholder-thumbnail.svg')

/**
 * One episode in the list, compact: a small thumbnail beside the code and date, the title, the
 * guests and the facts, so a screen shows many episodes. Each fact keeps its words together.
 */
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
  const eyebrow = [code?.toUpperCase(), meta.date ? formatDate(meta.date) : undefined].filter(Boolean)
  const facts = [
    meta.durationSec ? formatDuration(meta.durationSec) : undefined,
    meta.lineCount ? countOf(meta.lineCount, 'line') : 'Video only',
  ].filter((f): f is string => Boolean(f))
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
        {eyebrow.length ? <p className="eyebrow">{eyebrow.join(' · ')}</p> : null}
        <h3>
          <Link to={episodePath(meta.slug)}>{meta.title}</Link>
        </h3>
        {meta.guestNames.length ? <p className="guests">With {meta.guestNames.join(', ')}</p> : null}
        <p className="muted card-facts">
          {facts.map((f, i) => (
            <span key={f}>
              {i > 0 ? ' · ' : null}
              <span className="nowrap">{f}</span>
            </span>
          ))}
        </p>
        {meta.topics.length ? (
          <ul className="topics" aria-label="Topics">
            {meta.topics.slice(0, 3).map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </article>
  )
}
