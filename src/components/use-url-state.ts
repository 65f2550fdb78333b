import { useEffect, useMemo, useState } from 'react'
import { NavigationType, useLocation, useNavigationType, useSearchParams } from 'react-router'
import { useHydrated } from './use-hydrated.ts'

const NO_PARAMS = new URLSearchParams()

/**
 * State kept in the URL query (filters, searches), replaced rather than pushed.
 *
 * Navigation wins over it: a link (to `/`, say) or Back shows what the new URL says.
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
  const location = useLocation()
  const navigationType = useNavigationType()
  const [local, setLocal] = useState<{ value: T } | null>(null)
  const fromUrl = useMemo(() => read(hydrated ? params : NO_PARAMS), [hydrated, params, read])
  // Navigation wins: any move to another history entry that is not this state's own write (a
  // link, even to the same page, such as `/`; Back and Forward) drops what was typed, and the
  // value is read from the new URL.
  const [seenKey, setSeenKey] = useState(location.key)
  if (seenKey !== location.key) {
    setSeenKey(location.key)
    const ownWrite =
      navigationType === NavigationType.Replace && (location.state as { urlState?: unknown } | null)?.urlState === true
    if (local && !ownWrite) setLocal(null)
  }
  useEffect(() => {
    if (!local) return
    setParams(write(local.value, new URLSearchParams(window.location.search)), {
      replace: true,
      preventScrollReset: true,
      state: { urlState: true },
    })
  }, [local, setParams, write])
  return [local ? local.value : fromUrl, (next: T) => setLocal({ value: next })]
}
