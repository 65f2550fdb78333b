import { useEffect, useRef, type MouseEvent } from 'react'
import { isPlainClick } from '../../components/plain-click.ts'
import type { KeyMoment } from '../../lib/episode/types.ts'
import { formatRange } from '../../lib/time/time-range.ts'
import { usePlayback } from '../../playback/playback-store.ts'

export interface KeyMomentsProps {
  moments: readonly KeyMoment[]
  /** A moment's link, relative to the episode page (`?t=78,221`). */
  hrefFor(moment: KeyMoment): string
  onCopy(moment: KeyMoment): void
}

/** Plays a moment as a quote: marked, from its start, pausing once at its end. */
export function playMoment(moment: KeyMoment): void {
  const store = usePlayback.getState()
  store.setQuote({ start: moment.start, end: moment.end })
  store.playQuote()
}

/**
 * The episode's key moments (picked by its authors): each plays as a quote and has its own
 * link to copy. Folded on a phone, so the transcript stays in reach.
 */
export function KeyMoments({ moments, hrefFor, onCopy }: KeyMomentsProps) {
  const ref = useRef<HTMLDetailsElement>(null)
  useEffect(() => {
    if (ref.current && window.matchMedia?.('(max-width: 899px)').matches) ref.current.open = false
  }, [])
  const quote = usePlayback((s) => s.quote)
  if (moments.length === 0) return null
  return (
    <nav aria-label="Key moments" className="key-moments">
      <details ref={ref} open>
        <summary>
          <h2>Key moments</h2> <span className="muted">({moments.length})</span>
        </summary>
        <ol className="moment-list">
          {moments.map((m, i) => {
            const current = quote?.start === m.start && quote.end === m.end
            const range = formatRange(m)
            return (
              <li key={i} className={current ? 'moment moment-current' : 'moment'}>
                <a
                  href={hrefFor(m)}
                  aria-current={current ? 'true' : undefined}
                  aria-label={`${m.name}, ${range.replace('–', ' to ')}: play this moment`}
                  onClick={(e: MouseEvent) => {
                    if (!isPlainClick(e)) return
                    e.preventDefault()
                    playMoment(m)
                  }}
                >
                  <span className="moment-time">{range}</span>
                  <span className="moment-name">{m.name}</span>
                </a>
                <button
                  type="button"
                  className="moment-copy needs-js"
                  aria-label={`Copy link to ${m.name}`}
                  onClick={() => onCopy(m)}
                >
                  Copy link
                </button>
              </li>
            )
          })}
        </ol>
      </details>
    </nav>
  )
}
