import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SourceItem } from '../../lib/episode/types.ts'
import { buildTimeline } from '../../lib/timeline/timeline.ts'
import { SelectionActions } from './SelectionActions.tsx'

const items: SourceItem[] = [
  { kind: 'header', title: 'Intro' },
  { kind: 'line', text: 'Hello and welcome to the show.', sec: 10, who: 'Ana' },
  { kind: 'line', text: 'Thanks for having me here.', sec: 20, who: 'Ben' },
  { kind: 'line', text: 'And a second paragraph of the same answer.', sec: 30, who: 'Ben' },
  { kind: 'line', text: 'Tell us about your career.', sec: 40, who: 'Ana' },
]
const { timeline } = buildTimeline(items)

/** The transcript's markup as the pane renders it (the selection reads `li[data-line] > p`). */
function renderPage() {
  const onCopyLink = vi.fn()
  const onCopyQuote = vi.fn()
  const onSeek = vi.fn()
  render(
    <MemoryRouter>
      <section aria-label="Transcript">
        <div className="transcript-pane">
          <ol className="transcript-lines">
            {timeline.lines.map((l) => (
              <li
                key={l.index}
                data-line={l.index}
                onClick={() => {
                  // As TranscriptLine: the click that ends a selection is reading, not seeking.
                  if (!window.getSelection()?.toString()) onSeek(l)
                }}
              >
                <span className="speaker">{l.speaker}</span>
                <a href={`?t=${l.start}`}>{l.start}</a>
                <p>{l.text}</p>
              </li>
            ))}
          </ol>
        </div>
      </section>
      <SelectionActions lines={timeline.lines} onCopyLink={onCopyLink} onCopyQuote={onCopyQuote} />
    </MemoryRouter>,
  )
  return { onCopyLink, onCopyQuote, onSeek }
}

/** The text node of line `i`'s words. */
function words(i: number): Text {
  const p = document.querySelector(`li[data-line="${i}"] > p`)
  const node = p?.firstChild
  if (!(node instanceof Text)) throw new Error(`no words in line ${i}`)
  return node
}

/** Selects from `from` characters into line a to `to` characters into line b, as a reader's drag would. */
async function select(a: number, from: number, b: number, to: number) {
  const range = document.createRange()
  range.setStart(words(a), from)
  range.setEnd(words(b), to)
  const selection = window.getSelection()
  selection?.removeAllRanges()
  selection?.addRange(range)
  await act(async () => {
    document.dispatchEvent(new Event('selectionchange'))
    await new Promise((r) => setTimeout(r, 50))
  })
}

describe('SelectionActions', () => {
  afterEach(() => {
    window.getSelection()?.removeAllRanges()
  })

  it('offers nothing without a selection', () => {
    renderPage()
    expect(screen.queryByRole('toolbar')).toBeNull()
  })

  it('offers both copies for words selected across three lines, with what was selected', async () => {
    const { onCopyLink, onCopyQuote, onSeek } = renderPage()
    await select(0, 10, 2, 8)
    const bar = screen.getByRole('toolbar', { name: 'Share the selected words (3 lines)' })
    fireEvent.click(within(bar).getByRole('button', { name: 'Copy link to quote' }))
    fireEvent.click(within(bar).getByRole('button', { name: 'Copy quote' }))
    const quote = {
      first: 0,
      last: 2,
      parts: [
        { speaker: 'Ana', text: 'welcome to the show.' },
        { speaker: 'Ben', text: 'Thanks for having me here.' },
        { speaker: 'Ben', text: 'And a se' },
      ],
    }
    expect(onCopyLink).toHaveBeenCalledWith(quote)
    expect(onCopyQuote).toHaveBeenCalledWith(quote)
    // Pressing a button keeps the selection (its mousedown is cancelled), and the click that ends
    // a selection never seeks.
    expect(fireEvent.mouseDown(within(bar).getByRole('button', { name: 'Copy quote' }))).toBe(false)
    fireEvent.click(words(2).parentElement as HTMLElement)
    expect(onSeek).not.toHaveBeenCalled()
  })

  it('works within one line, and goes away when the selection does', async () => {
    const { onCopyQuote } = renderPage()
    await select(3, 8, 3, 26)
    const bar = screen.getByRole('toolbar', { name: 'Share the selected words (1 line)' })
    fireEvent.click(within(bar).getByRole('button', { name: 'Copy quote' }))
    expect(onCopyQuote).toHaveBeenCalledWith({
      first: 3,
      last: 3,
      parts: [{ speaker: 'Ana', text: 'about your career.' }],
    })
    await act(async () => {
      window.getSelection()?.removeAllRanges()
      document.dispatchEvent(new Event('selectionchange'))
      await new Promise((r) => setTimeout(r, 50))
    })
    expect(screen.queryByRole('toolbar')).toBeNull()
  })

  it('ignores a selection outside the transcript', async () => {
    renderPage()
    const outside = document.createElement('p')
    outside.textContent = 'Elsewhere on the page.'
    document.body.append(outside)
    const range = document.createRange()
    range.selectNodeContents(outside)
    window.getSelection()?.addRange(range)
    await act(async () => {
      document.dispatchEvent(new Event('selectionchange'))
      await new Promise((r) => setTimeout(r, 50))
    })
    expect(screen.queryByRole('toolbar')).toBeNull()
    outside.remove()
  })
})
