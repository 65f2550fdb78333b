import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useRef } from 'react'
import { MemoryRouter, useLocation } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import type { SourceItem, TimedLine } from '../../lib/episode/types.ts'
import { buildTimeline } from '../../lib/timeline/timeline.ts'
import { EpisodeSearchPanel } from './EpisodeSearchPanel.tsx'
import { useEpisodeSearch } from './use-episode-search.ts'

const items: SourceItem[] = [
  { kind: 'header', title: 'Kubernetes basics' },
  { kind: 'line', text: 'We run everything on Kubernetes.', sec: 10, who: 'Ana' },
  { kind: 'line', text: 'Terraform sets up the cluster.', sec: 20, who: 'Ben' },
  { kind: 'line', text: 'Kubernetes again, and Poznań.', sec: 30, who: 'Ana' },
  { kind: 'line', text: 'Nothing to see here (really).', sec: 40, who: 'Ben' },
]
const { timeline } = buildTimeline(items)

function Harness({ onSeek }: { onSeek: (l: TimedLine) => void }) {
  const search = useEpisodeSearch(timeline.lines, timeline.chapters)
  const ref = useRef<HTMLInputElement>(null)
  const location = useLocation()
  return (
    <>
      <EpisodeSearchPanel
        ref={ref}
        search={search}
        lines={timeline.lines}
        chapters={timeline.chapters}
        onSeekLine={onSeek}
        onSeekChapter={() => {}}
      />
      <span data-testid="url">{location.search}</span>
    </>
  )
}

function setup(initial = '/') {
  const onSeek = vi.fn()
  render(
    <MemoryRouter initialEntries={[initial]}>
      <Harness onSeek={onSeek} />
    </MemoryRouter>,
  )
  return {
    onSeek,
    box: screen.getByRole('searchbox', { name: 'Search transcript' }),
    status: () => screen.getByRole('status').textContent,
  }
}

describe('EpisodeSearchPanel', () => {
  it('finds a misspelt word, counts, and steps with Enter and Shift+Enter', async () => {
    const { box, status } = setup()
    await userEvent.type(box, 'kubernets')
    // Two lines, and a chapter title listed too: the count says so.
    await waitFor(() => expect(status()).toBe('1 of 2 lines · 1 chapter'))
    await userEvent.keyboard('{Enter}')
    expect(status()).toBe('2 of 2 lines · 1 chapter')
    await userEvent.keyboard('{Enter}')
    expect(status()).toBe('1 of 2 lines · 1 chapter')
    await userEvent.keyboard('{Shift>}{Enter}{/Shift}')
    expect(status()).toBe('2 of 2 lines · 1 chapter')
    const results = screen.getByRole('list', { name: 'Search results' })
    // The chapter title matches too, listed first.
    expect(within(results).getAllByRole('button')[0]).toHaveTextContent('Chapter: Kubernetes basics')
    expect(
      within(results)
        .getAllByRole('listitem')
        .find((li) => li.getAttribute('aria-current') === 'true'),
    ).toHaveTextContent('Kubernetes again')
    expect(screen.getByTestId('url').textContent).toBe('?q=kubernets')
  })

  it('seeks from a result', async () => {
    const { box, onSeek } = setup()
    await userEvent.type(box, 'terraform')
    await userEvent.click(await screen.findByRole('button', { name: /Terraform sets up/ }))
    expect(onSeek).toHaveBeenCalledWith(expect.objectContaining({ index: 1 }))
  })

  it('says when nothing matches, and takes special characters as text', async () => {
    const { box, status } = setup()
    await userEvent.type(box, 'zzzzqqq')
    await waitFor(() => expect(status()).toBe('No matches'))
    await userEvent.clear(box)
    await userEvent.type(box, '(really')
    await waitFor(() => expect(status()).toBe('1 of 1 line'))
  })

  it('when no line has every word, lists those with all but one and says which word they lack', async () => {
    const { box, status } = setup()
    await userEvent.type(box, 'terraform poznan')
    await waitFor(() => expect(status()).toBe('1 of 2 lines'))
    expect(screen.getByText('No line has every word: results without “terraform” or “poznan”')).toBeInTheDocument()
    await userEvent.clear(box)
    await userEvent.type(box, 'terraform')
    await waitFor(() => expect(status()).toBe('1 of 1 line'))
    expect(screen.queryByText(/No line has every word/)).toBeNull()
  })

  it('opens with the query and speakers of a shared link, ignoring accents', async () => {
    const { status } = setup('/?q=poznan&who=Ana')
    await waitFor(() => expect(status()).toBe('1 of 1 line'))
    await userEvent.click(screen.getByRole('button', { name: 'Speakers (1)' }))
    expect(screen.getByRole('checkbox', { name: /Ana/ })).toBeChecked()
    expect(within(screen.getByRole('list', { name: 'Search results' })).getByText('Poznań')).toBeInTheDocument()
  })

  it('counts a chapter title it lists: never "No matches" above a result', async () => {
    const { box, status } = setup()
    await userEvent.type(box, 'basics')
    await waitFor(() => expect(status()).toBe('1 chapter, no lines'))
    const results = screen.getByRole('list', { name: 'Search results' })
    expect(within(results).getAllByRole('listitem')).toHaveLength(1)
  })

  it('lists no results for a speaker filter alone (the transcript is filtered already)', async () => {
    const { box, status } = setup('/?who=Ana')
    // Once the engine has loaded (a query lists Ana's matching line), clearing the query lists nothing.
    await userEvent.type(box, 'poznan')
    await waitFor(() => expect(status()).toBe('1 of 1 line'))
    await userEvent.clear(box)
    expect(screen.queryByRole('list', { name: 'Search results' })).toBeNull()
    expect(status()).toBe('')
    expect(screen.getByRole('button', { name: 'Next result' })).toBeDisabled()
  })

  it('opens the speaker list under the bar, with each speaker’s count in words', async () => {
    setup()
    const toggle = screen.getByRole('button', { name: 'Speakers' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('group', { name: 'Only lines by' })).toBeNull()
    await userEvent.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    const group = screen.getByRole('group', { name: 'Only lines by' })
    expect(within(group).getByRole('checkbox', { name: 'Ana (2 lines)' })).not.toBeChecked()
  })
})
