import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TimedLine } from '../episode/types.ts'
import {
  buildCorpusIndex,
  loadCorpusIndex,
  type CorpusEpisodeInput,
  type CorpusHit,
  type CorpusIndexData,
} from './corpus-search.ts'
import { listedHits } from './listed-hits.ts'

function episode(slug: string, rows: [speaker: string | undefined, text: string][]): CorpusEpisodeInput {
  const lines: TimedLine[] = rows.map(([speaker, text], index) => ({
    index,
    text,
    speaker,
    start: index * 10 + 0.12345,
    estimated: false,
    chapter: -1,
  }))
  return { slug, title: `Title of ${slug}`, lines }
}

const LONG = `${'Some words before the interesting part of this rather long line. '.repeat(4)}Here we deploy on Kubernetes with Terraform. ${'And then many more words after it, to make the line long. '.repeat(4)}`

const EPISODES = [
  episode('one', [
    ['Alexey', 'Welcome to the show about Kubernetes.'],
    ['Anna', 'I work with Terraform and Kubernetes every day.'],
    ['Alexey', LONG],
  ]),
  episode('two', [
    ['Alexey', 'Today: Airflow, DataOps and machine learning.'],
    ['Bob', 'Kubernetes is a container orchestrator.'],
    [undefined, 'Nobody said this about Kubernetes.'],
  ]),
  episode('three', [['Żaneta', 'Greetings from Poznań, Kubernetes capital.']]),
]

/** As the browser gets it: through JSON. */
function load(episodes = EPISODES): ReturnType<typeof loadCorpusIndex> {
  return loadCorpusIndex(JSON.parse(JSON.stringify(buildCorpusIndex(episodes))) as CorpusIndexData)
}

const corpus = load()

describe('buildCorpusIndex', () => {
  it('makes plain data with one entry per line and a speaker table', () => {
    const data = buildCorpusIndex(EPISODES)
    expect(data.episodes).toEqual([
      { slug: 'one', title: 'Title of one', lines: 3 },
      { slug: 'two', title: 'Title of two', lines: 3 },
      { slug: 'three', title: 'Title of three', lines: 1 },
    ])
    expect(data.speakers).toEqual(['Alexey', 'Anna', 'Bob', 'Żaneta'])
    expect(data.speaker).toEqual([0, 1, 0, 0, 2, -1, 3])
    expect(data.start[1]).toBe(10.123)
    expect(JSON.parse(JSON.stringify(data))).toEqual(data)
  })

  it('is refused when inconsistent', () => {
    const data = buildCorpusIndex(EPISODES)
    expect(() => loadCorpusIndex({ ...data, text: data.text.slice(1) })).toThrow(/inconsistent/)
    expect(() => loadCorpusIndex({ ...data, version: 1 } as unknown as CorpusIndexData)).toThrow(/version/)
    expect(() => loadCorpusIndex({ ...data, estimated: [data.text.length] })).toThrow(/inconsistent/)
  })
})

describe('corpus search', () => {
  it('groups hits by episode, best first, with episode line numbers', () => {
    const r = corpus.search('kubernets')
    expect(r.total).toBe(6)
    expect(r.truncated).toBe(false)
    expect(r.groups.map((g) => g.slug).sort()).toEqual(['one', 'three', 'two'])
    const two = r.groups.find((g) => g.slug === 'two')
    expect(two?.count).toBe(2)
    expect(two?.hits.map((h) => h.line).sort()).toEqual([1, 2])
    for (let i = 1; i < r.groups.length; i++)
      expect(r.groups[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(r.groups[i]?.score ?? 0)
  })

  it('gives speaker, start and a highlighted snippet', () => {
    const hit = corpus
      .search('terraform')
      .groups.find((g) => g.slug === 'one')
      ?.hits.find((h) => h.line === 1)
    expect(hit).toMatchObject({
      line: 1,
      speaker: 'Anna',
      start: 10.123,
      snippet: 'I work with Terraform and Kubernetes every day.',
      snippetOffset: 0,
    })
    expect(hit?.ranges).toEqual([[12, 21]])
  })

  it('says which starts are estimated, so results show them with ~', () => {
    const lines: TimedLine[] = [
      { index: 0, text: 'A written time for Terraform.', start: 10, estimated: false, chapter: -1 },
      { index: 1, text: 'An estimated one for Terraform too.', start: 14.5, estimated: true, chapter: -1 },
    ]
    const hits =
      loadCorpusIndex(buildCorpusIndex([{ slug: 'e', title: 'E', lines }])).search('terraform').groups[0]?.hits ?? []
    expect(Object.fromEntries(hits.map((h) => [h.line, h.estimated]))).toEqual({ 0: false, 1: true })
  })

  it('cuts long lines to a window around the match', () => {
    const hit = corpus
      .search('kubernetes terraform')
      .groups.find((g) => g.slug === 'one')
      ?.hits.find((h) => h.line === 2)
    expect(hit).toBeDefined()
    if (!hit) return
    expect(hit.snippet.length).toBeLessThanOrEqual(160)
    expect(hit.clippedStart).toBe(true)
    expect(hit.clippedEnd).toBe(true)
    expect(LONG.slice(hit.snippetOffset, hit.snippetOffset + hit.snippet.length)).toBe(hit.snippet)
    expect(hit.ranges.map(([s, e]) => hit.snippet.slice(s, e))).toEqual(['Kubernetes', 'Terraform'])
  })

  it('leaves out the speaker of a line without one', () => {
    const hit = corpus.search('nobody').groups[0]?.hits[0]
    expect(hit && 'speaker' in hit).toBe(false)
  })

  it('folds accents in the text and in the speaker filter', () => {
    expect(corpus.search('poznan').groups.map((g) => g.slug)).toEqual(['three'])
    expect(corpus.search('kubernetes', { speakers: ['zaneta'] }).total).toBe(1)
  })

  it('filters by speaker across episodes', () => {
    const r = corpus.search('kubernetes', { speakers: ['Alexey'] })
    expect(r.groups.map((g) => [g.slug, g.hits.map((h) => h.line)])).toEqual([['one', [0, 2]]])
    expect(corpus.search('kubernetes', { speakers: ['Bob', 'Anna'] }).total).toBe(2)
  })

  it('lists a speaker’s lines for an empty query, in corpus order', () => {
    const r = corpus.search('', { speakers: ['Alexey'] })
    expect(r.groups.map((g) => [g.slug, g.hits.map((h) => h.line)])).toEqual([
      ['one', [0, 2]],
      ['two', [0]],
    ])
    expect(r.total).toBe(3)
    expect(corpus.search('').total).toBe(0)
  })

  it('caps the results, overall and per episode, and says so', () => {
    const r = corpus.search('kubernetes', { limit: 2 })
    expect(r.groups.reduce((n, g) => n + g.hits.length, 0)).toBe(2)
    expect(r.total).toBe(6)
    expect(r.truncated).toBe(true)
    // Every episode that matches is counted, not only those listed.
    expect(r.groups.length).toBeLessThan(3)
    expect(r.episodes).toBe(3)
    expect(corpus.search('', { speakers: ['Alexey'] }).episodes).toBe(2)
    expect(corpus.search('zzzzqqq').episodes).toBe(0)
    const one = corpus.search('kubernetes', { perEpisode: 1 })
    expect(one.groups.every((g) => g.hits.length === 1)).toBe(true)
    expect(one.groups.find((g) => g.slug === 'one')?.count).toBe(3)
  })

  it('lists speakers with their episodes and lines', () => {
    expect(corpus.speakers()).toEqual([
      { name: 'Alexey', episodes: 2, lines: 3 },
      { name: 'Anna', episodes: 1, lines: 1 },
      { name: 'Bob', episodes: 1, lines: 1 },
      { name: 'Żaneta', episodes: 1, lines: 1 },
    ])
  })

  it('finds two words written as one, and phrases', () => {
    expect(corpus.search('data ops').groups.map((g) => g.slug)).toEqual(['two'])
    expect(corpus.search('"machine learning"').total).toBe(1)
    expect(corpus.search('"learning machine"').total).toBe(0)
  })

  it('never throws, and snippet ranges stay inside the snippet', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (q) => {
        const r = corpus.search(q)
        for (const g of r.groups) {
          for (const h of g.hits) {
            let end = -1
            for (const [s, e] of h.ranges) {
              expect(s).toBeGreaterThan(end)
              expect(e).toBeLessThanOrEqual(h.snippet.length)
              end = e
            }
          }
        }
      }),
    )
  })
})

describe('listedHits', () => {
  const hit = (line: number, start: number, score: number): CorpusHit => ({
    line,
    start,
    score,
    estimated: false,
    snippet: '',
    snippetOffset: 0,
    clippedStart: false,
    clippedEnd: false,
    ranges: [],
  })

  it('lists an episode’s hits in the order they are said, the best one marked', () => {
    // Ranked best first, as the search returns them: 26:21, 25:22, 27:34, 7:58.
    const hits = [hit(40, 1581, 9), hit(38, 1522, 7), hit(45, 1654, 5), hit(12, 478, 4)]
    const listed = listedHits({ hits })
    expect(listed.map((l) => l.hit.start)).toEqual([478, 1522, 1581, 1654])
    expect(listed.map((l) => l.best)).toEqual([false, false, true, false])
  })

  it('marks no best for a single hit or for lines listed by a speaker filter alone', () => {
    expect(listedHits({ hits: [hit(3, 30, 2)] }).map((l) => l.best)).toEqual([false])
    expect(listedHits({ hits: [hit(5, 50, 0), hit(1, 10, 0)] }).map((l) => [l.hit.line, l.best])).toEqual([
      [1, false],
      [5, false],
    ])
    expect(listedHits({ hits: [] })).toEqual([])
  })

  it('orders the real search’s groups by time', () => {
    for (const g of load().search('kubernetes').groups) {
      const starts = listedHits(g).map((l) => l.hit.start)
      expect(starts).toEqual([...starts].sort((a, b) => a - b))
    }
  })
})
