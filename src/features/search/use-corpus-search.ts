/**
 * The page side of the search across episodes: one worker per page load, made
 * on first use; each query gets an id, and answers to older ids are dropped.
 */
import { useEffect, useRef, useState } from 'react'
import type { CorpusResult, CorpusSpeaker } from '../../lib/search/corpus-search.ts'
import type { SearchRequest, WorkerMessage } from './corpus-protocol.ts'

export type CorpusStatus = 'idle' | 'loading' | 'ready' | 'error'

let worker: Worker | null = null
const listeners = new Set<(m: WorkerMessage) => void>()
let lastReady: Extract<WorkerMessage, { type: 'ready' }> | null = null

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./corpus.worker.ts', import.meta.url), { type: 'module', name: 'playscript-search' })
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      if (e.data.type === 'ready') lastReady = e.data
      for (const l of listeners) l(e.data)
    }
    worker.onerror = (e) => {
      for (const l of listeners) l({ type: 'error', message: e.message || 'the search could not start' })
    }
  }
  return worker
}

export interface CorpusSearchState {
  status: CorpusStatus
  result: CorpusResult | null
  speakers: CorpusSpeaker[]
  /** Milliseconds the last search took in the worker. */
  ms: number | null
  error: string | null
  /** Starts loading the search data (on focus), before the first query. */
  warm(): void
}

let nextId = 0

export function useCorpusSearch(query: string, speakers: readonly string[]): CorpusSearchState {
  const active = query.trim() !== '' || speakers.length > 0
  const [ready, setReady] = useState(() => lastReady !== null)
  const [warmed, setWarmed] = useState(false)
  const [result, setResult] = useState<CorpusResult | null>(null)
  const [ms, setMs] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [speakerList, setSpeakerList] = useState<CorpusSpeaker[]>(() => lastReady?.speakers ?? [])
  const latest = useRef(-1)

  useEffect(() => {
    const onMessage = (m: WorkerMessage) => {
      if (m.type === 'ready') {
        setReady(true)
        setSpeakerList(m.speakers)
      } else if (m.type === 'result') {
        if (m.id !== latest.current) return // a newer query is on its way
        setResult(m.result)
        setMs(m.ms)
      } else {
        setError(m.message)
      }
    }
    listeners.add(onMessage)
    return () => {
      listeners.delete(onMessage)
    }
  }, [])

  const speakersKey = speakers.join('\u0000')
  useEffect(() => {
    if (!active) {
      latest.current = -1
      return
    }
    const request: SearchRequest = { id: ++nextId, query, speakers: speakersKey ? speakersKey.split('\u0000') : [] }
    latest.current = request.id
    getWorker().postMessage(request)
  }, [active, query, speakersKey])

  const status: CorpusStatus = error ? 'error' : ready ? 'ready' : active || warmed ? 'loading' : 'idle'
  return {
    status,
    result: active ? result : null,
    speakers: speakerList,
    ms,
    error,
    warm: () => {
      if (lastReady || worker) return
      setWarmed(true)
      getWorker().postMessage({ type: 'load' })
    },
  }
}
