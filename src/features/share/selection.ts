/**
 * What a text selection in the transcript quotes: the lines it touches (first and last index)
 * and the words selected in each, read from the DOM (`li[data-line]` with the text in a `p`).
 * Browser only.
 */
import type { TimedLine } from '../../lib/episode/types.ts'
import type { QuotePart } from '../../lib/share/quote.ts'

export interface SelectedQuote {
  first: number
  last: number
  parts: QuotePart[]
}

/**
 * The quote a selection makes inside `pane`, or null when the selection is empty, outside the
 * pane, or holds no words of a line (a speaker's name or a time alone).
 */
export function selectedQuote(
  selection: Selection | null,
  pane: Element,
  lines: readonly TimedLine[],
): SelectedQuote | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!pane.contains(range.commonAncestorContainer)) return null
  const parts: (QuotePart & { index: number })[] = []
  for (const li of pane.querySelectorAll<HTMLElement>('li[data-line]')) {
    if (!range.intersectsNode(li)) continue
    const p = li.querySelector('p')
    const line = lines[Number(li.dataset.line)]
    if (!p || !line || !range.intersectsNode(p)) continue
    // The part of the line's words inside the selection.
    const words = document.createRange()
    words.selectNodeContents(p)
    if (range.compareBoundaryPoints(Range.START_TO_START, words) > 0)
      words.setStart(range.startContainer, range.startOffset)
    if (range.compareBoundaryPoints(Range.END_TO_END, words) < 0) words.setEnd(range.endContainer, range.endOffset)
    const text = words.toString().replace(/\s+/g, ' ').trim()
    if (text) parts.push({ index: line.index, text, ...(line.speaker ? { speaker: line.speaker } : {}) })
  }
  const first = parts[0]
  const last = parts[parts.length - 1]
  if (!first || !last) return null // only a time or a name selected: no words to quote
  return { first: first.index, last: last.index, parts: parts.map(({ index: _, ...part }) => part) }
}
