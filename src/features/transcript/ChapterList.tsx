import { isPlainClick } from '../../components/plain-click.ts'
import { memo, type MouseEvent } from 'react'
import type { Chapter } from '../../lib/episode/types.ts'
import { formatTime } from '../../lib/time/time.ts'
import { usePlayback } from '../../playback/playback-store.ts'

interface ChapterItemProps {
  chapter: Chapter
  href: string
  onSeek(chapter: Chapter): void
}

const ChapterItem = memo(function ChapterItem({ chapter, href, onSeek }: ChapterItemProps) {
  const active = usePlayback((s) => s.activeChapter === chapter.index)
  return (
    <li className={active ? 'chapter chapter-active' : 'chapter'}>
      <a
        href={href}
        aria-current={active ? 'true' : undefined}
        onClick={(e: MouseEvent) => {
          if (!isPlainClick(e)) return
          e.preventDefault()
          onSeek(chapter)
        }}
      >
        <span className="chapter-time">
          {chapter.estimated ? '~' : ''}
          {formatTime(chapter.start)}
        </span>
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
