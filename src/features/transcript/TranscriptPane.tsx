import { isPlainClick } from '../../components/plain-click.ts'
import { useCallback, useEffect, useMemo, useRef, type MouseEvent } from 'react'
import type { Chapter, TimedLine, Timeline } from '../../lib/episode/types.ts'
import type { Range } from '../../lib/search/highlight.ts'
import { formatTime } from '../../lib/time/time.ts'
import { usePlayback } from '../../playback/playback-store.ts'
import { FollowScroll } from './follow-scroll.ts'
import { TranscriptLine } from './TranscriptLine.tsx'

export interface TranscriptPaneProps {
  timeline: Timeline
  lineHref(line: TimedLine): string
  chapterHref(chapter: Chapter): string
  onSeekLine(line: TimedLine): void
  onSeekChapter(chapter: Chapter): void
  onCopyLine(line: TimedLine): void
  /** When set, only these lines are shown (a speaker filter), in order. */
  visibleLines?: ReadonlySet<number>
  /** Search matches by line index. */
  highlights?: ReadonlyMap<number, readonly Range[]>
  /** The search result moved to: scrolled into view and marked. */
  searchCurrentLine?: number
}

interface Group {
  chapter: Chapter | null
  lines: TimedLine[]
}

function groupByChapter(timeline: Timeline): Group[] {
  const groups: Group[] = []
  let current: Group = { chapter: null, lines: [] }
  let chapterIndex = -1
  const push = () => {
    if (current.chapter || current.lines.length) groups.push(current)
  }
  for (const line of timeline.lines) {
    while (chapterIndex < line.chapter) {
      push()
      chapterIndex++
      current = { chapter: timeline.chapters[chapterIndex] ?? null, lines: [] }
    }
    current.lines.push(line)
  }
  push()
  for (const c of timeline.chapters.slice(chapterIndex + 1)) groups.push({ chapter: c, lines: [] })
  return groups
}

function reducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
}

export function TranscriptPane(props: TranscriptPaneProps) {
  const { timeline, lineHref, chapterHref, onSeekLine, onSeekChapter, onCopyLine, visibleLines, highlights, searchCurrentLine } = props
  const paneRef = useRef<HTMLDivElement>(null)
  const followRef = useRef<FollowScroll | null>(null)
  const groups = useMemo(() => groupByChapter(timeline), [timeline])
  const following = usePlayback((s) => s.following)
  const searching = usePlayback((s) => s.searching)
  const hasActive = usePlayback((s) => s.activeLine >= 0)

  useEffect(() => {
    const pane = paneRef.current
    if (!pane) return
    const follow = new FollowScroll(pane, {
      onReaderScroll: () => usePlayback.getState().setFollowing(false),
      reducedMotion,
    })
    followRef.current = follow
    return () => {
      follow.destroy()
      followRef.current = null
    }
  }, [])

  const reveal = useCallback((force: boolean) => {
    const pane = paneRef.current
    const { activeLine } = usePlayback.getState()
    const el = pane?.querySelector<HTMLElement>(`[data-line="${activeLine}"]`)
    if (el) followRef.current?.reveal(el, force)
  }, [])

  // Keep the active line in view while following; a requested seek always reveals.
  useEffect(() => {
    reveal(true)
    const follows = (s: { following: boolean; searching: boolean }) => s.following && !s.searching
    return usePlayback.subscribe((s, prev) => {
      if (!follows(s)) return
      if (s.seekSerial !== prev.seekSerial || !follows(prev)) reveal(true)
      else if (s.activeLine !== prev.activeLine) reveal(false)
    })
  }, [reveal, timeline])

  // Moving to a search result scrolls the transcript there, following or not.
  useEffect(() => {
    if (searchCurrentLine === undefined || searchCurrentLine < 0) return
    const el = paneRef.current?.querySelector<HTMLElement>(`[data-line="${searchCurrentLine}"]`)
    // In a long paragraph, bring the match itself into view, not just the paragraph's start.
    const target = el?.querySelector<HTMLElement>('mark') ?? el
    if (target) followRef.current?.reveal(target, true)
  }, [searchCurrentLine, visibleLines, highlights])

  const onHeaderClick = (e: MouseEvent, chapter: Chapter) => {
    if (!isPlainClick(e)) return
    e.preventDefault()
    onSeekChapter(chapter)
  }

  // Each group shows only the visible lines; a speaker's name shows where the speaker changes.
  const shown = useMemo(
    () =>
      groups.map((g) => {
        const lines = visibleLines ? g.lines.filter((l) => visibleLines.has(l.index)) : g.lines
        return { ...g, lines, speakerShown: lines.map((l, i) => l.speaker !== lines[i - 1]?.speaker) }
      }),
    [groups, visibleLines],
  )

  return (
    <div className="transcript-wrap">
      <div ref={paneRef} className="transcript-pane" tabIndex={0} aria-label="Transcript lines">
        {timeline.lines.length === 0 ? <p className="muted">This episode has no transcript yet: only the video.</p> : null}
        {shown.map((g, gi) => {
          const { lines } = g
          if (visibleLines && lines.length === 0) return null
          return (
            <div className="transcript-group" key={g.chapter ? `c${g.chapter.index}` : `g${gi}`}>
              {g.chapter ? (
                <h3 className="transcript-chapter">
                  <a href={chapterHref(g.chapter)} onClick={(e) => onHeaderClick(e, g.chapter as Chapter)}>
                    <span className="chapter-time">{formatTime(g.chapter.start)}</span> {g.chapter.title}
                  </a>
                </h3>
              ) : null}
              {lines.length ? (
                <ol className="transcript-lines">
                  {lines.map((line, i) => (
                    <TranscriptLine
                      key={line.index}
                      line={line}
                      href={lineHref(line)}
                      showSpeaker={g.speakerShown[i] ?? true}
                      onSeek={onSeekLine}
                      onCopy={onCopyLine}
                      ranges={highlights?.get(line.index)}
                      searchCurrent={line.index === searchCurrentLine}
                    />
                  ))}
                </ol>
              ) : null}
            </div>
          )
        })}
      </div>
      {!following && !searching && hasActive ? (
        <button type="button" className="back-to-current" onClick={() => usePlayback.getState().setFollowing(true)}>
          ↓ Back to current line
        </button>
      ) : null}
    </div>
  )
}
