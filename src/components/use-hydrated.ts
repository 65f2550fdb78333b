import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * False while prerendering and while hydrating a prerendered page, true after. State read from
 * the URL query (filters, a search) waits for it, so the first client render matches the
 * prerendered HTML, which was rendered without a query.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
