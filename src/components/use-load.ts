import { useCallback, useEffect, useRef, useState } from 'react'
import { classifyError, retriesWhenOnline, type FailureKind } from '../lib/load/failure.ts'

export type LoadState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; kind: FailureKind }

/**
 * Loads what a page needs, keyed (a new key loads afresh): ready at once when `peek` has it,
 * else `load` runs. A failure says its kind; `retry` loads again (loaders cache no failure), and
 * coming back online retries by itself. `peek` and `load` may change on every render.
 */
export function useLoad<T>(key: string, peek: () => T | undefined, load: () => Promise<T>): [LoadState<T>, () => void] {
  const fns = useRef({ peek, load })
  useEffect(() => {
    fns.current = { peek, load }
  })
  const [state, setState] = useState<{ key: string; attempt: number; state: LoadState<T> }>(() => {
    const value = peek()
    return { key, attempt: 0, state: value === undefined ? { status: 'loading' } : { status: 'ready', value } }
  })
  let current = state
  if (state.key !== key) {
    const value = peek()
    current = { key, attempt: 0, state: value === undefined ? { status: 'loading' } : { status: 'ready', value } }
    setState(current)
  }
  const { attempt } = current
  const status = current.state.status

  useEffect(() => {
    if (status !== 'loading') return
    let live = true
    fns.current.load().then(
      (value) => live && setState({ key, attempt, state: { status: 'ready', value } }),
      (err: unknown) => {
        console.warn(`Playscript: loading ${key} failed:`, err)
        if (live) setState({ key, attempt, state: { status: 'failed', kind: classifyError(err, navigator.onLine) } })
      },
    )
    return () => {
      live = false
    }
  }, [key, attempt, status])

  const retry = useCallback(
    () => setState((s) => ({ key: s.key, attempt: s.attempt + 1, state: { status: 'loading' } })),
    [],
  )

  const failedKind = current.state.status === 'failed' ? current.state.kind : null
  useEffect(() => {
    if (!failedKind || !retriesWhenOnline(failedKind)) return
    window.addEventListener('online', retry)
    return () => window.removeEventListener('online', retry)
  }, [failedKind, retry])

  return [current.state, retry]
}
