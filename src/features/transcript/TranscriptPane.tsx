import { isPlainClick } from '../../components/plain-click.ts'
import { useCallback, useEffect, useMemo, useRef, type MouseEvent } from 'react'
import type { Chapter, TimedLine, Timeline } from '../../lib/episode/types.ts'
import type { Range } from '../../lib/search/highlight.ts'
import { timeLabel } from '../../lib/time/time.ts'
import { nearestKept } from '../../lib/timeline/lookup.ts'
import { usePlayback } from '../../playback/playback-store.ts'
import { FollowScroll } from './follow-scroll.ts'
import { LineActions } from './LineActions.tsx'
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
  /** Clears the speaker filter (offered when the filter hides the voice). */
  onShowAllSpeakers?(): void
}

interface Group {
  chapter: Chapter | null
  lines: TimedLine[]
}

/**
 * A rough height for a group of lines not yet rendered (`content-visibility: auto` skips
 * groups far from view): the browser uses it until it has rendered the group once.
 */
function estimatedHeight(g: { chapter: Chapter | null; lines: readonly TimedLine[] }): number {
  let px = g.chapter ? 48 : 0
  for (const l of g.lines) px += 36 + Math.ceil(l.text.length / 85) * 24
  return px
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

/**
 * Where the voice is while a speaker filter hides it: the speaker, and a way
 * back to every line. Re-renders on line changes only while a filter is on.
 */
function HiddenVoice({
  lines,
  visible,
  onShowAll,
}: {
  lines: readonly TimedLine[]
  visible: ReadonlySet<number>
  onShowAll(): void
}) {
  const active = usePlayback((s) => s.activeLine)
  const line = lines[active]
  if (!line || visible.has(active)) return null
  return (
    <div className="hidden-voice" role="status">
      <span>
        Now speaking: <strong>{line.speaker ?? 'someone'}</strong>, hidden by the speaker filter.
      </span>{' '}
      <button type="button" className="link-button" onClick={onShowAll}>
        Show all speakers
      </button>
    </div>
  )
}

export function TranscriptPane(props: TranscriptPaneProps) {
  const {
    timeline,
    lineHref,
    chapterHref,
    onSeekLine,
    onSeekChapter,
    onCopyLine,
    visibleLines,
    highlights,
    searchCurrentLine,
    onShowAllSpeakers,
  } = props
  const paneRef = useRef<HTMLDivElement>(null)
  const followRef = useRef<FollowScroll | null>(null)
  const groups = useMemo(() => groupByChapter(timeline), [timeline])
  const following = usePlayback((s) => s.following)
  const hasActive = usePlayback((s) => s.activeLine >= 0)
  // For the benchmarks: when the transcript is hydrated and interactive.
  useEffect(() => {
    performance.mark?.('playscript:interactive')
  }, [])
  // The kept lines in order, to find the one that stands for a hidden active line.
  const kept = useMemo(() => (visibleLines ? [...visibleLines].sort((a, b) => a - b) : null), [visibleLines])

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

  /**
   * The element that shows where the voice is: the active line, or with a filter that hides it,
   * the nearest kept line (marked `line-near`).
   */
  const voiceElement = useCallback((): HTMLElement | null => {
    const pane = paneRef.current
    if (!pane) return null
    const { activeLine } = usePlayback.getState()
    const shown = kept ? nearestKept(kept, activeLine) : activeLine
    const near = kept && shown !== activeLine ? shown : -1
    const previous = pane.querySelector('.line-near')
    if (previous && previous.getAttribute('data-line') !== String(near)) previous.classList.remove('line-near')
    const el = pane.querySelector<HTMLElement>(`[data-line="${shown}"]`)
    if (el && near >= 0) el.classList.add('line-near')
    return el
  }, [kept])

  const reveal = useCallback(
    (force: boolean) => {
      const el = voiceElement()
      if (el && usePlayback.getState().following) followRef.current?.reveal(el, force)
    },
    [voiceElement],
  )

  // Keep the voice in view while following; a requested seek always reveals.
  useEffect(() => {
    reveal(true)
    return usePlayback.subscribe((s, prev) => {
      if (s.activeLine !== prev.activeLine) voiceElement()
      if (!s.following) return
      if (s.seekSerial !== prev.seekSerial || !prev.following) reveal(true)
      else if (s.activeLine !== prev.activeLine) reveal(false)
    })
  }, [reveal, voiceElement, timeline])

  // Moving to a search result is reading: following pauses (the way back stays in sight),
  // and the transcript scrolls to the result.
  useEffect(() => {
    if (searchCurrentLine === undefined || searchCurrentLine < 0) return
    usePlayback.getState().setFollowing(false)
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
      {visibleLines && onShowAllSpeakers ? (
        <HiddenVoice lines={timeline.lines} visible={visibleLines} onShowAll={onShowAllSpeakers} />
      ) : null}
      <div ref={paneRef} className="transcript-pane" tabIndex={0} aria-label="Transcript lines">
        {timeline.lines.length === 0 ? (
          <p className="muted">This episode has no transcript yet: only the video.</p>
        ) : null}
        {shown.map((g, gi) => {
          const { lines } = g
          if (visibleLines && lines.length === 0) return null
          return (
            <div
              className="transcript-group"
              key={g.chapter ? `c${g.chapter.index}` : `g${gi}`}
              style={{ containIntrinsicSize: `auto ${estimatedHeight(g)}px` }}
            >
              {g.chapter ? (
                <h3 className="transcript-chapter">
                  <a href={chapterHref(g.chapter)} onClick={(e) => onHeaderClick(e, g.chapter as Chapter)}>
                    <span className="chapter-time">{timeLabel(g.chapter.start, g.chapter.estimated)}</span>{' '}
                    {g.chapter.title}
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
      <LineActions pane={paneRef} lines={timeline.lines} onCopy={onCopyLine} />
      {!following && hasActive ? (
        <button type="button" className="back-to-current" onClick={() => usePlayback.getState().setFollowing(true)}>
          ↓ Back to current line
        </button>
      ) : null}
    </div>
  )
}
