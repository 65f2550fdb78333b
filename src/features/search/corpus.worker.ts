/// <reference lib="webworker" />
/**
 * The search across every episode, off the main thread. The search data loads
 * with the first request. Requests that arrive while one runs replace each
 * other: only the newest is answered, so typing never queues stale work.
 */
import { loadCorpusIndex, type CorpusSearch } from '../../lib/search/corpus-search.ts'
import type { SearchRequest, WorkerMessage } from './corpus-protocol.ts'

declare const self: DedicatedWorkerGlobalScope

let searcher: CorpusSearch | null = null
let pending: SearchRequest | null = null
let running = false

function post(message: WorkerMessage): void {
  self.postMessage(message)
}

async function ensureLoaded(): Promise<CorpusSearch> {
  if (searcher) return searcher
  const started = performance.now()
  const { default: data } = await import('virtual:playscript/search-index')
  const loaded = loadCorpusIndex(data)
  // One throwaway query warms the engine, so the first keystroke is as fast as the rest.
  loaded.search('warm up the engine')
  searcher = loaded
  post({
    type: 'ready',
    speakers: loaded.speakers(),
    episodes: loaded.episodeCount,
    lines: loaded.lineCount,
    loadMs: performance.now() - started,
  })
  return loaded
}

async function drain(): Promise<void> {
  running = true
  try {
    const engine = await ensureLoaded()
    while (pending) {
      const request = pending
      pending = null
      const started = performance.now()
      const result = engine.search(request.query, { speakers: request.speakers })
      post({ type: 'result', id: request.id, result, ms: performance.now() - started })
      // Let newer requests arrive before the next one runs.
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
  } catch (err) {
    post({
      type: 'error',
      message: err instanceof Error ? err.message : String(err),
      name: err instanceof Error ? err.name : undefined,
    })
  } finally {
    running = false
  }
}

self.onmessage = (e: MessageEvent<SearchRequest | { type: 'load' }>) => {
  if ('type' in e.data) {
    if (!running) void drain()
    return
  }
  pending = e.data
  if (!running) void drain()
}
