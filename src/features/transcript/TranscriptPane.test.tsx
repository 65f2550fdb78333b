import { act, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Profiler } from 'react'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SourceItem } from '../../lib/episode/types.ts'
import { buildTimeline } from '../../lib/timeline/timeline.ts'
import { FakePlayer } from '../../../tests/support/fake-player.ts'
import { usePlayback } from '../../playback/playback-store.ts'
import { ChapterList } from './ChapterList.tsx'
import { TranscriptPane } from './TranscriptPane.tsx'

const items: SourceItem[] = [
  { kind: 'line', text: 'A line before any chapter.', sec: 2, who: 'Ana' },
  { kind: 'header', title: 'Intro' },
  { kind: 'line', text: 'Hello and welcome.', sec: 10, time: '0:10', who: 'Ana' },
  { kind: 'line', text: 'Thanks for having me.', sec: 20, time: '0:20', who: 'Ben' },
  { kind: 'line', text: 'And a second paragraph of the same answer.', sec: 20, time: '0:20', who: 'Ben' },
  { kind: 'header', title: 'Career' },
  { kind: 'line', text: 'Tell us about your career.', sec: 30, time: '0:30', who: 'Ana' },
]
const { timeline } = buildTimeline(items)

function renderPane(onRender: () => void = () => {}) {
  const player = new FakePlayer(100, { onStateChange: (s) => usePlayback.getState().playerState(s) })
  usePlayback.getState().attach(timeline)
  usePlayback.getState().connect(player, 'video')
  const seekLine = (l: { start: number }) => usePlayback.getState().requestSeek(l.start, { play: true })
  render(
    <MemoryRouter>
      <nav aria-label="Chapters">
        <ChapterList chapters={timeline.chapters} hrefFor={(c) => `/e?t=${c.start}`} onSeek={seekLine} />
      </nav>
      <section aria-label="Transcript">
        <Profiler id="pane" onRender={onRender}>
          <TranscriptPane
            timeline={timeline}
            lineHref={(l) => `/e?t=${l.start}`}
            chapterHref={(c) => `/e?t=${c.start}`}
            onSeekLine={seekLine}
            onSeekChapter={seekLine}
            onCopyLine={() => {}}
          />
        </Profiler>
      </section>
    </MemoryRouter>,
  )
  return player
}

const transcript = () => screen.getByRole('region', { name: 'Transcript' })
const currentLine = () => transcript().querySelector('[aria-current="true"]')

describe('TranscriptPane', () => {
  beforeEach(() => usePlayback.getState().reset())
  afterEach(() => usePlayback.getState().reset())

  it('shows each line with its speaker and time, marking estimated starts', () => {
    renderPane()
    expect(within(transcript()).getByRole('link', { name: '0:10, Ana: play from here' })).toHaveAttribute(
      'href',
      '/e?t=10',
    )
    // The second paragraph shares sec 20: its start is estimated and shown as approximate.
    const estimated = within(transcript()).getByRole('link', { name: /^About 0:2\d, Ben: play from here$/ })
    expect(estimated.textContent).toMatch(/^~0:2\d$/)
    expect(within(transcript()).getByRole('heading', { name: /Career/ })).toBeInTheDocument()
  })

  it('seeks and plays from a clicked line, which becomes current', async () => {
    const player = renderPane()
    await userEvent.click(screen.getByText('Tell us about your career.'))
    expect(player.calls).toEqual(['seekTo(30)', 'play'])
    expect(currentLine()).toHaveTextContent('Tell us about your career.')
  })

  it('seeks from a chapter and marks it current', async () => {
    const player = renderPane()
    await userEvent.click(
      within(screen.getByRole('navigation', { name: 'Chapters' })).getByRole('link', { name: /Career/ }),
    )
    expect(player.calls).toContain('seekTo(30)')
    expect(
      within(screen.getByRole('navigation', { name: 'Chapters' })).getByRole('link', { name: /Career/ }),
    ).toHaveAttribute('aria-current', 'true')
  })

  it('commits nothing while the clock moves within one line', () => {
    let commits = 0
    const player = renderPane(() => commits++)
    player.time = 10
    act(() => usePlayback.getState().tick())
    commits = 0
    for (let t = 10.1; t < 19.9; t += 0.1) {
      player.time = t
      act(() => usePlayback.getState().tick())
    }
    expect(commits).toBe(0)
    player.time = 21
    act(() => usePlayback.getState().tick())
    expect(commits).toBe(1)
  })

  it('stops following when the reader scrolls, and offers the way back', async () => {
    const player = renderPane()
    player.time = 12
    act(() => usePlayback.getState().tick())
    const pane = within(transcript()).getByLabelText('Transcript lines')
    fireEvent.wheel(pane, { deltaY: 200 })
    const back = await screen.findByRole('button', { name: /Back to current line/ })
    expect(usePlayback.getState().following).toBe(false)
    await userEvent.click(back)
    expect(usePlayback.getState().following).toBe(true)
    expect(screen.queryByRole('button', { name: /Back to current line/ })).toBeNull()
  })
})
