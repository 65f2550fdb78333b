import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useLocation, useSearchParams } from 'react-router'
import { absoluteAppUrl, copyText } from '../../components/share.ts'
import { useToast } from '../../components/Toast.tsx'
import { useHydrated } from '../../components/use-hydrated.ts'
import { EpisodeAbout, EpisodeFacts } from '../../features/episode/EpisodeAbout.tsx'
import { EpisodeSearchPanel } from '../../features/search/EpisodeSearchPanel.tsx'
import { useEpisodeSearch } from '../../features/search/use-episode-search.ts'
import { PlayerPanel } from '../../features/player/PlayerPanel.tsx'
import { ResumeOffer } from '../../features/player/ResumeOffer.tsx'
import { ChapterList } from '../../features/transcript/ChapterList.tsx'
import { TranscriptPane } from '../../features/transcript/TranscriptPane.tsx'
import type { Chapter, EpisodeData, TimedLine } from '../../lib/episode/types.ts'
import { formatTime } from '../../lib/time/time.ts'
import { chapterShareTime, episodeLength, lineShareTime } from '../../lib/timeline/lookup.ts'
import { episodePath, episodeSearch, readEpisodeParams, shortCode } from '../../lib/url/episode-url.ts'
import { pageTitle } from '../../lib/site/routes.ts'
import { usePlayback } from '../../playback/playback-store.ts'
import { loadPosition, resumeOffer, savePosition } from '../../playback/resume.ts'
import { useSyncLoop } from '../../playback/use-sync-loop.ts'
import { ShortcutsDialog } from './ShortcutsDialog.tsx'
import { useEpisodeShortcuts } from './use-episode-shortcuts.ts'

/** A `?t=` is used only when it falls inside the episode (of `length` seconds, with a minute to spare). */
export function validStart(t: number | undefined, length: number): number {
  if (t === undefined) return 0
  return t >= 0 && t <= length + 60 ? t : 0
}

/** How often the position is saved for resuming, while the page is open. */
const SAVE_POSITION_MS = 3000

/** On a phone, playing or seeking brings the transcript right under the pinned player. */
function alignTranscriptUnderPlayer(): void {
  if (!window.matchMedia?.('(max-width: 899px)').matches) return
  const pane = document.querySelector('.transcript-pane')?.getBoundingClientRect()
  const section = document.querySelector<HTMLElement>('.player-section')
  if (!pane || !section) return
  // The player is pinned at the top once the page scrolls past it: the pane goes right under it.
  const pinnedAt = parseFloat(getComputedStyle(section).top) || 0
  const gap = pane.top - pinnedAt - section.getBoundingClientRect().height
  if (Math.abs(gap) < 8) return
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches
  window.scrollBy({ top: gap, behavior: reduce ? 'auto' : 'smooth' })
}

async function copyAndSay(path: string, what: string): Promise<void> {
  const url = absoluteAppUrl(path)
  const ok = await copyText(url)
  useToast
    .getState()
    .show(ok ? `Copied the link to ${what}: ${url}` : `Copying is blocked here. The link to ${what} is ${url}`)
}

export function EpisodePage({ episode }: { episode: EpisodeData }) {
  const { meta, timeline } = episode
  const location = useLocation()
  const length = useMemo(() => episodeLength(timeline, meta.durationSec), [timeline, meta.durationSec])
  // The `?t=` the page was opened with (read once: it leaves the address once used).
  const [requested] = useState(() => readEpisodeParams(location.search).t)
  const [startAt] = useState(() => validStart(requested, length))
  const [, setParams] = useSearchParams()
  // Known in the browser only (after hydration): the position saved when the listener left.
  const hydrated = useHydrated()
  const [resumeDismissed, setResumeDismissed] = useState(false)
  const resumeAt = useMemo(
    () => (hydrated && requested === undefined ? resumeOffer(loadPosition(meta.slug), length) : null),
    [hydrated, requested, meta.slug, length],
  )
  const searchRef = useRef<HTMLInputElement>(null)
  const helpRef = useRef<HTMLDialogElement>(null)
  const chaptersRef = useRef<HTMLDetailsElement>(null)

  // Remember where the listener is: every few seconds, when the tab is hidden, and on leaving
  // (declared before the store is attached, so on leaving it saves before the store resets).
  useEffect(() => {
    let saved = startAt
    const save = () => {
      const t = usePlayback.getState().currentTime()
      if (Math.floor(t) === Math.floor(saved)) return
      saved = t
      savePosition(meta.slug, t)
    }
    const interval = window.setInterval(save, SAVE_POSITION_MS)
    const onHide = () => {
      if (document.visibilityState === 'hidden') save()
    }
    document.addEventListener('visibilitychange', onHide)
    window.addEventListener('pagehide', save)
    return () => {
      save()
      window.clearInterval(interval)
      document.removeEventListener('visibilitychange', onHide)
      window.removeEventListener('pagehide', save)
    }
  }, [meta.slug, startAt])

  useEffect(() => {
    usePlayback.getState().attach(timeline, startAt, length)
    return () => usePlayback.getState().reset()
  }, [timeline, startAt, length])

  // A used `?t=` leaves the address (replaced, not pushed), so the address never points at a
  // stale time: "Copy link" shares the current moment.
  useEffect(() => {
    if (!new URLSearchParams(window.location.search).has('t')) return
    setParams(
      (p) => {
        p.delete('t')
        return p
      },
      { replace: true, preventScrollReset: true },
    )
  }, [setParams])

  // On a phone, starting to play or seeking puts the transcript under the pinned player.
  // So does arriving at a time (a shared link).
  useEffect(() => {
    // After this render's effects (the chapter list folds on a phone, changing the page's height).
    const frame = startAt > 0 ? requestAnimationFrame(alignTranscriptUnderPlayer) : 0
    const unsubscribe = usePlayback.subscribe((s, prev) => {
      if ((s.playing && !prev.playing) || s.seekSerial !== prev.seekSerial) alignTranscriptUnderPlayer()
    })
    return () => {
      cancelAnimationFrame(frame)
      unsubscribe()
    }
  }, [startAt])
  useEffect(() => {
    document.title = pageTitle({ route: 'episode', slug: meta.slug }, meta.title)
    // On a phone the chapter list starts folded, so the transcript is in reach.
    if (chaptersRef.current && window.matchMedia?.('(max-width: 899px)').matches) chaptersRef.current.open = false
  }, [meta.slug, meta.title])
  useSyncLoop()

  // Relative to the page: the same share URL as `episodePath(slug, { t })` once resolved.
  const lineHref = useCallback(
    (line: TimedLine) => episodeSearch({ t: lineShareTime(timeline, line.index) }),
    [timeline],
  )
  // A chapter's link selects its first line: that line's share time (a chapter with no line of
  // its own starts where the next line does).
  const chapterHref = useCallback((c: Chapter) => episodeSearch({ t: chapterShareTime(timeline, c) }), [timeline])
  const seekLine = useCallback((line: TimedLine) => usePlayback.getState().requestSeek(line.start, { play: true }), [])
  const seekChapter = useCallback((c: Chapter) => usePlayback.getState().requestSeek(c.start, { play: true }), [])
  const copyLine = useCallback(
    (line: TimedLine) =>
      void copyAndSay(
        episodePath(meta.slug, { t: lineShareTime(timeline, line.index) }),
        `${formatTime(line.start)}${line.speaker ? ` (${line.speaker})` : ''}`,
      ),
    [meta.slug, timeline],
  )
  const copyCurrent = useCallback(() => {
    const t = Math.floor(usePlayback.getState().currentTime())
    void copyAndSay(episodePath(meta.slug, { t }), formatTime(t))
  }, [meta.slug])
  const shortcutHandlers = useMemo(
    () => ({
      focusSearch: () => searchRef.current?.focus(),
      openHelp: () => helpRef.current?.showModal(),
    }),
    [],
  )
  useEpisodeShortcuts(shortcutHandlers)

  const search = useEpisodeSearch(timeline.lines, timeline.chapters)
  const querying = search.query.trim() !== ''
  // Clearing a search goes back to the voice (moving through results paused following).
  const wasQuerying = useRef(querying)
  useEffect(() => {
    if (wasQuerying.current && !querying) usePlayback.getState().setFollowing(true)
    wasQuerying.current = querying
  }, [querying])
  const highlights = useMemo(() => new Map(search.result.lines.map((h) => [h.line, h.ranges])), [search.result])
  // A speaker filter alone moves to no result: the transcript keeps following the voice.
  const searchCurrentLine = querying ? search.result.lines[search.current]?.line : undefined
  const { setSpeakers } = search
  const showAllSpeakers = useCallback(() => {
    setSpeakers([])
    usePlayback.getState().setFollowing(true)
  }, [setSpeakers])
  const code = shortCode(meta.season, meta.episode)

  return (
    <main id="main" className="episode-page">
      <header className="episode-header">
        {code ? <p className="eyebrow">{code.toUpperCase()}</p> : null}
        <h1>{meta.title}</h1>
        <EpisodeFacts episode={episode} />
      </header>
      <div className="episode-layout">
        <div className="episode-side">
          <section aria-label="Player" className="player-section" data-pinned="">
            <PlayerPanel
              meta={meta}
              chapters={timeline.chapters}
              startAt={startAt}
              length={length}
              onCopyCurrent={copyCurrent}
            />
            {resumeAt !== null && !resumeDismissed ? (
              <ResumeOffer at={resumeAt} onDone={() => setResumeDismissed(true)} />
            ) : null}
          </section>
          <nav aria-label="Chapters" className="chapters">
            <details ref={chaptersRef} open>
              <summary>
                <h2>Chapters</h2> <span className="muted">({timeline.chapters.length})</span>
              </summary>
              <ChapterList chapters={timeline.chapters} hrefFor={chapterHref} onSeek={seekChapter} />
            </details>
          </nav>
          <section aria-labelledby="about-heading" className="about">
            <h2 id="about-heading">About this episode</h2>
            <EpisodeAbout episode={episode} />
          </section>
        </div>
        <section aria-labelledby="transcript-heading" className="transcript-section">
          <div className="transcript-head">
            <h2 id="transcript-heading">Transcript</h2>
            <button
              type="button"
              className="link-button needs-js"
              onClick={() => helpRef.current?.showModal()}
              aria-keyshortcuts="?"
            >
              Keyboard shortcuts
            </button>
          </div>
          <EpisodeSearchPanel
            ref={searchRef}
            search={search}
            lines={timeline.lines}
            chapters={timeline.chapters}
            onSeekLine={seekLine}
            onSeekChapter={seekChapter}
          />
          <TranscriptPane
            timeline={timeline}
            lineHref={lineHref}
            chapterHref={chapterHref}
            onSeekLine={seekLine}
            onSeekChapter={seekChapter}
            onCopyLine={copyLine}
            visibleLines={search.speakerLines}
            highlights={search.active ? highlights : undefined}
            searchCurrentLine={searchCurrentLine}
            onShowAllSpeakers={showAllSpeakers}
          />
        </section>
      </div>
      <ShortcutsDialog ref={helpRef} />
    </main>
  )
}
