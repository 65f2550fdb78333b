import { Link } from 'react-router'
import { Highlighted } from '../../components/Highlighted.tsx'
import { useUrlState } from '../../components/use-url-state.ts'
import { countOf, formatCount } from '../../lib/labels/count.ts'
import { describeFailure } from '../../lib/load/failure.ts'
import { listedHits } from '../../lib/search/listed-hits.ts'
import { timeLabel } from '../../lib/time/time.ts'
import { episodePath, readQueryState, writeQueryState } from '../../lib/url/episode-url.ts'
import { PartialNote } from './PartialNote.tsx'
import { SpeakerPicker } from './SpeakerPicker.tsx'
import { useCorpusSearch } from './use-corpus-search.ts'

/**
 * Search every line of every episode. Query and speakers live in the URL (`?q=…&who=…`).
 * `preload`: the search's code loads with the panel (its data still waits for a search).
 */
export function CorpusSearchPanel({ autoFocus = false, preload = false }: { autoFocus?: boolean; preload?: boolean }) {
  const [state, setState] = useUrlState(readQueryState, writeQueryState)
  const { q, who } = state
  const search = useCorpusSearch(q, who, preload)

  const result = search.result
  const active = q.trim() !== '' || who.length > 0
  let status = ''
  if (search.failed) status = `Search is unavailable for now. ${describeFailure(search.failed, 'the search data')}`
  else if (active && (search.status === 'loading' || !result)) status = 'Loading every transcript…'
  else if (active && (search.searching || search.filling) && !search.loadingMore) status = 'Searching…'
  else if (active && result) {
    status =
      result.total === 0
        ? 'No line matches.'
        : `${countOf(result.total, 'matching line')} in ${countOf(result.episodes, 'episode')}${
            result.truncated
              ? `; the best ${formatCount(result.groups.reduce((n, g) => n + g.hits.length, 0))} shown`
              : ''
          }`
  }

  return (
    <div className="corpus-search">
      <div className="corpus-search-bar" role="search" aria-label="Search all episodes">
        <label className="field field-grow">
          <span>What was said, in every episode</span>
          <input
            type="search"
            aria-label="Search all transcripts"
            placeholder="e.g. terraform, kubernets, “feature store”"
            value={q}
            autoFocus={autoFocus}
            // The data starts loading when the reader reaches for the field, not on autofocus.
            onPointerDown={search.warm}
            onKeyDown={search.warm}
            onChange={(e) => setState({ q: e.target.value, who })}
          />
        </label>
        <SpeakerPicker speakers={search.speakers} chosen={who} onChange={(next) => setState({ q, who: next })} />
      </div>
      <p className="muted corpus-status" role="status" aria-live="polite">
        {status}
      </p>
      {active && result ? (
        <PartialNote
          words={result.without}
          perLine={result.groups.flatMap((g) => g.hits.map((h) => h.without ?? []))}
        />
      ) : null}
      {search.failed ? (
        <p>
          <button type="button" onClick={search.retry}>
            Retry
          </button>
        </p>
      ) : null}
      {active && result && result.groups.length ? (
        <div
          className="corpus-results"
          aria-label="Results by episode"
          role="region"
          aria-busy={search.searching && !search.loadingMore}
        >
          {result.groups.map((g) => (
            <section key={g.slug} className="corpus-group" aria-labelledby={`group-${g.slug}`}>
              <h3 id={`group-${g.slug}`}>
                <Link to={episodePath(g.slug)}>{g.title}</Link>{' '}
                <span className="muted group-count">{countOf(g.count, 'match', 'matches')}</span>
              </h3>
              {/* In the order they are said; the best match is marked. */}
              <ol>
                {listedHits(g).map(({ hit: h, best }) => (
                  <li key={h.line} className={best ? 'best-hit' : undefined}>
                    <Link to={episodePath(g.slug, { t: h.start })}>
                      <span className="result-time">{timeLabel(h.start, h.estimated)}</span>
                      {best ? <span className="best-badge">Best match</span> : null}
                      {h.speaker ? <span className="speaker">{h.speaker}: </span> : null}
                      {h.clippedStart ? '…' : ''}
                      <Highlighted text={h.snippet} ranges={h.ranges} />
                      {h.clippedEnd ? '…' : ''}
                    </Link>
                  </li>
                ))}
              </ol>
              {g.count > g.hits.length ? (
                <p className="muted more">
                  <Link
                    to={episodePath(g.slug, { q, who })}
                  >{`All ${formatCount(g.count)} matches in this episode`}</Link>
                </p>
              ) : null}
            </section>
          ))}
          {result.more && !search.filling ? (
            <p className="more-results">
              <button
                type="button"
                onClick={search.loadingMore ? undefined : search.showMore}
                aria-busy={search.loadingMore}
              >
                {search.loadingMore ? 'Loading more results…' : 'Show more results'}
              </button>
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
