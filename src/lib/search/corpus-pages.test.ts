/**
 * Listing results a page at a time (`shown`): the list cut after whole episodes, a longer
 * cut only adding to its end, and `more` saying whether anything is left. The same over the
 * whole data in memory and over the chunks, which fetch the lines shown and no others.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TimedLine } from '../episode/types.ts'
import { chunkFiles, chunkLoader } from '../../../tests/support/search-chunk-files.ts'
import { buildSearchChunks } from './chunks.ts'
import { openChunkedSearch } from './chunked-search.ts'
import {
  buildCorpusIndex,
  loadCorpusIndex,
  type CorpusEpisodeInput,
  type CorpusIndexData,
  type CorpusResult,
} from './corpus-search.ts'

const WORDS = ['data', 'kubernetes', 'terraform', 'airflow', 'model', 'the', 'pipeline', 'team']

function episode(slug: string, texts: string[]): CorpusEpisodeInput {
  const lines: TimedLine[] = texts.map((text, index) => ({
    index,
    text,
    speaker: index % 2 ? 'Anna' : 'Alexey',
    start: index * 10,
    estimated: false,
    chapter: -1,
  }))
  return { slug, title: `Title of ${slug}`, lines }
}

const line = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '))
const episodes = fc
  .array(fc.array(line, { minLength: 1, maxLength: 14 }), { minLength: 1, maxLength: 12 })
  .map((eps) => eps.map((texts, e) => episode(`ep-${e}`, texts)))

/** The hits as listed: episode by episode, top to bottom. */
function listed(result: CorpusResult): string[] {
  return result.groups.flatMap((g) => g.hits.map((h) => `${g.slug}#${h.line}`))
}

/** `count` episodes of 9 lines each, every line with `data` and a word that shifts from line to line and episode to episode. */
function steppedEpisodes(count: number): CorpusEpisodeInput[] {
  return Array.from({ length: count }, (_, e) =>
    episode(
      `ep-${e}`,
      Array.from({ length: 9 }, (_, i) => `${WORDS[(e + i) % WORDS.length] ?? ''} data ${i % 3 ? 'team' : 'model'}`),
    ),
  )
}

/** Small chunks (3 lines, a few words each), so a page spans many. */
const SMALL_CHUNKS = { linesPerChunk: 3, postingsChars: 200 }

function chunkedOf(data: CorpusIndexData, fetched: string[]) {
  const { meta, files } = chunkFiles(buildSearchChunks(data, SMALL_CHUNKS))
  return openChunkedSearch(meta, chunkLoader(files, fetched))
}

describe('results a page at a time', () => {
  it('cuts the list after whole episodes; a longer cut only adds to its end', () => {
    fc.assert(
      fc.property(episodes, fc.constantFrom(...WORDS), fc.integer({ min: 1, max: 30 }), (eps, q, shown) => {
        const corpus = loadCorpusIndex(buildCorpusIndex(eps))
        const all = corpus.search(q, { perEpisode: 4 })
        const page = corpus.search(q, { perEpisode: 4, shown })
        const full = listed(all)
        const cut = listed(page)
        expect(cut).toEqual(full.slice(0, cut.length))
        expect(cut.length).toBeGreaterThanOrEqual(Math.min(shown, full.length))
        expect(page.more).toBe(cut.length < full.length)
        expect(all.more).toBe(false)
        // Whole episodes: the last one listed has all its hits.
        const lastGroup = page.groups.at(-1)
        const sameInFull = all.groups.find((g) => g.slug === lastGroup?.slug)
        expect(lastGroup?.hits.length).toBe(sameInFull?.hits.length)
        // The same counts and groups' order, whatever the cut.
        expect(page.total).toBe(all.total)
        expect(page.groups.map((g) => g.slug)).toEqual(all.groups.slice(0, page.groups.length).map((g) => g.slug))
      }),
      { numRuns: 60 },
    )
  })

  it('over the chunks: the same pages, fetching only the lines listed', async () => {
    const eps = steppedEpisodes(10)
    const data = buildCorpusIndex(eps)
    const whole = loadCorpusIndex(data)
    const fetched: string[] = []
    const chunked = chunkedOf(data, fetched)
    // Overtaken by a newer query once ranked: no lines fetched, nothing written out.
    expect(await chunked.search('data', { shown: 5 }, () => true)).toBeNull()
    expect(fetched.filter((f) => f.startsWith('lines.'))).toEqual([])
    const first = await chunked.search('data', { shown: 5 })
    expect(first).toEqual(whole.search('data', { shown: 5 }))
    expect(first.more).toBe(true)
    const linesFetched = fetched.filter((f) => f.startsWith('lines.')).length
    expect(linesFetched).toBeLessThan(data.text.length / 3 / 2)
    // Showing more: the same ranking, more lines fetched, nothing fetched twice.
    fetched.length = 0
    const second = await chunked.search('data', { shown: 40 })
    expect(second).toEqual(whole.search('data', { shown: 40 }))
    expect(fetched.every((f) => f.startsWith('lines.'))).toBe(true)
    expect(new Set(fetched).size).toBe(fetched.length)
    expect(listed(second).slice(0, listed(first).length)).toEqual(listed(first))
  })

  it('over the chunks: shows the first lines as soon as their chunks are in, then the whole page', async () => {
    const eps = steppedEpisodes(12)
    const data = buildCorpusIndex(eps)
    const whole = loadCorpusIndex(data)
    const { meta, files } = chunkFiles(buildSearchChunks(data, SMALL_CHUNKS))
    // Line chunks wait until released; the test sees what was asked for when.
    const asked: string[] = []
    const held: (() => void)[] = []
    const load = chunkLoader(files, [])
    const chunked = openChunkedSearch(meta, (file) => {
      asked.push(file)
      return file.startsWith('lines.')
        ? new Promise((resolve, reject) => held.push(() => void load(file).then(resolve, reject)))
        : load(file)
    })
    const shown: CorpusResult[] = []
    const done = chunked.search('data', { shown: 20 }, () => false, { lines: 4, show: (r) => shown.push(r) })
    const release = async (n: number) => {
      for (let i = 0; i < 50 && held.length < n; i++) await new Promise((r) => setTimeout(r, 0))
      held.splice(0, n).forEach((go) => go())
      await new Promise((r) => setTimeout(r, 0))
    }
    // Every chunk of the page is asked for at once, the first lines' first.
    await release(0)
    const page = whole.search('data', { shown: 20 })
    const firstLines = whole.search('data', { shown: 4 })
    const lineChunks = asked.filter((f) => f.startsWith('lines.'))
    expect(held.length).toBe(lineChunks.length)
    // The first lines' chunks in: they show, the same as over the whole data; the page is still on its way.
    const firstChunks = new Set(
      firstLines.groups.flatMap((g) =>
        g.hits.map((h) => Math.floor((eps.findIndex((e) => e.slug === g.slug) * 9 + h.line) / 3)),
      ),
    ).size
    expect(firstChunks).toBeLessThan(lineChunks.length)
    await release(firstChunks)
    expect(shown).toEqual([firstLines])
    expect(listed(page).slice(0, listed(firstLines).length)).toEqual(listed(firstLines))
    await release(held.length)
    expect(await done).toEqual(page)
    // A longer page whose first lines are in already: they show at once, before any chunk arrives.
    shown.length = 0
    const more = chunked.search('data', { shown: 40 }, () => false, { lines: 4, show: (r) => shown.push(r) })
    await release(0)
    expect(held.length).toBeGreaterThan(0)
    expect(shown).toEqual([firstLines])
    await release(held.length)
    expect(await more).toEqual(whole.search('data', { shown: 40 }))
  })
})
