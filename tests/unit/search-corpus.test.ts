/**
 * Search quality over the real corpus (`../shared/corpus`, or PLAYSCRIPT_CORPUS): for the
 * queries a reader would type, the lines they expect come first. The corpus is read
 * where it lies, never copied into the project; without it these tests are skipped, loudly
 * (or fail, with PLAYSCRIPT_REQUIRE_CORPUS=1).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { EpisodeData } from '../../src/lib/episode/types.ts'
import {
  buildCorpusIndex,
  loadCorpusIndex,
  type CorpusHit,
  type CorpusIndexData,
  type CorpusResult,
  type CorpusSearch,
} from '../../src/lib/search/corpus-search.ts'
import { createEpisodeSearch } from '../../src/lib/search/episode-search.ts'
import { fold, tokenize } from '../../src/lib/search/normalize.ts'
import { loadEpisodeDir } from '../../src/pipeline/load.ts'
import { CORPUS_DIR, checkCorpus } from './corpus-dir.ts'

const present = checkCorpus('tests/unit/search-corpus.test.ts')

interface Ranked {
  slug: string
  hit: CorpusHit
  text: string
}

/** The hits in rank order: best group first, its hits best first. */
function flatten(r: CorpusResult, texts: Map<string, string[]>): Ranked[] {
  return r.groups.flatMap((g) =>
    g.hits.map((hit) => ({ slug: g.slug, hit, text: texts.get(g.slug)?.[hit.line] ?? '' })),
  )
}

function words(text: string): string[] {
  return tokenize(text).map((t) => t.key)
}

function folded(text: string): string {
  return words(text).join(' ')
}

describe.skipIf(!present)('search quality over the real corpus', () => {
  let episodes: EpisodeData[] = []
  let corpus: CorpusSearch
  const texts = new Map<string, string[]>()
  const top = (q: string, n = 5): Ranked[] => flatten(corpus.search(q), texts).slice(0, n)

  beforeAll(async () => {
    episodes = (await loadEpisodeDir(CORPUS_DIR)).episodes.filter((e) => e.timeline.lines.length > 0)
    for (const e of episodes)
      texts.set(
        e.meta.slug,
        e.timeline.lines.map((l) => l.text),
      )
    const data = buildCorpusIndex(
      episodes.map((e) => ({ slug: e.meta.slug, title: e.meta.title, lines: e.timeline.lines })),
    )
    corpus = loadCorpusIndex(JSON.parse(JSON.stringify(data)) as CorpusIndexData)
  }, 60_000)

  it('has the corpus it expects', () => {
    expect(episodes.length).toBeGreaterThan(100)
    expect(corpus.lineCount).toBeGreaterThan(15_000)
  })

  it.each(['terraform', 'airflow'])('%s: the first results say it, highlighted', (q) => {
    const hits = top(q)
    expect(hits).toHaveLength(5)
    for (const { hit, text } of hits) {
      expect(words(text)).toContain(q)
      expect(hit.ranges.map(([s, e]) => hit.snippet.slice(s, e).toLowerCase())).toContain(q)
    }
  })

  it('kubernets (a typo): lines saying "Kubernetes" come first', () => {
    const hits = top('kubernets')
    expect(hits).toHaveLength(5)
    for (const { text } of hits) expect(text).toMatch(/kubernetes/i)
    expect(corpus.search('kubernets').total).toBe(corpus.search('kubernetes').total)
  })

  it('terrafrom and airflwo (typos) find the real words', () => {
    expect(top('terrafrom')[0]?.text).toMatch(/terraform/i)
    expect(top('airflwo')[0]?.text).toMatch(/airflow/i)
  })

  it('data ops: DataOps lines in DataOps episodes first', () => {
    const r = corpus.search('data ops')
    expect(r.groups[0]?.slug).toMatch(/dataops/)
    for (const { text } of flatten(r, texts).slice(0, 10)) {
      const w = words(text)
      expect(w.includes('dataops') || (w.includes('data') && w.some((x) => x.startsWith('ops')))).toBe(true)
    }
  })

  it('machine learning engineer: lines saying exactly that come first', () => {
    for (const { text } of top('machine learning engineer', 10))
      expect(folded(text)).toMatch(/\bmachine learning engineer/)
  })

  it('psycopg: never said as such; only its misspelling "Psychopg" may come up, nothing random', () => {
    const r = corpus.search('psycopg')
    expect(r.total).toBeLessThan(10)
    for (const { text } of flatten(r, texts)) expect(text).toMatch(/psych?opg/i)
  })

  it('a: capped, ranked, from many episodes, not the whole corpus unranked', () => {
    const r = corpus.search('a')
    const hits = flatten(r, texts)
    expect(r.truncated).toBe(true)
    expect(r.total).toBeGreaterThan(1000)
    expect(hits.length).toBeLessThanOrEqual(200)
    expect(r.groups.length).toBeGreaterThanOrEqual(10)
    for (const g of r.groups) {
      for (let i = 1; i < g.hits.length; i++)
        expect(g.hits[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(g.hits[i]?.score ?? 0)
    }
    // The word "a" itself outranks words that merely start with it.
    expect(words(hits[0]?.text ?? '')).toContain('a')
  })

  describe('a 30-character phrase from a real line', () => {
    /** A 30-character piece of a line of the longest episode, starting at a word, that no other line holds. */
    let found: { slug: string; line: number; phrase: string } | undefined
    function uniquePhrase(): { slug: string; line: number; phrase: string } {
      found ??= findUniquePhrase()
      return found
    }

    function findUniquePhrase(): { slug: string; line: number; phrase: string } {
      const all = [...texts.values()].flat().map(folded)
      const longest = episodes.reduce((a, b) => (b.timeline.lines.length > a.timeline.lines.length ? b : a))
      for (const line of longest.timeline.lines.slice(20)) {
        for (const t of tokenize(line.text)) {
          const phrase = line.text.slice(t.start, t.start + 30)
          if (phrase.length < 30 || /["“”„«»]/.test(phrase)) continue
          const f = folded(phrase)
          if (all.filter((x) => x.includes(f)).length === 1)
            return { slug: longest.meta.slug, line: line.index, phrase }
        }
      }
      throw new Error('no unique phrase found')
    }

    it('typed as is, its line is result #1', () => {
      const { slug, line, phrase } = uniquePhrase()
      const first = top(phrase, 1)[0]
      expect(first?.slug).toBe(slug)
      expect(first?.hit.line).toBe(line)
    })

    it('in quotes, its line is the only result, the phrase highlighted', () => {
      const { slug, line, phrase } = uniquePhrase()
      // The piece may end inside a word: an unclosed quote lets the last word be a prefix.
      const r = corpus.search(`"${phrase}`)
      expect(r.total).toBe(1)
      const hit = r.groups[0]?.hits[0]
      expect([r.groups[0]?.slug, hit?.line]).toEqual([slug, line])
      const [s, e] = hit?.ranges[0] ?? [0, 0]
      expect(fold(hit?.snippet.slice(s, e) ?? '')).toContain(fold(phrase.trim()).replace(/[^\p{L}\p{N}]+$/u, ''))
    })
  })

  it('in the longest episode, the same engine finds the same lines', () => {
    const longest = episodes.reduce((a, b) => (b.timeline.lines.length > a.timeline.lines.length ? b : a))
    const search = createEpisodeSearch(longest.timeline.lines, longest.timeline.chapters)
    for (const q of ['terraform', 'open source', 'kubernets', 'demo']) {
      const inEpisode = search.search(q).lines.map((h) => h.line)
      const all = corpus
        .search(q, { limit: 10_000, perEpisode: 10_000 })
        .groups.find((g) => g.slug === longest.meta.slug)
      expect(inEpisode).toEqual(all ? all.hits.map((h) => h.line).sort((a, b) => a - b) : [])
    }
  })

  describe('fallbacks instead of nothing', () => {
    const said = (q: string, re: RegExp, n = 200): boolean => top(q, n).some(({ text }) => re.test(text))

    it('personalise reaches "Personalize" (it starts "personalised", said once)', () => {
      expect(said('personalise', /\bpersonalize\b/i)).toBe(true)
    })

    it('arise reaches "Arize", and "arise phoenix" finds the lines naming both first', () => {
      expect(said('arise', /\barize\b/i)).toBe(true)
      const hits = top('arise phoenix', 3)
      expect(hits).toHaveLength(3)
      for (const { text } of hits) {
        expect(text).toMatch(/\bari[sz]e\b/i)
        expect(text).toMatch(/\bphoenix\b/i)
      }
    })

    it('realtime (never written so) finds "real-time" lines', () => {
      const hits = top('realtime', 10)
      expect(hits.length).toBe(10)
      for (const { text } of hits) expect(text).toMatch(/real[- ]time/i)
    })

    it('stackoverflow finds "Stack Overflow" as well as "StackOverflow"', () => {
      expect(said('stackoverflow', /stack overflow/i)).toBe(true)
      expect(said('stackoverflow', /stackoverflow/i)).toBe(true)
    })

    it('ecommerce and e-commerce find each other', () => {
      expect(said('ecommerce', /e-commerce/i)).toBe(true)
      expect(said('e-commerce', /\becommerce/i)).toBe(true)
    })

    it('no line with every word: lines with all but one, labelled', () => {
      const r = corpus.search('atlantis zebrafish')
      expect(r.without).toEqual(['zebrafish'])
      for (const { text, hit } of top('atlantis zebrafish')) {
        expect(text).toMatch(/atlantis/i)
        expect(hit.without).toEqual(['zebrafish'])
      }
    })

    it('nothing only when no word matches anything', () => {
      expect(corpus.search('qqqzzzx').total).toBe(0)
      expect(corpus.search('qqqzzzx xxqqzzv').total).toBe(0)
    })
  })
})
