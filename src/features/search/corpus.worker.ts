/// <reference lib="webworker" />
/**
 * The search across every episode, off the main thread. The search data's meta file (the
 * dictionary) loads with the first request; then each query fetches only the chunks it
 * needs (`src/lib/search/chunked-search.ts`): the postings of its words, and the lines of
 * the results shown (the first page; showing more asks again). Requests that arrive
 * while one runs replace each other: only the newest is answered, so typing never queues
 * stale work.
 */
import { openChunkedSearch, type ChunkedSearch } from '../../lib/search/chunked-search.ts'
import type { SearchMeta } from '../../lib/search/chunks.ts'
import { LoadFailure } from '../../lib/load/failure.ts'
import { fetchJson } from '../../lib/load/fetch-json.ts'
import type { SearchRequest, WorkerMessage } from './corpus-protocol.ts'

declare const self: DedicatedWorkerGlobalScope

let searcher: ChunkedSearch | null = null
let pending: SearchRequest | null = null
let running = false

function post(message: WorkerMessage): void {
  self.postMessage(message)
}

async function ensureLoaded(): Promise<ChunkedSearch> {
  if (searcher) return searcher
  const started = performance.now()
  const { metaFile } = await import('virtual:playscript/search-index')
  const metaUrl = new URL(`${import.meta.env.BASE_URL}${metaFile}`, self.location.href)
  const meta = (await fetchJson(metaUrl.href)) as SearchMeta
  const loaded = openChunkedSearch(meta, (file) => fetchJson(new URL(file, metaUrl).href))
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
      // While typing: a query overtaken by a newer one is not written out (its lines are not fetched).
      const result = await engine.search(
        request.query,
        { speakers: request.speakers, shown: request.shown },
        () => pending !== null,
      )
      if (result) post({ type: 'result', id: request.id, result, ms: performance.now() - started })
      // Let newer requests arrive before the next one runs.
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
  } catch (err) {
    post({
      type: 'error',
      message: err instanceof Error ? err.message : String(err),
      name: err instanceof Error ? err.name : undefined,
      ...(err instanceof LoadFailure ? { kind: err.kind } : {}),
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
