import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Chapter, TimedLine } from '../episode/types.ts'
import { createEpisodeSearch } from './episode-search.ts'
import { MAX_RERANK } from './rank.ts'
import { tokenize } from './normalize.ts'

function lines(rows: [speaker: string | undefined, text: string][]): TimedLine[] {
  return rows.map(([speaker, text], index) => ({
    index,
    text,
    speaker,
    start: index * 10,
    estimated: false,
    chapter: 0,
  }))
}

function chapters(titles: string[]): Chapter[] {
  return titles.map((title, index) => ({ index, title, start: index * 100, estimated: false, firstLine: index }))
}

const LINES = lines([
  ['Alexey', 'Welcome! Today we talk about Kubernetes and Terraform.'],
  ['Anna', 'I moved from Poznań to Berlin, to work at Główny Urząd Statystyczny.'],
  ['Alexey', 'How do you orchestrate pipelines? Airflow?'],
  ['Anna', 'We use Airflow on Kubernetes, and Terraform for the infrastructure.'],
  ['Alexey', 'Machine learning is fun; learning machines are funnier.'],
  ['Anna', 'As a machine learning engineer I deploy models with 🎉 Kubernetes.'],
  ['Alexey', 'DataOps is about data and ops together.'],
  ['Anna', 'The ﬁnal answer is 42 (or [maybe] *not*) \\ done.'],
  [undefined, 'A line nobody said, about data.'],
])

const CHAPTERS = chapters(['Introduction', 'Working in Poznań', 'Kubernetes and Terraform'])

const search = createEpisodeSearch(LINES, CHAPTERS)

describe('episode search: properties', () => {
  const text = fc.string({ unit: 'binary', maxLength: 80 })
  const nasty = fc.string({
    unit: fc.constantFrom(
      '(',
      ')',
      '*',
      '\\',
      '[',
      ']',
      '"',
      '“',
      '.',
      '?',
      '+',
      '^',
      '$',
      '|',
      'a',
      'é',
      ' ',
      '🎉',
      '\u0301',
    ),
    maxLength: 20,
  })

  it('never throws, and ranges are sorted, disjoint and inside the text', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), fc.oneof(text, nasty), (texts, query) => {
        const ls = lines(texts.map((t) => [undefined, t]))
        const r = createEpisodeSearch(ls, chapters(texts.slice(0, 2))).search(query)
        let previous = -1
        for (const hit of r.lines) {
          expect(hit.line).toBeGreaterThan(previous)
          previous = hit.line
          const len = ls[hit.line]?.text.length ?? 0
          let end = -1
          for (const [s, e] of hit.ranges) {
            expect(s).toBeGreaterThan(end)
            expect(e).toBeGreaterThan(s)
            expect(e).toBeLessThanOrEqual(len)
            end = e
          }
        }
      }),
    )
  })

  it('finds every word of a line by that word, highlighted', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), fc.nat(), fc.nat(), (texts, pickLine, pickWord) => {
        const at = pickLine % texts.length
        const tokens = tokenize(texts[at] ?? '')
        const token = tokens[pickWord % Math.max(1, tokens.length)]
        if (!token) return
        const original = (texts[at] ?? '').slice(token.start, token.end)
        const hit = createEpisodeSearch(lines(texts.map((t) => [undefined, t])), [])
          .search(original)
          .lines.find((h) => h.line === at)
        expect(hit).toBeDefined()
        expect(hit?.ranges.some(([s, e]) => s <= token.start && e >= token.end)).toBe(true)
      }),
    )
  })

  it('counts every matching line, more than it lists when a common word matches more than the engine ranks', () => {
    const many = createEpisodeSearch(
      lines(Array.from({ length: MAX_RERANK + 310 }, (_, i) => [undefined, `data point ${i}`] as [undefined, string])),
      [],
    )
    const r = many.search('data')
    expect(r.lines.length).toBe(MAX_RERANK)
    expect(r.total).toBe(MAX_RERANK + 310)
    expect(search.search('kubernetes').total).toBe(3)
    expect(search.search('', { speakers: ['Anna'] }).total).toBe(4)
  })
})
