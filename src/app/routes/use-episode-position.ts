/** Where the listener is in the episode page: remembered for resuming, and kept in sight on a phone. */
import { useEffect } from 'react'
import { usePlayback } from '../../playback/playback-store.ts'
import { savePosition } from '../../playback/resume.ts'

/** How often the position is saved for resuming, while the page is open. */
const SAVE_POSITION_MS = 3000

/**
 * Remembers where the listener is: every few seconds, when the tab is hidden, and on leaving.
 * Call it before the store is attached, so that on leaving it saves before the store resets.
 */
export function useSavedPosition(slug: string, startAt: number): void {
  useEffect(() => {
    let saved = startAt
    const save = () => {
      const t = usePlayback.getState().currentTime()
      if (Math.floor(t) === Math.floor(saved)) return
      saved = t
      savePosition(slug, t)
    }
    const interval = window.setInterval(save, SAVE_POSITION_MS)
    const onHide = () => {
      if (document.visibilityState === 'hidden') save()
    }
    document.addEventListener('visibilitychange', onHide)
    window.addEventListener('pagehide', save)
    return () => {
      save()
      window.clearInterval(interval)
      document.removeEventListener('visibilitychange', onHide)
      window.removeEventListener('pagehide', save)
    }
  }, [slug, startAt])
}

/** On a phone, playing or seeking brings the transcript right under the pinned player. */
function alignTranscriptUnderPlayer(): void {
  if (!window.matchMedia?.('(max-width: 899px)').matches) return
  const pane = document.querySelector('.transcript-pane')?.getBoundingClientRect()
  const section = document.querySelector<HTMLElement>('.player-section')
  if (!pane || !section) return
  // The player is pinned at the top once the page scrolls past it: the pane goes right under it.
  const pinnedAt = parseFloat(getComputedStyle(section).top) || 0
  const gap = pane.top - pinnedAt - section.getBoundingClientRect().height
  if (Math.abs(gap) < 8) return
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches
  window.scrollBy({ top: gap, behavior: reduce ? 'auto' : 'smooth' })
}

/**
 * On a phone, starting to play or seeking puts the transcript under the pinned player.
 * So does arriving at a time (a shared link: `startAt` above 0).
 */
export function usePhoneAlignment(startAt: number): void {
  useEffect(() => {
    // After this render's effects (the chapter list folds on a phone, changing the page's height).
    const frame = startAt > 0 ? requestAnimationFrame(alignTranscriptUnderPlayer) : 0
    const unsubscribe = usePlayback.subscribe((s, prev) => {
      if ((s.playing && !prev.playing) || s.seekSerial !== prev.seekSerial) alignTranscriptUnderPlayer()
    })
    return () => {
      cancelAnimationFrame(frame)
      unsubscribe()
    }
  }, [startAt])
}
