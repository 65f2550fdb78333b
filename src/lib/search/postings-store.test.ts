import { describe, expect, it } from 'vitest'
import { CHUNK_VERSION, encodePostings, type PostingsChunk } from './chunks.ts'
import { PostingsStore } from './postings-store.ts'

/** `[line, pos, …]` pairs for a word on `lines` lines, one to three positions each. */
function pairs(lines: number[]): number[] {
  return lines.flatMap((line) => Array.from({ length: 1 + (line % 3) }, (_, p) => [line, p]).flat())
}

describe('PostingsStore', () => {
  // Six words in three chunks of two; word w is on lines 0 .. 10 × (w + 1).
  const chunks: PostingsChunk[] = [0, 2, 4].map((first) => ({
    version: CHUNK_VERSION,
    first,
    words: [first, first + 1].map((w) => encodePostings(pairs(Array.from({ length: 10 * (w + 1) }, (_, i) => i)))),
  }))
  const files = chunks.map((_, k) => `p${k}`)

  function open(budget: number) {
    const fetched: string[] = []
    const df = new Int32Array(6)
    const store = new PostingsStore(
      [0, 2, 4],
      files,
      (file) => {
        fetched.push(file)
        return Promise.resolve(JSON.parse(JSON.stringify(chunks[files.indexOf(file)])) as unknown)
      },
      df,
      budget,
    )
    return { store, fetched, df }
  }

  it("fetches a word's chunk once, and decodes (and counts the lines of) the words asked for only", async () => {
    const { store, fetched, df } = open(1e9)
    await store.ensure(new Set([0]))
    expect(fetched).toEqual(['p0'])
    expect(store.get(0)?.lines.length).toBe(10)
    expect(store.get(1)).toBeUndefined()
    expect([...df]).toEqual([10, 0, 0, 0, 0, 0])
    await store.ensure(new Set([0, 5]))
    expect(fetched).toEqual(['p0', 'p2'])
    expect(store.get(5)?.lines.length).toBe(60)
    expect([...df]).toEqual([10, 0, 0, 0, 0, 60])
  })

  it('keeps within its budget, never letting go of the words of the query that runs', async () => {
    // Word w holds 10 (w + 1) lines, 10 (w + 1) + 1 line starts and about 20 (w + 1) positions: ~40 (w + 1) numbers.
    const { store, fetched, df } = open(200)
    await store.ensure(new Set([3, 4, 5]))
    expect([3, 4, 5].every((w) => store.get(w) !== undefined)).toBe(true)
    await store.ensure(new Set([0]))
    // Over the budget: the least recently used go first, the word asked for stays.
    expect(store.get(0)).toBeDefined()
    expect(store.get(3)).toBeUndefined()
    // Its document frequency stays known (weights never depend on what is in memory).
    expect(df[3]).toBe(40)
    // A word let go is fetched again when needed.
    fetched.length = 0
    await store.ensure(new Set([3]))
    expect(fetched).toEqual(['p1'])
    expect(store.get(3)?.lines.length).toBe(40)
  })

  it('a chunk that failed to load is asked for again by the next query', async () => {
    let fail = true
    const df = new Int32Array(6)
    const store = new PostingsStore(
      [0, 2, 4],
      files,
      (file) => {
        if (fail) return Promise.reject(new Error('offline'))
        return Promise.resolve(JSON.parse(JSON.stringify(chunks[files.indexOf(file)])) as unknown)
      },
      df,
    )
    await expect(store.ensure(new Set([2]))).rejects.toThrow('offline')
    fail = false
    await store.ensure(new Set([2]))
    expect(store.get(2)?.lines.length).toBe(30)
  })
})
