import { isPlainClick } from '../../components/plain-click.ts'
import { memo } from 'react'
import { Highlighted } from '../../components/Highlighted.tsx'
import type { TimedLine } from '../../lib/episode/types.ts'
import type { Range } from '../../lib/search/highlight.ts'
import { QUOTE_LABEL_ID } from '../../lib/share/quote.ts'
import { timeLabel } from '../../lib/time/time.ts'
import { usePlayback } from '../../playback/playback-store.ts'

export interface TranscriptLineProps {
  line: TimedLine
  /** The line's share link: a query relative to the episode page (`?t=271`). */
  href: string
  /** Whether the speaker label is shown (a new speaker, or the first line of a chapter). */
  showSpeaker: boolean
  onSeek(line: TimedLine): void
  /** Search matches to mark in the text. */
  ranges?: readonly Range[]
  /** Whether this line is the search result moved to. */
  searchCurrent?: boolean
}

/** `1:40`, or `~2:51` for an estimated start. */
export function lineTimeLabel(line: TimedLine): string {
  return timeLabel(line.start, line.estimated, line.time)
}

/**
 * One line. Subscribes to whether it is the active line and whether it is in the quote (one
 * number), so a line change re-renders two lines.
 */
export const TranscriptLine = memo(function TranscriptLine({
  line,
  href,
  showSpeaker,
  onSeek,
  ranges,
  searchCurrent,
}: TranscriptLineProps) {
  const state = usePlayback(
    (s) => (s.activeLine === line.index ? 1 : 0) | (line.index >= s.quoteFirst && line.index <= s.quoteLast ? 2 : 0),
  )
  const active = (state & 1) !== 0
  const quoted = (state & 2) !== 0
  const label = lineTimeLabel(line)
  return (
    <li
      // Only state classes: the base look comes from `.transcript-lines > li` (less markup per line).
      className={
        [
          active && 'line-active',
          quoted && 'line-quote',
          searchCurrent && 'line-search-current',
          ranges?.length && 'line-match',
        ]
          .filter(Boolean)
          .join(' ') || undefined
      }
      data-line={line.index}
      aria-current={active ? 'true' : undefined}
      data-quote={quoted ? '' : undefined}
      aria-describedby={quoted ? QUOTE_LABEL_ID : undefined}
      onClick={(e) => {
        // A click that ends a text selection is reading, not seeking.
        if (!isPlainClick(e) || (e.target as HTMLElement).closest('a, button')) return
        if (window.getSelection()?.toString()) return
        onSeek(line)
      }}
    >
      {/* The speaker and time sit inline above the text: no wrapper, less markup per line. The copy
          button is not part of a line: one button visits the line pointed at (LineActions). */}
      {showSpeaker && line.speaker ? <span className="speaker">{line.speaker}</span> : null}
      {/* A plain link with a relative href (`?t=271`): the share URL, without the page's path on every line. */}
      <a
        className="line-time"
        href={href}
        aria-label={`${line.estimated ? 'About ' : ''}${label.replace('~', '')}${line.speaker ? `, ${line.speaker}` : ''}: play from here`}
        onClick={(e) => {
          if (!isPlainClick(e)) return // new tab, copy: let the link be a link
          e.preventDefault()
          onSeek(line)
        }}
      >
        {label}
      </a>
      <p>
        <Highlighted text={line.text} ranges={ranges} />
      </p>
    </li>
  )
})
