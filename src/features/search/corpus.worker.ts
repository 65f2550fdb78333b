/// <reference lib="webworker" />
/**
 * The search across every episode, off the main thread. The search data's meta file (the
 * dictionary) starts loading with the first message (the page sends one when the reader
 * reaches for the search field; the meta's name is built into the worker, so nothing else is
 * fetched first), and the postings of the first query's words beside it (the first word of each postings chunk is
 * built in too); then each query fetches only the chunks it needs
 * (`src/lib/search/chunked-search.ts`): the postings of its words, and the lines of the results shown (the first page; showing more asks again). The first lines of a first
 * page are sent as soon as their texts are in, then the whole page. Requests that arrive
 * while one runs replace each other: only the newest is answered, so typing never queues
 * stale work.
 */
import { openChunkedSearch, type ChunkedSearch } from '../../lib/search/chunked-search.ts'
import type { SearchMeta } from '../../lib/search/chunks.ts'
import type { CorpusResult } from '../../lib/search/corpus-search.ts'
import { FIRST_LINES, PAGE_LINES } from '../../lib/search/listed-hits.ts'
import { LoadFailure } from '../../lib/load/failure.ts'
import { fetchJson } from '../../lib/load/fetch-json.ts'
import type { SearchRequest, WorkerMessage } from './corpus-protocol.ts'
import { metaFile, postings } from 'virtual:playscript/search-index'
import { postingsChunksFor } from '../../lib/search/prefetch.ts'
import { numberedChunkName } from '../../lib/site/files.ts'

declare const self: DedicatedWorkerGlobalScope

let searcher: Promise<ChunkedSearch> | null = null
/** True once the meta file is in and opened. */
let opened = false
const metaUrl = new URL(`${import.meta.env.BASE_URL}${metaFile}`, self.location.href)

/**
 * Postings chunks asked for before the meta file was in (the first query's words), by file name:
 * each is handed to the search once, when it asks for that file.
 */
const fetchedEarly = new Map<string, Promise<unknown>>()

/** Fetches the postings chunks `query`'s words start in, known without the dictionary (`postingsChunksFor`). */
function fetchPostingsEarly(query: string): void {
  for (const k of postingsChunksFor(query, postings.from)) {
    const file = numberedChunkName('words', postings.hash, k)
    if (fetchedEarly.has(file)) continue
    const loading = fetchJson(new URL(file, metaUrl).href)
    // A failure is the search's to report, if it uses the file.
    loading.catch(() => undefined)
    fetchedEarly.set(file, loading)
  }
}

function loadChunk(file: string): Promise<unknown> {
  const early = fetchedEarly.get(file)
  if (early) {
    fetchedEarly.delete(file)
    return early
  }
  return fetchJson(new URL(file, metaUrl).href)
}
let pending: SearchRequest | null = null
let running = false

function post(message: WorkerMessage): void {
  self.postMessage(message)
}

/** The search data, loading (once: a worker whose data failed to load is dropped by the page). */
function ensureLoaded(): Promise<ChunkedSearch> {
  searcher ??= (async () => {
    const started = performance.now()
    const meta = (await fetchJson(metaUrl.href)) as SearchMeta
    const loaded = openChunkedSearch(meta, loadChunk)
    opened = true
    post({
      type: 'ready',
      speakers: loaded.speakers(),
      episodes: loaded.episodeCount,
      lines: loaded.lineCount,
      loadMs: performance.now() - started,
    })
    return loaded
  })()
  return searcher
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
      // A first page shows its first lines as soon as they are in.
      const early =
        request.shown <= PAGE_LINES
          ? {
              lines: FIRST_LINES,
              show: (result: CorpusResult) =>
                post({ type: 'result', id: request.id, result, ms: performance.now() - started, complete: false }),
            }
          : undefined
      const result = await engine.search(
        request.query,
        { speakers: request.speakers, shown: request.shown },
        () => pending !== null,
        early,
      )
      if (result) post({ type: 'result', id: request.id, result, ms: performance.now() - started, complete: true })
      // Let newer requests arrive before the next one runs.
      await new Promise((resolve) => setTimeout(resolve, 0))
      // Fetched early for a query typed over before the meta file was in: not needed any more.
      if (!pending) fetchedEarly.clear()
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
  // The first query: its postings are fetched beside the meta file, not after it.
  if (!opened) fetchPostingsEarly(e.data.query)
  if (!running) void drain()
}
