import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useLocation } from 'react-router'
import { absoluteAppUrl, copyText } from '../../components/share.ts'
import { useToast } from '../../components/Toast.tsx'
import { EpisodeAbout, EpisodeFacts } from '../../features/episode/EpisodeAbout.tsx'
import { EpisodeSearchPanel } from '../../features/search/EpisodeSearchPanel.tsx'
import { useEpisodeSearch } from '../../features/search/use-episode-search.ts'
import { PlayerPanel } from '../../features/player/PlayerPanel.tsx'
import { ChapterList } from '../../features/transcript/ChapterList.tsx'
import { TranscriptPane } from '../../features/transcript/TranscriptPane.tsx'
import type { Chapter, EpisodeData, TimedLine } from '../../lib/episode/types.ts'
import { formatTime } from '../../lib/time/time.ts'
import { lineAt, lineShareTime } from '../../lib/timeline/lookup.ts'
import { episodePath, episodeSearch, readEpisodeParams, shortCode } from '../../lib/url/episode-url.ts'
import { usePlayback } from '../../playback/playback-store.ts'
import { useSyncLoop } from '../../playback/use-sync-loop.ts'
import { ShortcutsDialog } from './ShortcutsDialog.tsx'
import { useEpisodeShortcuts } from './use-episode-shortcuts.ts'

/** A `?t=` is used only when it falls inside the episode. */
export function validStart(t: number | undefined, episode: EpisodeData): number {
  if (t === undefined) return 0
  const lines = episode.timeline.lines
  const end = Math.max(episode.meta.durationSec ?? 0, (lines[lines.length - 1]?.start ?? 0) + 60)
  return t >= 0 && t <= end ? t : 0
}

async function copyAndSay(path: string, what: string): Promise<void> {
  const url = absoluteAppUrl(path)
  const ok = await copyText(url)
  useToast.getState().show(ok ? `Copied the link to ${what}: ${url}` : `Copying is blocked here. The link to ${what} is ${url}`)
}

export function EpisodePage({ episode }: { episode: EpisodeData }) {
  const { meta, timeline } = episode
  const location = useLocation()
  const [startAt] = useState(() => validStart(readEpisodeParams(location.search).t, episode))
  const searchRef = useRef<HTMLInputElement>(null)
  const helpRef = useRef<HTMLDialogElement>(null)
  const chaptersRef = useRef<HTMLDetailsElement>(null)

  useEffect(() => {
    usePlayback.getState().attach(timeline, startAt)
    return () => usePlayback.getState().reset()
  }, [timeline, startAt])
  useEffect(() => {
    document.title = `${meta.title} · Playscript`
    // On a phone the chapter list starts folded, so the transcript is in reach.
    if (chaptersRef.current && window.matchMedia?.('(max-width: 899px)').matches) chaptersRef.current.open = false
  }, [meta.title])
  useSyncLoop()

  // Relative to the page: the same share URL as `episodePath(slug, { t })` once resolved.
  const lineHref = useCallback((line: TimedLine) => episodeSearch({ t: lineShareTime(timeline, line.index) }), [timeline])
  // A chapter's link selects its first line: that line's share time (a chapter with no line of
  // its own starts where the next line does).
  const chapterHref = useCallback(
    (c: Chapter) => {
      const line = c.firstLine >= 0 ? c.firstLine : lineAt(timeline, c.start)
      return episodeSearch({ t: line >= 0 ? lineShareTime(timeline, line) : c.start })
    },
    [timeline],
  )
  const seekLine = useCallback((line: TimedLine) => usePlayback.getState().requestSeek(line.start, { play: true }), [])
  const seekChapter = useCallback((c: Chapter) => usePlayback.getState().requestSeek(c.start, { play: true }), [])
  const copyLine = useCallback(
    (line: TimedLine) =>
      void copyAndSay(episodePath(meta.slug, { t: lineShareTime(timeline, line.index) }), `${formatTime(line.start)}${line.speaker ? ` (${line.speaker})` : ''}`),
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
  useEffect(() => {
    usePlayback.getState().setSearching(search.active)
  }, [search.active])
  const highlights = useMemo(() => new Map(search.result.lines.map((h) => [h.line, h.ranges])), [search.result])
  const searchCurrentLine = search.result.lines[search.current]?.line
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
          <section aria-label="Player" className="player-section">
            <PlayerPanel meta={meta} chapters={timeline.chapters} startAt={startAt} onCopyCurrent={copyCurrent} />
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
            <button type="button" className="link-button needs-js" onClick={() => helpRef.current?.showModal()} aria-keyshortcuts="?">
              Keyboard shortcuts
            </button>
          </div>
          <EpisodeSearchPanel ref={searchRef} search={search} lines={timeline.lines} chapters={timeline.chapters} onSeekLine={seekLine} onSeekChapter={seekChapter} />
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
          />
        </section>
      </div>
      <ShortcutsDialog ref={helpRef} />
    </main>
  )
}
