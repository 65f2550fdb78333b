import { useEffect, useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import { useHydrated } from './use-hydrated.ts'

const NO_PARAMS = new URLSearchParams()

/**
 * State kept in the URL query (filters, searches), replaced rather than pushed.
 *
 * The value is local state first and written to the URL after: a controlled field must
 * update at once, and the router applies navigations later, so reading a field straight
 * from the URL drops keystrokes and mixes stale values into the next change. Until
 * hydration ends the URL is not read, so the first render matches the prerendered page.
 *
 * `read` and `write` must be stable (module-level) functions; `write` changes only its keys.
 */
export function useUrlState<T>(
  read: (params: URLSearchParams) => T,
  write: (value: T, params: URLSearchParams) => URLSearchParams,
): [T, (next: T) => void] {
  const hydrated = useHydrated()
  const [params, setParams] = useSearchParams()
  const [local, setLocal] = useState<{ value: T } | null>(null)
  const fromUrl = useMemo(() => read(hydrated ? params : NO_PARAMS), [hydrated, params, read])
  useEffect(() => {
    if (!local) return
    setParams(write(local.value, new URLSearchParams(window.location.search)), { replace: true, preventScrollReset: true })
  }, [local, setParams, write])
  return [local ? local.value : fromUrl, (next: T) => setLocal({ value: next })]
}

/** `?q=…&who=…`: a search query and a speaker filter. */
export interface QueryState {
  q: string
  who: string[]
}

export function readQueryState(params: URLSearchParams): QueryState {
  return { q: params.get('q') ?? '', who: params.getAll('who').filter(Boolean) }
}

export function writeQueryState(value: QueryState, params: URLSearchParams): URLSearchParams {
  params.delete('q')
  params.delete('who')
  if (value.q) params.set('q', value.q)
  for (const w of value.who) params.append('who', w)
  return params
}
