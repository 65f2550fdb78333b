/**
 * The page side of the search across episodes: one worker per page load, made
 * on first use; each query gets an id, and answers to older ids are dropped.
 */
import { useEffect, useRef, useState } from 'react'
import { diagnoseCodeFailure, reloadIfNewVersion } from '../../components/new-version.ts'
import { retriesWhenOnline, type FailureKind } from '../../lib/load/failure.ts'
import type { CorpusResult, CorpusSpeaker } from '../../lib/search/corpus-search.ts'
import { PAGE_LINES } from '../../lib/search/listed-hits.ts'
import type { SearchRequest, WorkerMessage } from './corpus-protocol.ts'
// The worker's built URL, so that a failure to load it can be told apart (missing, server, network).
import workerUrl from './corpus.worker.ts?worker&url'

export type CorpusStatus = 'idle' | 'loading' | 'ready' | 'error'

/** What the page tells its listeners: the worker's messages, or why the search could not load. */
type PageMessage = Exclude<WorkerMessage, { type: 'error' }> | { type: 'failed'; kind: FailureKind }

let worker: Worker | null = null
/** True once the worker was asked to load the search data (the reader reached for the field, or searched). */
let loadAsked = false
const listeners = new Set<(m: PageMessage) => void>()
let lastReady: Extract<WorkerMessage, { type: 'ready' }> | null = null

/**
 * A worker whose script or search data failed to load is dropped, not reused: a new worker loads
 * everything afresh (a worker keeps a failed import failed).
 */
function fail(failed: Worker, error: unknown, url?: string, known?: FailureKind): void {
  if (worker !== failed) return
  failed.terminate()
  worker = null
  loadAsked = false
  console.warn('Playscript: the search could not load:', error)
  const diagnosed = known
    ? known === 'not-found'
      ? reloadIfNewVersion().then(() => known)
      : Promise.resolve(known)
    : diagnoseCodeFailure(error, url)
  void diagnosed.then((kind) => {
    for (const l of listeners) l({ type: 'failed', kind })
  })
}

function getWorker(): Worker {
  if (!worker) {
    const w = new Worker(workerUrl, { type: 'module', name: 'playscript-search' })
    worker = w
    w.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data
      if (m.type === 'error') {
        fail(w, m.name === 'SyntaxError' ? new SyntaxError(m.message) : new TypeError(m.message), undefined, m.kind)
        return
      }
      if (m.type === 'ready') lastReady = m
      for (const l of listeners) l(m)
    }
    // The worker's own script did not load (no message says why): ask for it again to find out.
    w.onerror = (e) => fail(w, e.message, new URL(workerUrl, window.location.href).href)
  }
  return worker
}

export interface CorpusSearchState {
  status: CorpusStatus
  result: CorpusResult | null
  speakers: CorpusSpeaker[]
  /** Milliseconds the last search took in the worker. */
  ms: number | null
  /** Why the search could not load, or null. The next query, `retry`, or coming back online tries again. */
  failed: FailureKind | null
  retry(): void
  /** Starts loading the search data (on focus), before the first query. */
  warm(): void
  /** Lists the next page of results (`result.more` says there is one). */
  showMore(): void
  /** True while more results, asked for, are on their way. */
  loadingMore: boolean
  /** True while the query typed has no answer yet (the results shown, if any, are an older query's). */
  searching: boolean
  /** True while the results shown are the first lines of the query's page, and the rest is on its way. */
  filling: boolean
}

let nextId = 0

/** What a request asks, as a key. */
function askKey(query: string, speakersKey: string, shown: number, attempt: number): string {
  return JSON.stringify([query, speakersKey, shown, attempt])
}

/**
 * `preload`: the search's code (the worker's script, not its data) loads with the page, so a
 * search started at once does not wait for it (the search page, where searching is the point).
 */
export function useCorpusSearch(query: string, speakers: readonly string[], preload = false): CorpusSearchState {
  const active = query.trim() !== '' || speakers.length > 0
  const [ready, setReady] = useState(() => lastReady !== null)
  const [warmed, setWarmed] = useState(false)
  const [result, setResult] = useState<CorpusResult | null>(null)
  const [ms, setMs] = useState<number | null>(null)
  const [failed, setFailed] = useState<FailureKind | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [speakerList, setSpeakerList] = useState<CorpusSpeaker[]>(() => lastReady?.speakers ?? [])
  const latest = useRef(-1)
  // What each request asked, and what the result shown answers: while that is not what is asked now, a search runs.
  const askedOf = useRef(new Map<number, string>())
  const [answered, setAnswered] = useState('')
  // The result shown is the first lines of the page asked for; the rest is on its way.
  const [filling, setFilling] = useState(false)

  useEffect(() => {
    const onMessage = (m: PageMessage) => {
      if (m.type === 'failed') {
        setReady(false)
        setFailed(m.kind)
      } else if (m.type === 'ready') {
        setReady(true)
        setSpeakerList(m.speakers)
      } else if (m.type === 'result') {
        if (m.id !== latest.current) return // a newer query is on its way
        setResult(m.result)
        setMs(m.ms)
        setAnswered(askedOf.current.get(m.id) ?? '')
        setFilling(!m.complete)
        // Older requests will not be answered; this one may be again (its whole page, after its first lines).
        for (const id of askedOf.current.keys()) if (id < m.id || m.complete) askedOf.current.delete(id)
      }
    }
    listeners.add(onMessage)
    return () => {
      listeners.delete(onMessage)
    }
  }, [])

  useEffect(() => {
    if (preload) getWorker()
  }, [preload])

  const speakersKey = speakers.join('\u0000')
  const [shown, setShown] = useState(PAGE_LINES)
  // Every query (and every retry) asks again: a failed load is not the answer to the next query.
  const [asked, setAsked] = useState({ query, speakersKey, attempt })
  if (asked.query !== query || asked.speakersKey !== speakersKey || asked.attempt !== attempt) {
    setAsked({ query, speakersKey, attempt })
    if (failed) setFailed(null)
    // A new query starts at its first page.
    if (asked.query !== query || asked.speakersKey !== speakersKey) setShown(PAGE_LINES)
  }
  useEffect(() => {
    if (!active) {
      latest.current = -1
      return
    }
    const request: SearchRequest = {
      id: ++nextId,
      query,
      speakers: speakersKey ? speakersKey.split('\u0000') : [],
      shown,
    }
    latest.current = request.id
    askedOf.current.set(request.id, askKey(query, speakersKey, shown, attempt))
    loadAsked = true
    getWorker().postMessage(request)
  }, [active, query, speakersKey, attempt, shown])

  const retry = () => {
    setFailed(null)
    setAttempt((a) => a + 1)
    if (active) return
    loadAsked = true
    getWorker().postMessage({ type: 'load' })
  }
  useEffect(() => {
    if (!failed || !retriesWhenOnline(failed)) return
    const onOnline = () => {
      setFailed(null)
      setAttempt((a) => a + 1)
    }
    window.addEventListener('online', onOnline)
    return () => window.removeEventListener('online', onOnline)
  }, [failed])

  const listed = result ? result.groups.reduce((n, g) => n + g.hits.length, 0) : 0
  const searching = active && !failed && answered !== askKey(query, speakersKey, shown, attempt)
  const status: CorpusStatus = failed ? 'error' : ready ? 'ready' : active || warmed ? 'loading' : 'idle'
  return {
    status,
    result: active ? result : null,
    speakers: speakerList,
    ms,
    failed,
    retry,
    showMore: () => setShown(Math.max(shown, listed) + PAGE_LINES),
    searching,
    filling: active && !failed && !searching && filling,
    loadingMore: active && result !== null && result.more && listed < shown && !failed && !filling,
    warm: () => {
      if (lastReady || loadAsked) return
      loadAsked = true
      setWarmed(true)
      getWorker().postMessage({ type: 'load' })
    },
  }
}
