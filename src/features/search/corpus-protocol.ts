/** Messages between the page and the search worker. */
import type { FailureKind } from '../../lib/load/failure.ts'
import type { CorpusResult, CorpusSpeaker } from '../../lib/search/corpus-search.ts'

export interface SearchRequest {
  id: number
  query: string
  speakers: string[]
  /** Lines to list (whole episodes, at least this many); more are listed by asking again. */
  shown: number
}

export type WorkerMessage =
  | { type: 'ready'; speakers: CorpusSpeaker[]; episodes: number; lines: number; loadMs: number }
  /**
   * A query's result. `complete` is false for the first lines of a page, sent as soon as their
   * texts are in when the rest of the page needs more (the whole page follows, complete).
   */
  | { type: 'result'; id: number; result: CorpusResult; ms: number; complete: boolean }
  /** `name` is the error's (a `SyntaxError`: the data came damaged); `kind` when a data file did not load. */
  | { type: 'error'; message: string; name?: string; kind?: FailureKind }
