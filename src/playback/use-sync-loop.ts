import { useEffect } from 'react'
import { usePlayback } from './playback-store.ts'

/** While paused, the clock is still read this often: the video's own controls can move it. */
const PAUSED_POLL_MS = 500

/**
 * While the clock runs, reads it every animation frame and lets the store
 * move the active line. A hidden tab gets no frames; a 250 ms interval keeps
 * the highlight right when the listener comes back. A tick that does not
 * change the line commits nothing, so polling costs no render.
 */
export function useSyncLoop(): void {
  const playing = usePlayback((s) => s.playing)
  useEffect(() => {
    const { tick } = usePlayback.getState()
    if (!playing) {
      const poll = window.setInterval(tick, PAUSED_POLL_MS)
      return () => window.clearInterval(poll)
    }
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
