import { useEffect } from 'react'
import { usePlayback } from './playback-store.ts'

/**
 * While the clock runs, reads it every animation frame and lets the store
 * move the active line. A hidden tab gets no frames; a 250 ms interval keeps
 * the highlight right when the listener comes back.
 */
export function useSyncLoop(): void {
  const playing = usePlayback((s) => s.playing)
  useEffect(() => {
    if (!playing) return
    const { tick } = usePlayback.getState()
    let frame = 0
    const loop = () => {
      tick()
      frame = requestAnimationFrame(loop)
    }
    frame = requestAnimationFrame(loop)
    const interval = window.setInterval(() => {
      if (document.hidden) tick()
    }, 250)
    return () => {
      cancelAnimationFrame(frame)
      window.clearInterval(interval)
    }
  }, [playing])
}
