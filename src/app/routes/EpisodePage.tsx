import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useLocation, useSearchParams } from 'react-router'
import { absoluteAppUrl, copyText } from '../../components/share.ts'
import { useToast } from '../../components/Toast.tsx'
import { useHydrated } from '../../components/use-hydrated.ts'
import { EpisodeAbout, EpisodeFacts } from '../../features/episode/EpisodeAbout.tsx'
import { DownloadTranscript } from '../../features/episode/DownloadTranscript.tsx'
import { EpisodeSearchPanel } from '../../features/search/EpisodeSearchPanel.tsx'
import { useEpisodeSearch } from '../../features/search/use-episode-search.ts'
import { PlayerPanel } from '../../features/player/PlayerPanel.tsx'
import { ResumeOffer } from '../../features/player/ResumeOffer.tsx'
import { KeyMoments } from '../../features/share/KeyMoments.tsx'
import { QuoteBar } from '../../features/share/QuoteBar.tsx'
import { SelectionActions } from '../../features/share/SelectionActions.tsx'
import type { SelectedQuote } from '../../features/share/selection.ts'
import { ChapterList } from '../../features/transcript/ChapterList.tsx'
import { TranscriptPane } from '../../features/transcript/TranscriptPane.tsx'
import type { Chapter, EpisodeData, KeyMoment, TimedLine } from '../../lib/episode/types.ts'
import { EXPORT_FILES, exportFile, hasExports } from '../../lib/site/files.ts'
import { withBase } from '../../lib/site/base.ts'
import { formatTime } from '../../lib/time/time.ts'
import { clampRange } from '../../lib/time/time-range.ts'
import { rangeOfLines } from '../../lib/timeline/line-ranges.ts'
import { chapterShareTime, episodeLength, lineShareTime } from '../../lib/timeline/lookup.ts'
import { episodePath, episodeSearch, readEpisodeParams, shortCode } from '../../lib/url/episode-url.ts'
import { pageTitle } from '../../lib/site/routes.ts'
import { usePlayback } from '../../playback/playback-store.ts'
import { loadPosition, resumeOffer } from '../../playback/resume.ts'
import { useSyncLoop } from '../../playback/use-sync-loop.ts'
import { copyQuoteLink, copyQuoteWords, markQuoteEdge, partsOfRange } from './quote-sharing.ts'
import { ShortcutsDialog } from './ShortcutsDialog.tsx'
import { useEpisodeShortcuts } from './use-episode-shortcuts.ts'
import { usePhoneAlignment, useSavedPosition } from './use-episode-position.ts'

/** A `?t=` is used only when it falls inside the episode (of `length` seconds, with a minute to spare). */
export function validStart(t: number | undefined, length: number): number {
  if (t === undefined) return 0
  return t >= 0 && t <= length + 60 ? t : 0
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
  // A range link (`?t=START,END`) marks a quote, cued at its start: plain Play plays it.
  const [quoteAtOpen] = useState(() => {
    const range = readEpisodeParams(location.search).range
    return range && range.start === startAt ? clampRange(range, length) : undefined
  })
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

  // Declared before the store is attached, so on leaving it saves before the store resets.
  useSavedPosition(meta.slug, startAt)

  useEffect(() => {
    usePlayback.getState().attach(timeline, startAt, length)
    if (quoteAtOpen) usePlayback.getState().setQuote(quoteAtOpen, { stop: true })
    return () => usePlayback.getState().reset()
  }, [timeline, startAt, length, quoteAtOpen])

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

  usePhoneAlignment(startAt)
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
  const copyQuote = useCallback(
    (words: boolean) => {
      const { quote } = usePlayback.getState()
      if (!quote) return
      void (words ? copyQuoteWords(meta, quote, partsOfRange(timeline, quote)) : copyQuoteLink(meta.slug, quote))
    },
    [meta, timeline],
  )
  const momentHref = useCallback((m: KeyMoment) => episodeSearch({ range: m }), [])
  const copyMoment = useCallback((m: KeyMoment) => void copyQuoteLink(meta.slug, m), [meta.slug])
  const copySelectionLink = useCallback(
    (q: SelectedQuote) => void copyQuoteLink(meta.slug, rangeOfLines(timeline, q.first, q.last, length)),
    [meta.slug, timeline, length],
  )
  const copySelection = useCallback(
    (q: SelectedQuote) => void copyQuoteWords(meta, rangeOfLines(timeline, q.first, q.last, length), q.parts),
    [meta, timeline, length],
  )
  const shortcutHandlers = useMemo(
    () => ({
      focusSearch: () => searchRef.current?.focus(),
      openHelp: () => helpRef.current?.showModal(),
      markQuote: (edge: 'start' | 'end', index: number) => markQuoteEdge(timeline, edge, index, length),
    }),
    [timeline, length],
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
  const downloads = useMemo(
    () =>
      hasExports(meta)
        ? EXPORT_FILES.map((f) => ({
            href: withBase(exportFile(meta.slug, f)),
            download: `${meta.slug}.${f.name}`,
            label: f.label,
            type: f.type,
          }))
        : [],
    [meta],
  )

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
          <KeyMoments moments={episode.moments ?? []} hrefFor={momentHref} onCopy={copyMoment} />
          <section aria-labelledby="about-heading" className="about">
            <h2 id="about-heading">About this episode</h2>
            <EpisodeAbout episode={episode} />
          </section>
        </div>
        <section aria-labelledby="transcript-heading" className="transcript-section">
          <div className="transcript-head">
            <h2 id="transcript-heading">Transcript</h2>
            <DownloadTranscript files={downloads} />
            <button
              type="button"
              className="link-button needs-js keyboard-only"
              onClick={() => helpRef.current?.showModal()}
              aria-keyshortcuts="?"
            >
              Keyboard shortcuts
            </button>
          </div>
          <QuoteBar onCopyLink={() => copyQuote(false)} onCopyQuote={() => copyQuote(true)} />
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
      <SelectionActions lines={timeline.lines} onCopyLink={copySelectionLink} onCopyQuote={copySelection} />
      <ShortcutsDialog ref={helpRef} />
    </main>
  )
}
