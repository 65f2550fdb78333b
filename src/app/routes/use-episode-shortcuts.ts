import { useEffect } from 'react'
import { lineAt } from '../../lib/timeline/lookup.ts'
import { usePlayback } from '../../playback/playback-store.ts'

/** Every key the episode page handles, as the shortcut sheet lists them. */
export const SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: ['Space', 'k'], action: 'Play or pause' },
  { keys: ['←', '→'], action: 'Back or forward 5 seconds' },
  { keys: ['j', 'l'], action: 'Previous or next line' },
  { keys: ['[', ']'], action: 'Mark the start or the end of a quote, at the focused line (else the one being spoken)' },
  { keys: ['/'], action: 'Search the transcript' },
  { keys: ['Enter', 'Shift+Enter'], action: 'In the search box: next or previous result' },
  { keys: ['Esc'], action: 'Clear the search, or close this sheet' },
  { keys: ['?'], action: 'Show these shortcuts' },
]

const SEEK_STEP_SEC = 5

function isTextField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false
  return el.isContentEditable || !!el.closest('input, textarea, select, [contenteditable="true"]')
}

/** Page-wide keys, ignored while typing in a field or with a modifier held. */
export function useEpisodeShortcuts(handlers: {
  focusSearch(): void
  openHelp(): void
  /** `[` / `]`: marks a quote's start or end at line `index`. */
  markQuote(edge: 'start' | 'end', index: number): void
}): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTextField(e.target)) return
      const store = usePlayback.getState()
      const { timeline } = store
      const lines = timeline?.lines ?? []
      // From the clock, not the last highlight: the player may have moved while paused.
      const activeLine = timeline ? lineAt(timeline, store.currentTime()) : -1
      // Space presses a focused button or opens a chapter list; on a link (a line's time, a
      // chapter), a line or anywhere else it plays or pauses, as in a player, never scrolling.
      const onControl = e.target instanceof HTMLElement && !!e.target.closest('button, summary, dialog')
      switch (e.key) {
        case ' ':
          if (onControl) return
          store.togglePlay()
          break
        case 'k':
          store.togglePlay()
          break
        case 'ArrowLeft':
          store.requestSeek(Math.max(0, store.currentTime() - SEEK_STEP_SEC))
          break
        case 'ArrowRight':
          store.requestSeek(store.currentTime() + SEEK_STEP_SEC)
          break
        case 'j': {
          const prev = lines[Math.max(0, activeLine - 1)]
          if (prev) store.requestSeek(prev.start)
          break
        }
        case 'l': {
          const next = lines[Math.min(lines.length - 1, activeLine + 1)]
          if (next) store.requestSeek(next.start)
          break
        }
        case '[':
        case ']': {
          // The focused line (its time link has the focus), else the one being spoken.
          const focused = e.target instanceof Element ? e.target.closest<HTMLElement>('li[data-line]') : null
          const index = focused ? Number(focused.dataset.line) : activeLine
          if (index < 0) return
          handlers.markQuote(e.key === '[' ? 'start' : 'end', index)
          break
        }
        case '/':
          handlers.focusSearch()
          break
        case '?':
          handlers.openHelp()
          break
        default:
          return
      }
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [handlers])
}
