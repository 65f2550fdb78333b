/**
 * In-episode search state: the query and speaker filter live in the URL
 * (`?q=…&who=…`, replaced, not pushed), the engine loads on first use (its
 * code is not in the page's first download), and the current result is local.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { importChunk } from '../../components/new-version.ts'
import { useUrlState } from '../../components/use-url-state.ts'
import { readQueryState, writeQueryState } from '../../lib/url/episode-url.ts'
import { countSpeakers, type SpeakerCount } from '../../lib/episode/speakers.ts'
import type { Chapter, TimedLine } from '../../lib/episode/types.ts'
import { LoadFailure, retriesWhenOnline, type FailureKind } from '../../lib/load/failure.ts'
import type { EpisodeSearch, EpisodeSearchResult } from '../../lib/search/episode-search.ts'

const EMPTY: EpisodeSearchResult = { lines: [], chapters: [], total: 0, without: [] }

export interface EpisodeSearchState {
  query: string
  speakers: string[]
  /** Whether a search or a speaker filter is active. */
  active: boolean
  /** False until the engine has loaded (a moment after the first use). */
  ready: boolean
  result: EpisodeSearchResult
  speakerCounts: readonly SpeakerCount[]
  /** With a speaker filter, the indexes of the lines it keeps (undefined until the engine loads). */
  speakerLines: ReadonlySet<number> | undefined
  /** Index into `result.lines` of the result moved to, or -1. */
  current: number
  setQuery(q: string): void
  setSpeakers(names: string[]): void
  move(step: 1 | -1): void
  moveTo(i: number): void
  /** Loads the engine ahead of typing (on focus). */
  warm(): void
  /** Why the engine could not load, or null; the next change of the query, `retry` or coming back online tries again. */
  failed: FailureKind | null
  retry(): void
}

export function useEpisodeSearch(lines: readonly TimedLine[], chapters: readonly Chapter[]): EpisodeSearchState {
  const [state, setState] = useUrlState(readQueryState, writeQueryState)
  const query = state.q
  const speakers = state.who
  const active = query.trim() !== '' || speakers.length > 0
  const [engine, setEngine] = useState<EpisodeSearch | null>(null)
  const [wanted, setWanted] = useState(false)
  const [current, setCurrent] = useState(-1)

  // Known before the engine loads: the speaker filter lists them at once.
  const speakerCounts = useMemo(() => countSpeakers(lines), [lines])

  const [failed, setFailed] = useState<FailureKind | null>(null)
  const [attempt, setAttempt] = useState(0)
  const retry = useCallback(() => {
    setFailed(null)
    setAttempt((a) => a + 1)
  }, [])
  const needEngine = wanted || active
  useEffect(() => {
    if (!needEngine || engine || failed) return
    let live = true
    importChunk('episode search', () => import('../../lib/search/episode-search.ts')).then(
      (m) => {
        if (live) setEngine(m.createEpisodeSearch(lines, chapters))
      },
      (err: unknown) => {
        console.warn('Playscript: the transcript search could not load:', err)
        if (live) setFailed(err instanceof LoadFailure ? err.kind : 'network')
      },
    )
    return () => {
      live = false
    }
  }, [needEngine, engine, failed, attempt, lines, chapters])
  useEffect(() => {
    if (!failed || !retriesWhenOnline(failed)) return
    window.addEventListener('online', retry)
    return () => window.removeEventListener('online', retry)
  }, [failed, retry])

  const result = useMemo(
    () => (engine && active ? engine.search(query, { speakers }) : EMPTY),
    [engine, active, query, speakers],
  )
  // The lines the speaker filter keeps, matched by the engine as the search matches them.
  const speakerLines = useMemo(
    () => (engine && speakers.length ? new Set(engine.search('', { speakers }).lines.map((h) => h.line)) : undefined),
    [engine, speakers],
  )
  // A new result set starts at its first result.
  const [seen, setSeen] = useState(result)
  if (seen !== result) {
    setSeen(result)
    setCurrent(result.lines.length ? 0 : -1)
  }

  const write = (q: string, who: string[]) => {
    // A new query tries a failed load again.
    if (failed) retry()
    setState({ q, who })
  }

  return {
    query,
    speakers,
    active,
    ready: engine !== null,
    result,
    speakerCounts,
    speakerLines,
    current,
    setQuery: (q) => write(q, speakers),
    setSpeakers: (names) => write(query, names),
    move: (step) => {
      const n = result.lines.length
      if (n) setCurrent((c) => ((((c < 0 ? (step > 0 ? -1 : 0) : c) + step) % n) + n) % n)
    },
    moveTo: (i) => setCurrent(i),
    warm: () => setWanted(true),
    failed,
    retry,
  }
}
