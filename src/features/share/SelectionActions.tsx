import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import type { TimedLine } from '../../lib/episode/types.ts'
import { selectedQuote, type SelectedQuote } from './selection.ts'

export interface SelectionActionsProps {
  lines: readonly TimedLine[]
  /** Copies the link that plays lines first..last. */
  onCopyLink(quote: SelectedQuote): void
  /** Copies the selected words with their speakers, the title and the link. */
  onCopyQuote(quote: SelectedQuote): void
}

interface Shown {
  quote: SelectedQuote
  top: number
  left: number
  below: boolean
}

const BAR_HEIGHT = 44
const BAR_WIDTH = 280

/**
 * Next to a selection of words in the transcript: "Copy link to quote" (the range from the
 * first selected line's start to the last one's end) and "Copy quote". Selecting never seeks
 * (a line ignores the click that ends a selection); pressing these keeps the selection.
 */
export function SelectionActions({ lines, onCopyLink, onCopyQuote }: SelectionActionsProps) {
  const [shown, setShown] = useState<Shown | null>(null)

  useEffect(() => {
    const update = () => {
      const selection = window.getSelection()
      const pane = document.querySelector('.transcript-pane')
      const quote = pane ? selectedQuote(selection, pane, lines) : null
      if (!quote || !selection) {
        setShown(null)
        return
      }
      const range = selection.getRangeAt(0)
      const rects = typeof range.getClientRects === 'function' ? [...range.getClientRects()] : []
      const firstRect = rects.find((r) => r.width > 0) ?? range.getBoundingClientRect?.()
      const lastRect = [...rects].reverse().find((r) => r.width > 0) ?? firstRect
      const top = firstRect?.top ?? 0
      // Above the selection's first line when there is room (below the page's pinned parts), else under its end.
      const below = top < BAR_HEIGHT + 120
      const anchor = below ? lastRect : firstRect
      const width = window.innerWidth || 1024
      const left = Math.max(
        8,
        Math.min((anchor?.left ?? 0) + (anchor?.width ?? 0) / 2 - BAR_WIDTH / 2, width - BAR_WIDTH - 8),
      )
      setShown({ quote, left, below, top: below ? (anchor?.bottom ?? 0) + 8 : top - BAR_HEIGHT - 8 })
    }
    let frame = 0
    const schedule = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(update)
    }
    document.addEventListener('selectionchange', schedule)
    window.addEventListener('scroll', schedule, true)
    window.addEventListener('resize', schedule)
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('selectionchange', schedule)
      window.removeEventListener('scroll', schedule, true)
      window.removeEventListener('resize', schedule)
    }
  }, [lines])

  if (!shown) return null
  const { quote } = shown
  const count = quote.last - quote.first + 1
  return createPortal(
    <div
      role="toolbar"
      aria-label={`Share the selected words (${count === 1 ? '1 line' : `${count} lines`})`}
      className={shown.below ? 'selection-actions selection-actions-below' : 'selection-actions'}
      style={{ top: shown.top, left: shown.left }}
      // Pressing a button keeps the selection.
      onMouseDown={(e) => e.preventDefault()}
    >
      <button type="button" onClick={() => onCopyLink(quote)}>
        Copy link to quote
      </button>
      <button type="button" onClick={() => onCopyQuote(quote)}>
        Copy quote
      </button>
    </div>,
    document.body,
  )
}
