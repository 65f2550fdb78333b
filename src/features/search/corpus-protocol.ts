/** Messages between the page and the search worker. */
import type { FailureKind } from '../../lib/load/failure.ts'
import type { CorpusResult, CorpusSpeaker } from '../../lib/search/corpus-search.ts'

export interface SearchRequest {
  id: number
  query: string
  speakers: string[]
}

export type WorkerMessage =
  | { type: 'ready'; speakers: CorpusSpeaker[]; episodes: number; lines: number; loadMs: number }
  /** `more`: the first hits, while the lines of the rest load (the same id answers again). */
  | { type: 'result'; id: number; result: CorpusResult; ms: number; more?: boolean }
  /** `name` is the error's (a `SyntaxError`: the data came damaged); `kind` when a data file did not load. */
  | { type: 'error'; message: string; name?: string; kind?: FailureKind }
