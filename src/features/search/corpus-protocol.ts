/** Messages between the page and the search worker. */
import type { CorpusResult, CorpusSpeaker } from '../../lib/search/corpus-search.ts'

export interface SearchRequest {
  id: number
  query: string
  speakers: string[]
}

export type WorkerMessage =
  | { type: 'ready'; speakers: CorpusSpeaker[]; episodes: number; lines: number; loadMs: number }
  | { type: 'result'; id: number; result: CorpusResult; ms: number }
  /** `name` is the error's (a `SyntaxError`: the data came damaged). */
  | { type: 'error'; message: string; name?: string }
