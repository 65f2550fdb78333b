import { forwardRef, useId, useState, type KeyboardEvent } from 'react'
import { Highlighted } from '../../components/Highlighted.tsx'
import type { Chapter, TimedLine } from '../../lib/episode/types.ts'
import { countOf, formatCount } from '../../lib/labels/count.ts'
import { describeFailure } from '../../lib/load/failure.ts'
import { snippet } from '../../lib/search/highlight.ts'
import { episodeSearchStatus } from '../../lib/search/status.ts'
import { timeLabel } from '../../lib/time/time.ts'
import { PartialNote } from './PartialNote.tsx'
import type { EpisodeSearchState } from './use-episode-search.ts'

/** Results listed at most; the count says how many there are. */
const MAX_LISTED = 100

export interface EpisodeSearchPanelProps {
  search: EpisodeSearchState
  lines: readonly TimedLine[]
  chapters: readonly Chapter[]
  onSeekLine(line: TimedLine): void
  onSeekChapter(chapter: Chapter): void
}

export const EpisodeSearchPanel = forwardRef<HTMLInputElement, EpisodeSearchPanelProps>(function EpisodeSearchPanel(
  { search, lines, chapters, onSeekLine, onSeekChapter },
  inputRef,
) {
  const { result, current, query, speakers, active } = search
  // A speaker filter alone lists no results: the transcript under the panel shows that speaker's
  // lines already. Results (and ↑ ↓) are for what is typed.
  const querying = query.trim() !== ''
  const total = querying ? result.lines.length : 0
  const [speakersOpen, setSpeakersOpen] = useState(false)
  const id = useId()
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      search.move(e.shiftKey ? -1 : 1)
    } else if (e.key === 'Escape' && query) {
      e.preventDefault()
      search.setQuery('')
    }
  }
  const toggleSpeaker = (name: string, on: boolean) =>
    search.setSpeakers(on ? [...speakers, name] : speakers.filter((s) => s !== name))
  const status = episodeSearchStatus({
    query,
    ready: search.ready,
    failed: search.failed !== null,
    listed: result.lines.length,
    total: result.total,
    chapters: result.chapters.length,
    current,
  })

  return (
    <div className="episode-search needs-js">
      <div className="search-bar" role="search" aria-label="Search this episode">
        <input
          ref={inputRef}
          type="search"
          className="search-input"
          aria-label="Search transcript"
          aria-keyshortcuts="/"
          placeholder="Search transcript"
          value={query}
          onFocus={search.warm}
          onChange={(e) => search.setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          aria-label="Previous result"
          aria-keyshortcuts="Shift+Enter"
          disabled={total === 0}
          onClick={() => search.move(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label="Next result"
          aria-keyshortcuts="Enter"
          disabled={total === 0}
          onClick={() => search.move(1)}
        >
          ↓
        </button>
        <button
          type="button"
          className="speaker-toggle"
          aria-expanded={speakersOpen}
          aria-controls={`${id}-speakers`}
          onClick={() => setSpeakersOpen((o) => !o)}
        >
          Speakers{speakers.length ? ` (${speakers.length})` : ''}
        </button>
      </div>
      {/* Opens under the bar, pushing the results down: it never covers them. */}
      <fieldset id={`${id}-speakers`} className="speaker-filter" hidden={!speakersOpen}>
        <legend>Only lines by</legend>
        <div className="speaker-options">
          {search.speakerCounts.map((s) => (
            <label key={s.name}>
              <input
                type="checkbox"
                checked={speakers.includes(s.name)}
                onChange={(e) => toggleSpeaker(s.name, e.target.checked)}
              />{' '}
              {s.name} <span className="muted">({countOf(s.count, 'line')})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="search-count" role="status" aria-live="polite">
        {status}
      </p>
      {search.failed ? (
        <div className="load-notice" role="alert">
          <p>{describeFailure(search.failed, 'the search for this transcript')}</p>
          <button type="button" onClick={search.retry}>
            Retry
          </button>
        </div>
      ) : null}
      {active && search.ready ? (
        <PartialNote words={result.without} perLine={result.lines.map((h) => h.without ?? [])} />
      ) : null}
      {active && querying && search.ready && (total > 0 || result.chapters.length > 0) ? (
        <ol className="search-results" aria-label="Search results">
          {result.chapters.map((hit) => {
            const chapter = chapters[hit.chapter]
            if (!chapter) return null
            return (
              <li key={`c${hit.chapter}`}>
                <button type="button" onClick={() => onSeekChapter(chapter)}>
                  <span className="result-time">{timeLabel(chapter.start, chapter.estimated)}</span>{' '}
                  <span className="result-kind">Chapter:</span> <Highlighted text={chapter.title} ranges={hit.ranges} />
                </button>
              </li>
            )
          })}
          {result.lines.slice(0, MAX_LISTED).map((hit, i) => {
            const line = lines[hit.line]
            if (!line) return null
            const s = snippet(line.text, hit.ranges, { width: 140 })
            return (
              <li key={hit.line} aria-current={i === current ? 'true' : undefined}>
                <button
                  type="button"
                  onClick={() => {
                    search.moveTo(i)
                    onSeekLine(line)
                  }}
                >
                  <span className="result-time">{timeLabel(line.start, line.estimated, line.time)}</span>{' '}
                  {line.speaker ? <span className="speaker">{line.speaker}:</span> : null} {s.clippedStart ? '…' : ''}
                  <Highlighted text={s.text} ranges={s.ranges} />
                  {s.clippedEnd ? '…' : ''}
                </button>
              </li>
            )
          })}
          {total > MAX_LISTED ? (
            <li className="muted">{`Showing the first ${MAX_LISTED} of ${formatCount(total)}: use ↑ ↓ to go through all of them.`}</li>
          ) : null}
        </ol>
      ) : null}
    </div>
  )
})
