import type { EpisodeData } from '../../lib/episode/types.ts'
import { formatDate } from '../../lib/labels/date.ts'
import { formatDuration } from '../../lib/time/time.ts'

const LINK_LABELS: Record<string, string> = {
  youtube: 'YouTube',
  spotify: 'Spotify',
  apple: 'Apple Podcasts',
  anchor: 'Anchor',
}

/** Facts under the title: guests, date, duration. */
export function EpisodeFacts({ episode }: { episode: EpisodeData }) {
  const { meta } = episode
  const facts: string[] = []
  if (meta.guestNames.length) facts.push(`With ${meta.guestNames.join(', ')}`)
  if (meta.date) facts.push(formatDate(meta.date))
  if (meta.durationSec) facts.push(formatDuration(meta.durationSec))
  if (meta.season !== undefined && meta.episode !== undefined)
    facts.push(`Season ${meta.season}, episode ${meta.episode}`)
  return <p className="episode-facts">{facts.join(' · ')}</p>
}

/** The listen/watch links, the intro and the rendered body. */
export function EpisodeAbout({ episode }: { episode: EpisodeData }) {
  return (
    <div className="episode-about">
      {episode.links.length ? (
        <ul className="listen-links" aria-label="Listen and watch">
          {episode.links.map((l) => (
            <li key={l.kind}>
              <a href={l.url} target="_blank" rel="noopener noreferrer">
                {LINK_LABELS[l.kind] ?? l.kind}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {episode.intro ? <p className="intro">{episode.intro}</p> : null}
      {/* Rendered and sanitised at build time: raw HTML escaped, unsafe links dropped. */}
      {episode.bodyHtml ? (
        <div className="episode-body" dangerouslySetInnerHTML={{ __html: episode.bodyHtml }} />
      ) : null}
    </div>
  )
}
