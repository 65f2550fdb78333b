/**
 * The postings the chunked search has in memory (`chunked-search.ts`): fetched a chunk at a
 * time for the words a query needs, decoded for those words only, and kept within a budget,
 * so a worker's memory does not grow with every query typed. A word whose postings were let
 * go is fetched again when a query needs it (its chunk, content-hashed, is cacheable).
 *
 * A word's document frequency (how many lines hold it) is known once its postings have been
 * decoded, which `ensure` does for every word a query looks at, so a query's weights are known
 * once its words are in. (Counting every word of each chunk that arrives cost more than the
 * decoding at 10× the catalog: the chunks of common words are megabytes.)
 */
import { at } from './at.ts'
import { checkChunkVersion, chunkOf, decodePostings, type DecodedPostings, type PostingsChunk } from './chunks.ts'

/** Postings kept between queries, in numbers (lines and positions): about 4 bytes each. */
export const POSTINGS_BUDGET = 1_500_000

function sizeOf(p: DecodedPostings): number {
  return p.lines.length + p.posStart.length + p.positions.length
}

export class PostingsStore {
  /** Decoded postings, least recently used first. */
  private readonly kept = new Map<number, DecodedPostings>()
  private keptSize = 0
  private readonly inFlight = new Map<number, Promise<PostingsChunk>>()

  constructor(
    /** The dictionary position of each chunk's first word, and the chunks' file names. */
    private readonly firsts: readonly number[],
    private readonly files: readonly string[],
    private readonly load: (file: string) => Promise<unknown>,
    /** Document frequencies, filled in as words are decoded. */
    readonly df: Int32Array,
    private readonly budget = POSTINGS_BUDGET,
  ) {}

  /** The postings of `id`, if in memory. */
  get(id: number): DecodedPostings | undefined {
    return this.kept.get(id)
  }

  /**
   * Makes sure every word of `words` has its postings in memory (fetching the chunks of those
   * that have none), then lets go of the least recently used others beyond the budget.
   */
  async ensure(words: ReadonlySet<number>): Promise<void> {
    const wanted = new Map<number, number[]>()
    for (const id of words) {
      const had = this.kept.get(id)
      if (had) {
        // Most recently used now.
        this.kept.delete(id)
        this.kept.set(id, had)
        continue
      }
      const chunk = chunkOf(this.firsts, id)
      const list = wanted.get(chunk)
      if (list) list.push(id)
      else wanted.set(chunk, [id])
    }
    await Promise.all(
      [...wanted].map(async ([chunk, ids]) => {
        const data = await this.fetchChunk(chunk)
        for (const id of ids) {
          if (this.kept.has(id)) continue
          const p = decodePostings(at(data.words, id - data.first))
          this.df[id] = p.lines.length
          this.kept.set(id, p)
          this.keptSize += sizeOf(p)
        }
      }),
    )
    for (const [id, p] of this.kept) {
      if (this.keptSize <= this.budget) break
      if (words.has(id)) continue
      this.kept.delete(id)
      this.keptSize -= sizeOf(p)
    }
  }

  private fetchChunk(chunk: number): Promise<PostingsChunk> {
    let p = this.inFlight.get(chunk)
    if (!p) {
      p = (async () => {
        const data = (await this.load(at(this.files, chunk))) as PostingsChunk
        checkChunkVersion(data, 'postings')
        return data
      })().finally(() => this.inFlight.delete(chunk))
      this.inFlight.set(chunk, p)
    }
    return p
  }
}
