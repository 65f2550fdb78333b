import { isPlainClick } from '../../components/plain-click.ts'
import { memo, useEffect, useRef, type MouseEvent } from 'react'
import type { Chapter } from '../../lib/episode/types.ts'
import { timeLabel } from '../../lib/time/time.ts'
import { usePlayback } from '../../playback/playback-store.ts'
import { keepInView } from './follow-scroll.ts'

interface ChapterItemProps {
  chapter: Chapter
  href: string
  onSeek(chapter: Chapter): void
}

const ChapterItem = memo(function ChapterItem({ chapter, href, onSeek }: ChapterItemProps) {
  const active = usePlayback((s) => s.activeChapter === chapter.index)
  const ref = useRef<HTMLAnchorElement>(null)
  // The current chapter stays in view in a long list (inside its own scroller, never the page).
  useEffect(() => {
    if (active && ref.current && ref.current.offsetParent !== null) keepInView(ref.current)
  }, [active])
  return (
    <li className={active ? 'chapter chapter-active' : 'chapter'}>
      <a
        ref={ref}
        href={href}
        aria-current={active ? 'true' : undefined}
        onClick={(e: MouseEvent) => {
          if (!isPlainClick(e)) return
          e.preventDefault()
          onSeek(chapter)
        }}
      >
        <span className="chapter-time">{timeLabel(chapter.start, chapter.estimated)}</span>
        <span className="chapter-title">{chapter.title}</span>
      </a>
    </li>
  )
})

export interface ChapterListProps {
  chapters: readonly Chapter[]
  /** The chapter's share link, relative to the episode page (`?t=271`). */
  hrefFor(chapter: Chapter): string
  onSeek(chapter: Chapter): void
}

export function ChapterList({ chapters, hrefFor, onSeek }: ChapterListProps) {
  if (chapters.length === 0) return <p className="muted">This episode has no chapters.</p>
  return (
    <ol className="chapter-list">
      {chapters.map((c) => (
        <ChapterItem key={c.index} chapter={c} href={hrefFor(c)} onSeek={onSeek} />
      ))}
    </ol>
  )
}
