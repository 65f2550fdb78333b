import { describe, expect, it } from 'vitest'
import type { Chapter, TimedLine } from '../episode/types.ts'
import { createEpisodeSearch, type LineHit } from './episode-search.ts'

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

/** The highlighted text of each hit, by line. */
function marked(hits: LineHit[]): Record<number, string[]> {
  const out: Record<number, string[]> = {}
  for (const h of hits) out[h.line] = h.ranges.map(([s, e]) => (LINES[h.line]?.text ?? '').slice(s, e))
  return out
}

function found(query: string, speakers?: string[]): number[] {
  return search.search(query, { speakers }).lines.map((h) => h.line)
}

describe('episode search: matching', () => {
  it('finds exact words, case ignored', () => {
    expect(found('kubernetes')).toEqual([0, 3, 5])
    expect(found('AIRFLOW')).toEqual([2, 3])
  })

  it('finds words as they are typed (prefix)', () => {
    expect(found('kube')).toEqual([0, 3, 5])
    expect(marked(search.search('kube').lines)[0]).toEqual(['Kube'])
  })

  it('tolerates typos', () => {
    expect(found('kubernets')).toEqual([0, 3, 5])
    expect(found('terrafrom')).toEqual([0, 3])
    expect(found('airflwo')).toEqual([2, 3])
    expect(marked(search.search('kubernets').lines)[5]).toEqual(['Kubernetes'])
  })

  it('does not turn a real word into typos of other words', () => {
    // "data" is a word here: no typo matching for "date"-like words.
    expect(found('data')).toEqual([6, 8])
  })

  it('ignores accents both ways', () => {
    expect(found('poznan')).toEqual([1])
    expect(found('glowny')).toEqual([1])
    expect(found('Główny')).toEqual([1])
    expect(found('POZNAŃ')).toEqual([1])
  })

  it('needs all words, in any order', () => {
    expect(found('terraform kubernetes')).toEqual([0, 3])
    expect(found('kubernetes airflow')).toEqual([3])
    // No line has both: the lines with every word but the one that matches nothing, labelled.
    expect(found('kubernetes nothingmatches')).toEqual([0, 3, 5])
    expect(search.search('kubernetes nothingmatches').without).toEqual(['nothingmatches'])
    expect(search.search('kubernetes airflow').without).toEqual([])
  })

  it('matches a phrase in quotes only as that phrase', () => {
    expect(found('machine learning')).toEqual([4, 5])
    expect(found('"machine learning"')).toEqual([4, 5])
    expect(found('"learning machine"')).toEqual([]) // words in a phrase are whole words: not "machines"
    expect(found('"learning machines"')).toEqual([4])
    expect(found('"machine learning engineer"')).toEqual([5])
    expect(found('"engineer learning"')).toEqual([])
    expect(marked(search.search('"learning machines"').lines)[4]).toEqual(['learning machines'])
  })

  it('matches the last word of an unclosed phrase as a prefix', () => {
    expect(found('"machine learning eng')).toEqual([5])
    expect(found('"machine learning eng"')).toEqual([])
  })

  it('matches two words written as one', () => {
    expect(found('data ops')).toEqual([6])
    expect(marked(search.search('data ops').lines)[6]).toEqual(['DataOps', 'data', 'ops'])
  })

  it('matches short words other than the last as whole words, highlighted only beside the others', () => {
    const s = createEpisodeSearch(
      lines([
        [undefined, 'We talk about A/B testing, a topic we like.'],
        [undefined, 'The air engineer and the AI engineer.'],
        [undefined, 'An aim: to be an engineer.'],
      ]),
      [],
    )
    const r = s.search('A/B testing').lines
    expect(r.map((h) => h.line)).toEqual([0])
    const text = 'We talk about A/B testing, a topic we like.'
    expect(r[0]?.ranges.map(([a, b]) => text.slice(a, b))).toEqual(['A', 'B', 'testing'])
    // "ai" is not the word being typed: it does not match "air" or "aim".
    expect(s.search('ai engineer').lines.map((h) => h.line)).toEqual([1])
    // As the last word it may be a prefix.
    expect(s.search('engineer ai').lines.map((h) => h.line)).toEqual([1, 2])
  })

  it('treats special characters as plain text', () => {
    for (const q of ['(', '*', '\\', '[', '(maybe', '[maybe]', '*not*', '.*', '\\d+', '?', ')', '$^']) {
      expect(() => search.search(q)).not.toThrow()
    }
    expect(found('[maybe]')).toEqual([7])
    expect(found('*not*')).toEqual([7])
    expect(found('(')).toEqual([])
  })

  it('matches ligatures by their letters', () => {
    expect(found('final')).toEqual([7])
    expect(marked(search.search('final').lines)[7]).toEqual(['ﬁnal'])
  })
})

describe('episode search: ranges', () => {
  it('gives exact offsets into the original text, accents and emoji included', () => {
    const hits = search.search('glowny urzad').lines
    expect(hits).toHaveLength(1)
    const text = LINES[1]?.text ?? ''
    expect(hits[0]?.ranges).toEqual([
      [text.indexOf('Główny'), text.indexOf('Główny') + 6],
      [text.indexOf('Urząd'), text.indexOf('Urząd') + 5],
    ])
    const emoji = search.search('kubernetes').lines.find((h) => h.line === 5)
    const t5 = LINES[5]?.text ?? ''
    expect(emoji?.ranges).toEqual([[t5.indexOf('Kubernetes'), t5.indexOf('Kubernetes') + 10]])
  })

  it('highlights a phrase as one range', () => {
    const hits = search.search('"glowny urzad"').lines
    expect(marked(hits)[1]).toEqual(['Główny Urząd'])
  })
})

describe('episode search: speakers', () => {
  it('lists speakers by line count', () => {
    expect(search.speakers).toEqual([
      { name: 'Alexey', count: 4 },
      { name: 'Anna', count: 4 },
    ])
  })

  it('limits results to the chosen speakers', () => {
    expect(found('kubernetes', ['Anna'])).toEqual([3, 5])
    expect(found('kubernetes', ['alexey'])).toEqual([0])
    expect(found('kubernetes', ['Anna', 'Alexey'])).toEqual([0, 3, 5])
    expect(found('kubernetes', ['Nobody'])).toEqual([])
    expect(found('kubernetes', [])).toEqual([0, 3, 5])
  })

  it('with an empty query lists all lines of the speakers, in order', () => {
    const r = search.search('', { speakers: ['Anna'] })
    expect(r.lines.map((h) => h.line)).toEqual([1, 3, 5, 7])
    expect(r.lines.every((h) => h.ranges.length === 0 && h.score === 0)).toBe(true)
    expect(search.search('  ', { speakers: ['Anna'] }).lines).toHaveLength(4)
  })

  it('returns nothing for an empty query without a speaker', () => {
    expect(search.search('')).toEqual({ lines: [], chapters: [], total: 0, without: [] })
    expect(search.search('()[]')).toEqual({ lines: [], chapters: [], total: 0, without: [] })
  })
})

describe('episode search: chapters', () => {
  it('searches chapter titles with ranges', () => {
    const r = search.search('poznan')
    expect(r.chapters).toEqual([{ chapter: 1, score: expect.any(Number), ranges: [[11, 17]] }])
    expect(search.search('terrafrom').chapters.map((c) => c.chapter)).toEqual([2])
  })

  it('is not limited by the speaker filter', () => {
    expect(search.search('kubernetes', { speakers: ['Anna'] }).chapters.map((c) => c.chapter)).toEqual([2])
  })
})

describe('episode search: scores', () => {
  it('ranks exact above prefix above typo', () => {
    const s = createEpisodeSearch(
      lines([
        [undefined, 'terraform'],
        [undefined, 'terraforming'],
        [undefined, 'terrafrm'],
      ]),
      [],
    )
    const byLine = new Map(s.search('terraform').lines.map((h) => [h.line, h.score]))
    expect(byLine.get(0)).toBeGreaterThan(byLine.get(1) ?? Infinity)
    // "terraform" is a word here, so the typo "terrafrm" is not matched at all.
    expect(byLine.has(2)).toBe(false)
    const typo = new Map(s.search('terrafom').lines.map((h) => [h.line, h.score]))
    expect([...typo.keys()]).toEqual([0, 1, 2])
  })

  it('ranks words next to each other above words apart', () => {
    const s = createEpisodeSearch(
      lines([
        [undefined, 'engineer for machine and for learning'],
        [undefined, 'machine learning engineer'],
      ]),
      [],
    )
    const [apart, together] = s.search('machine learning engineer').lines
    expect(together?.score).toBeGreaterThan(apart?.score ?? Infinity)
  })
})
