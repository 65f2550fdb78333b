import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortCatalog, type Orderable } from './order.ts'

const e = (title: string, season?: number, episode?: number, date?: string): Orderable => ({
  title,
  season,
  episode,
  date,
})
const titles = (list: readonly Orderable[]) => sortCatalog(list).map((x) => x.title)

describe('sortCatalog', () => {
  it('puts the newest first by date, then by season and episode', () => {
    expect(
      titles([
        e('old', 1, 1, '2020-01-01'),
        e('new', 2, 1, '2021-01-01'),
        e('same-day-1', 3, 1, '2022-01-01'),
        e('same-day-2', 3, 2, '2022-01-01'),
      ]),
    ).toEqual(['same-day-2', 'same-day-1', 'new', 'old'])
  })

  it('sorts undated episodes among their season-and-episode neighbours, not at the end', () => {
    const list = [
      e('s18e09', 18, 9, '2024-06-01'),
      e('s19e01', 19, 1, '2024-09-01'),
      e('s19e02', 19, 2),
      e('s19e03', 19, 3),
      e('s20e01', 20, 1),
      e('s18e08', 18, 8, '2024-05-01'),
    ]
    expect(titles(list)).toEqual(['s20e01', 's19e03', 's19e02', 's19e01', 's18e09', 's18e08'])
  })

  it('dates undated episodes before the first dated one by the one after them', () => {
    expect(titles([e('s1e01', 1, 1), e('s1e02', 1, 2, '2020-02-01'), e('s2e01', 2, 1, '2021-01-01')])).toEqual([
      's2e01',
      's1e02',
      's1e01',
    ])
  })

  it('puts episodes with neither date nor season last, by title', () => {
    expect(titles([e('b'), e('a'), e('s1', 1, 1, '2020-01-01')])).toEqual(['s1', 'a', 'b'])
  })

  it('is a permutation, and a dated list keeps date order (property)', () => {
    const entry = fc.record({
      title: fc.string({ maxLength: 3 }),
      season: fc.option(fc.nat(5), { nil: undefined }),
      episode: fc.option(fc.nat(5), { nil: undefined }),
      date: fc.option(fc.constantFrom('2020-01-01', '2021-01-01', '2022-01-01'), { nil: undefined }),
    })
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (list) => {
        const sorted = sortCatalog(list)
        expect(sorted.length).toBe(list.length)
        expect(new Set(sorted)).toEqual(new Set(list))
        const dated = sorted.filter((x) => x.date)
        for (let i = 1; i < dated.length; i++) expect((dated[i - 1]?.date ?? '') >= (dated[i]?.date ?? '')).toBe(true)
      }),
    )
  })
})
