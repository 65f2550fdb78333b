/**
 * Follow-scroll that yields to the reader, as a small controller over the
 * transcript pane (no React). The app's own scrolls are marked as ours; any
 * other scroll of the pane — wheel, touch, keyboard, scrollbar — is the
 * reader's, and pauses following until the reader asks to resume.
 */

/** Where the active line is placed when the pane scrolls to it: this fraction from the top. */
export const ANCHOR_FRACTION = 0.25
/** The line is left alone while it sits between these fractions of the pane's height. */
export const COMFORT_ZONE: readonly [number, number] = [0.08, 0.75]

/**
 * The scrollTop that brings a line into view, or null when it is already
 * comfortably visible. Geometry is relative to the pane's content.
 */
export function scrollTargetFor(
  line: { top: number; height: number },
  pane: { scrollTop: number; clientHeight: number; scrollHeight: number },
  force = false,
): number | null {
  const relTop = line.top - pane.scrollTop
  const [low, high] = COMFORT_ZONE
  const inZone = relTop >= pane.clientHeight * low && relTop + line.height <= pane.clientHeight * high
  if (inZone && !force) return null
  const max = Math.max(0, pane.scrollHeight - pane.clientHeight)
  const target = Math.round(Math.min(max, Math.max(0, line.top - pane.clientHeight * ANCHOR_FRACTION)))
  return Math.abs(target - pane.scrollTop) < 2 ? null : target
}

const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' '])
/** How long a programmatic scroll may take before its scroll events stop counting as ours. */
const OWN_SCROLL_MAX_MS = 1200

export interface FollowScrollOptions {
  /** Called when the reader scrolls the pane themselves. */
  onReaderScroll(): void
  reducedMotion(): boolean
}

export class FollowScroll {
  private ownUntil = 0
  private readonly cleanup: (() => void)[] = []

  constructor(
    private readonly pane: HTMLElement,
    private readonly options: FollowScrollOptions,
    private readonly now: () => number = () => performance.now(),
  ) {
    const reader = () => {
      this.ownUntil = 0
      this.options.onReaderScroll()
    }
    const on = <K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void) => {
      pane.addEventListener(type, fn, { passive: true })
      this.cleanup.push(() => pane.removeEventListener(type, fn))
    }
    on('wheel', reader)
    on('touchmove', reader)
    on('keydown', (e) => {
      // Keys typed into a control inside the pane are not scrolling.
      const target = e.target as HTMLElement | null
      if (SCROLL_KEYS.has(e.key) && !target?.closest('input, textarea, select, button')) reader()
    })
    on('pointerdown', (e) => {
      // A press on the pane itself, not on its content, is a press on its scrollbar.
      if (e.target === pane) reader()
    })
    on('scroll', () => {
      if (this.now() > this.ownUntil) reader()
    })
    on('scrollend', () => {
      this.ownUntil = 0
    })
  }

  /** Scrolls the pane so `el` is in view, as the app (not the reader). */
  reveal(el: HTMLElement, force = false): void {
    const pane = this.pane
    const paneRect = pane.getBoundingClientRect()
    const rect = el.getBoundingClientRect()
    const top = rect.top - paneRect.top + pane.scrollTop
    const target = scrollTargetFor({ top, height: rect.height }, pane, force)
    if (target === null) return
    const smooth = !this.options.reducedMotion()
    this.ownUntil = this.now() + (smooth ? OWN_SCROLL_MAX_MS : 150)
    pane.scrollTo({ top: target, behavior: smooth ? 'smooth' : 'auto' })
  }

  destroy(): void {
    for (const fn of this.cleanup) fn()
    this.cleanup.length = 0
  }
}
