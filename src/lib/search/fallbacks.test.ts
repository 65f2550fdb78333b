/**
 * The fallbacks of the engine (`engine.ts`, `plan.ts`): other spellings, words written as
 * two or as one, typos of words that exist when nothing else matches, then lines with all
 * words but one; and the weight of rare words.
 */
import { describe, expect, it } from 'vitest'
import type { TimedLine } from '../episode/types.ts'
import { buildTextIndex } from './engine.ts'
import { createEpisodeSearch } from './episode-search.ts'
import { expandWord, otherSpelling, termWeight } from './plan.ts'

function timed(texts: string[]): TimedLine[] {
  return texts.map((text, index) => ({ index, text, start: index * 10, estimated: false, chapter: 0 }))
}

function searchIn(texts: string[]) {
  const engine = createEpisodeSearch(timed(texts), [])
  return (q: string) => {
    const r = engine.search(q)
    return {
      lines: r.lines.map((h) => h.line),
      marked: r.lines.map((h) => h.ranges.map(([s, e]) => (texts[h.line] ?? '').slice(s, e)).join('|')),
      without: r.without,
      byScore: [...r.lines].sort((a, b) => b.score - a.score).map((h) => h.line),
    }
  }
}

describe('other spellings: British and American', () => {
  it('maps -ise ↔ -ize and -isation ↔ -ization, -yse ↔ -yze', () => {
    expect(otherSpelling('personalise')).toBe('personalize')
    expect(otherSpelling('personalized')).toBe('personalised')
    expect(otherSpelling('organisation')).toBe('organization')
    expect(otherSpelling('analyse')).toBe('analyze')
    expect(otherSpelling('arise')).toBe('arize')
    expect(otherSpelling('size')).toBeNull()
    expect(otherSpelling('data')).toBeNull()
  })

  const find = searchIn([
    'We Personalize the feed for every user.',
    'Does it have to be personalised?',
    'Problems arise when the data drifts.',
    'We monitor traces with Arize Phoenix.',
  ])

  it('personalise finds "Personalize", though "personalised" starts with it', () => {
    expect(find('personalise').lines).toEqual([0, 1])
    expect(find('personalise').marked[0]).toBe('Personalize')
  })

  it('arise finds "Arize", below the lines that say "arise"', () => {
    const r = find('arise')
    expect(r.lines).toEqual([2, 3])
    expect(r.byScore).toEqual([2, 3])
    expect(find('arise phoenix').lines).toEqual([3])
  })
})

describe('compounds: one word or two', () => {
  const find = searchIn([
    'We process events in real-time with Kafka.',
    'Ask it on Stack Overflow, someone knows.',
    'A large e-commerce platform like Zalando.',
    'Our ecommerce shop sells books.',
    'The real problem is time.',
  ])

  it('realtime finds "real-time", highlighted whole', () => {
    expect(find('realtime').lines).toEqual([0])
    expect(find('realtime').marked).toEqual(['real-time'])
  })

  it('stackoverflow finds "Stack Overflow"', () => {
    expect(find('stackoverflow').lines).toEqual([1])
    expect(find('stackoverflow').marked).toEqual(['Stack Overflow'])
  })

  it('ecommerce finds "e-commerce" and "ecommerce"; e-commerce finds both too', () => {
    expect(find('ecommerce').lines).toEqual([2, 3])
    expect(find('e-commerce').lines).toEqual([2, 3])
  })

  it('the halves must be side by side', () => {
    expect(find('realtime').lines).not.toContain(4)
  })
})

describe('typos of words that exist, when nothing else matches', () => {
  const find = searchIn(['The data pipeline broke at night.', 'Save the date for the meetup.'])

  it('"date" stays "date" alone, but "date pipeline" reaches the "data pipeline" line', () => {
    expect(find('date').lines).toEqual([1])
    const r = find('date pipeline')
    expect(r.lines).toEqual([0])
    expect(r.without).toEqual([]) // a full match, with a typo: not partial
  })
})

describe('all words but one', () => {
  const find = searchIn([
    'Atlantis runs the Terraform plan for each pull request.',
    'We store the data in a bucket.',
    'The data team reads the data every day.',
    'Nothing to see here.',
  ])

  it('lists the lines with every word but one, labelled, when no line has them all', () => {
    const r = find('atlantis data')
    expect(r.lines).toEqual([0, 1, 2])
    expect(r.without).toEqual(['atlantis', 'data'])
  })

  it('leaves out the words that match nothing first', () => {
    const r = find('terraform zzzz qqqq')
    expect(r.lines).toEqual([0])
    expect(r.without).toEqual(['zzzz', 'qqqq'])
  })

  it('finds nothing only when no word matches anything', () => {
    expect(find('zzzz qqqq').lines).toEqual([])
    expect(find('zzzz').lines).toEqual([])
  })

  it('a rare word outranks a common one: Atlantis before data', () => {
    expect(find('atlantis data').byScore[0]).toBe(0)
    expect(find('data atlantis').byScore[0]).toBe(0)
  })
})

describe('word weights', () => {
  it('weigh a rare word more than a common one, between 0.5 and 1.5', () => {
    const texts = ['Atlantis applies plans.', ...Array.from({ length: 50 }, (_, i) => `data point ${i}`)]
    const index = buildTextIndex(texts)
    const weight = (w: string) => termWeight(index, expandWord(index, w, { prefix: false, typos: false }), [])
    expect(weight('atlantis')).toBeGreaterThan(weight('data'))
    for (const w of ['atlantis', 'data', 'point']) {
      expect(weight(w)).toBeGreaterThanOrEqual(0.5)
      expect(weight(w)).toBeLessThanOrEqual(1.5)
    }
  })

  it('come from the frequencies the index carries (stored at build time), not from the lines present', () => {
    const index = buildTextIndex(['Atlantis applies plans.', 'data', 'data'])
    const set = expandWord(index, 'data', { prefix: false, typos: false })
    const local = termWeight(index, set, [])
    const id = index.ids.get('data') ?? -1
    const df = index.df.slice()
    df[id] = 2000
    const global = termWeight({ ...index, df, lineTotal: 4000 }, set, [])
    expect(global).toBeLessThan(local)
  })
})
