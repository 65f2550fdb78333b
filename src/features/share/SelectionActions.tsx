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
 * Where the buttons go: above the first line of the selection that is in sight in the pane, else
 * under the last one, else at the top of the pane's visible part (a long selection fills it).
 */
function place(range: Range, pane: DOMRect): { top: number; left: number; below: boolean } {
  // On a phone the player is pinned over the top of the page: the pane is in sight under it.
  const pinned = window.matchMedia?.('(max-width: 899px)').matches
    ? (document.querySelector('.player-section')?.getBoundingClientRect().bottom ?? 0)
    : 0
  const top0 = Math.max(pane.top, 0, pinned)
  const bottom0 = Math.min(pane.bottom, window.innerHeight)
  const rects = typeof range.getClientRects === 'function' ? [...range.getClientRects()] : []
  const seen = rects.filter((r) => r.width > 0 && r.bottom > top0 && r.top < bottom0)
  const first = seen[0]
  const last = seen[seen.length - 1]
  const centre = (r: DOMRect | undefined) =>
    Math.max(
      8,
      Math.min(
        (r ? r.left + r.width / 2 : pane.left + pane.width / 2) - BAR_WIDTH / 2,
        window.innerWidth - BAR_WIDTH - 8,
      ),
    )
  if (first && first.top - BAR_HEIGHT - 8 >= top0)
    return { top: first.top - BAR_HEIGHT - 8, left: centre(first), below: false }
  if (last && last.bottom + 8 + BAR_HEIGHT <= bottom0) return { top: last.bottom + 8, left: centre(last), below: true }
  return { top: top0 + 8, left: centre(undefined), below: true }
}

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
      if (!quote || !selection || !pane) {
        setShown(null)
        return
      }
      setShown({ quote, ...place(selection.getRangeAt(0), pane.getBoundingClientRect()) })
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
