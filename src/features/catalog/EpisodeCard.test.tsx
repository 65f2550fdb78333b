import { render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it } from 'vitest'
import type { CatalogEntry } from '../../lib/episode/types.ts'
import { EpisodeCard } from './EpisodeCard.tsx'

const META: CatalogEntry = {
  slug: 's11e03-dataops',
  title: 'DataOps & GitOps for Data Teams',
  season: 11,
  episode: 3,
  guests: ['tomasz'],
  guestNames: ['Tomasz'],
  youtubeId: 'lem7knxqNzg',
  date: '2024-11-16',
  durationSec: 3900,
  topics: ['MLOps'],
  lineCount: 120,
  chapterCount: 28,
}

function card(meta: Partial<CatalogEntry> = {}) {
  render(
    <MemoryRouter>
      <EpisodeCard meta={{ ...META, ...meta }} />
    </MemoryRouter>,
  )
  return screen.getByRole('article')
}

describe('EpisodeCard', () => {
  it('shows the date as every page does, beside the code', () => {
    expect(card()).toHaveTextContent('S11E03 · 16 Nov 2024')
    expect(screen.queryByText(/2024-11-16/)).toBeNull()
  })

  it('keeps each fact’s words together (no "lines" alone on a line), in the singular for one', () => {
    const el = card({ lineCount: 1 })
    const facts = [...el.querySelectorAll('.card-facts .nowrap')].map((e) => e.textContent)
    expect(facts).toEqual(['1 h 5 min', '1 line'])
  })
})
