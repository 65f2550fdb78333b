/**
 * Coming back to a long page (Back, or Forward) lands where the reader was: the page's scroll
 * position is kept per history entry (react-router's `location.key`, in sessionStorage, so a
 * reload keeps it too) and put back once the page's content is there. A new visit (a link
 * followed, not Back) starts at the top as usual.
 */
import { useEffect, useLayoutEffect, useRef } from 'react'
import { useLocation, useNavigationType } from 'react-router'

const PREFIX = 'playscript:scroll:'
/** Positions kept in memory too: sessionStorage may be unavailable (private modes, quotas). */
const memory = new Map<string, number>()

function read(key: string): number | undefined {
  const kept = memory.get(key)
  if (kept !== undefined) return kept
  try {
    const raw = sessionStorage.getItem(PREFIX + key)
    const y = raw === null ? NaN : Number(raw)
    return Number.isFinite(y) ? y : undefined
  } catch {
    return undefined
  }
}

function write(key: string, y: number): void {
  memory.set(key, y)
  try {
    sessionStorage.setItem(PREFIX + key, String(Math.round(y)))
  } catch {
    // Memory only.
  }
}

/** Keeps this page's scroll position and, on Back or Forward, restores it once `ready` (its content is laid out). */
export function useRestoredScroll(ready: boolean): void {
  const location = useLocation()
  // The first entry of a visit has the key `default` whatever its page: the path tells them apart.
  const key = `${location.key}:${location.pathname}`
  const navigation = useNavigationType()
  const restored = useRef(false)

  useLayoutEffect(() => {
    if (!ready || restored.current) return
    restored.current = true
    if (navigation !== 'POP') return
    const y = read(key)
    if (y !== undefined && y > 0) window.scrollTo(0, y)
  }, [ready, key, navigation])

  useEffect(() => {
    let frame = 0
    const here = window.location.href
    const onScroll = () => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        // Leaving the page scrolls too (the next page starts at its top): that is not this page's position.
        if (window.location.href === here) write(key, window.scrollY)
      })
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('scroll', onScroll)
    }
  }, [key])
}

/** A page opened by a link (not Back or Forward) starts at its top, not where the last page was scrolled. */
export function useTopOnNewPage(): void {
  const { pathname } = useLocation()
  const navigation = useNavigationType()
  const first = useRef(true)
  useLayoutEffect(() => {
    // The first page keeps what the browser did (an anchor, a reload's position).
    if (first.current) {
      first.current = false
      return
    }
    if (navigation === 'PUSH') window.scrollTo(0, 0)
  }, [pathname, navigation])
}
