/**
 * The chunked search data (`src/lib/search/chunks.ts`, `chunked-search.ts`) over the real
 * corpus: built, then loaded chunk by chunk, it gives exactly the results of the whole data
 * for the listener-style queries, the quality tests' queries and a speaker filter.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  buildSearchChunks,
  chunkOf,
  decodeWords,
  type BuiltChunks,
  type SearchMeta,
} from '../../src/lib/search/chunks.ts'
import { postingsChunksFor, queryLookups } from '../../src/lib/search/prefetch.ts'
import { numberedChunkName } from '../../src/lib/site/files.ts'
import { openChunkedSearch, type ChunkedSearch } from '../../src/lib/search/chunked-search.ts'
import {
  buildCorpusIndex,
  loadCorpusIndex,
  type CorpusIndexData,
  type CorpusSearch,
} from '../../src/lib/search/corpus-search.ts'
import { loadEpisodeDir } from '../../src/pipeline/load.ts'
import { CORPUS_DIR, checkCorpus } from './corpus-dir.ts'
import { QUALITY_QUERIES } from './search-queries.ts'
import { chunkFiles, chunkLoader } from '../support/search-chunk-files.ts'

const present = checkCorpus('tests/unit/search-chunks.test.ts')

describe.skipIf(!present)('chunked search data over the real corpus', () => {
  let whole: CorpusSearch
  let chunked: ChunkedSearch
  let open: (postingsBudget?: number) => ChunkedSearch
  let built: BuiltChunks
  const fetched: string[] = []

  beforeAll(async () => {
    const episodes = (await loadEpisodeDir(CORPUS_DIR)).episodes.filter((e) => e.timeline.lines.length > 0)
    const data: CorpusIndexData = buildCorpusIndex(
      episodes.map((e) => ({ slug: e.meta.slug, title: e.meta.title, lines: e.timeline.lines })),
    )
    whole = loadCorpusIndex(JSON.parse(JSON.stringify(data)) as CorpusIndexData)
    built = buildSearchChunks(data)
    const { meta, files } = chunkFiles(built)
    open = (postingsBudget?: number) =>
      openChunkedSearch(JSON.parse(JSON.stringify(meta)) as SearchMeta, chunkLoader(files, fetched), {
        postingsBudget,
      })
    chunked = open()
  }, 120_000)

  const queries = [
    ...QUALITY_QUERIES.map((q) => q.q),
    'terraform',
    'airflow',
    'kubernets',
    'terrafrom',
    'data ops',
    'machine learning engineer',
    'psycopg',
    'a',
    '"machine learning"',
    '"feature sto',
    'personalise',
    'arise',
    'realtime',
    'stackoverflow',
    'ecommerce',
    'atlantis zebrafish',
    'qqqzzzx',
  ]

  it('gives the same results as the whole data, query by query', async () => {
    for (const q of queries) expect(await chunked.search(q), q).toEqual(whole.search(q))
  }, 120_000)

  it('each query alone, on fresh data: it loads every chunk it needs (fallbacks included)', async () => {
    for (const q of queries) expect(await open().search(q), q).toEqual(whole.search(q))
  }, 120_000)

  it('keeping almost no postings between queries (each query fetches its words again): the same results', async () => {
    const frugal = open(1)
    for (const q of queries) expect(await frugal.search(q), q).toEqual(whole.search(q))
  }, 120_000)

  it('with a speaker filter, and a speaker filter alone', async () => {
    const [first] = whole.speakers()
    const speakers = [first?.name ?? '']
    for (const q of ['data', 'kubernets', ''])
      expect(await chunked.search(q, { speakers }), q).toEqual(whole.search(q, { speakers }))
  })

  it('knows the speakers and sizes without loading a chunk', () => {
    expect(chunked.speakers()).toEqual(whole.speakers())
    expect(chunked.lineCount).toBe(whole.lineCount)
    expect(chunked.episodeCount).toBe(whole.episodeCount)
  })

  it('a query fetches a few chunks, not the whole data', async () => {
    const fresh = open()
    fetched.length = 0
    await fresh.search('zamina responsible')
    expect(fetched.length).toBeGreaterThan(0)
    expect(fetched.length).toBeLessThan(30)
  })

  describe('the postings chunks of a first query, known before the dictionary', () => {
    it('finds the chunk of every dictionary word from the first word of each chunk', () => {
      const words = decodeWords(built.meta.words)
      expect(built.postingsFrom).toHaveLength(built.postings.length)
      words.forEach((w, i) => {
        if (chunkOf(built.postingsFrom, w) !== chunkOf(built.meta.postingsFirst, i))
          expect.fail(`${w}: chunk ${chunkOf(built.postingsFrom, w)}, not ${chunkOf(built.meta.postingsFirst, i)}`)
      })
    })

    it('names every chunk holding a typed word and the words it starts; any other is one a search fetches, or the place of a word not there', async () => {
      const words = decodeWords(built.meta.words)
      const postingsName = (k: number) => numberedChunkName('words', 'p', k)
      for (const q of queries) {
        const chunks = new Set(postingsChunksFor(q, built.postingsFrom))
        // Every chunk holding a word the lookups match is named.
        let unmatched = 0
        for (const { key, prefix } of queryLookups(q)) {
          let matched = false
          words.forEach((w, i) => {
            if (w === key || (prefix && w.startsWith(key))) {
              matched = true
              expect(chunks.has(chunkOf(built.meta.postingsFirst, i)), `${q}: ${w}`).toBe(true)
            }
          })
          if (!matched) unmatched++
        }
        // The others: chunks the search fetches anyway, or at most one per lookup that matches nothing.
        fetched.length = 0
        await open().search(q)
        const loaded = new Set(fetched)
        const extra = [...chunks].filter((k) => !loaded.has(postingsName(k)))
        expect(extra.length, `${q}: ${extra.join(' ')}`).toBeLessThanOrEqual(unmatched)
      }
    }, 120_000)
  })
})
