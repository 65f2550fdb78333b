/**
 * Follow-scroll that yields to the reader, as a small controller over the
 * transcript pane (no React). "The reader scrolled" is decided from the
 * reader's own input on the pane — a wheel, a finger moving, a key that
 * scrolls, a press on the scrollbar — never from scroll events: a smooth
 * scroll of the app's own can last as long as the browser likes (over a
 * second across a long episode) without ever counting as the reader's.
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

/** Keys that scroll the pane when it has focus. Space is not one: it plays and pauses. */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'])

export interface FollowScrollOptions {
  /** Called when the reader scrolls the pane themselves. */
  onReaderScroll(): void
  reducedMotion(): boolean
}

/** Farther than this many pane heights, the pane jumps instead of animating. */
const FAR_SCREENS = 3
/** How many times a reveal corrects itself after the lines around the target are laid out. */
const SETTLE_TRIES = 4

export class FollowScroll {
  private readonly cleanup: (() => void)[] = []
  /** The element of the last reveal, checked again once its scroll has ended. */
  private settling: { el: HTMLElement; tries: number } | null = null

  constructor(
    private readonly pane: HTMLElement,
    private readonly options: FollowScrollOptions,
  ) {
    const reader = () => {
      this.settling = null
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
    // A smooth scroll of ours has ended: check where the line landed.
    on('scrollend', () => {
      if (this.settling) this.settleSoon()
    })
  }

  /**
   * Scrolls the pane so `el` is in view, as the app (not the reader). A near target is scrolled
   * to smoothly; a far one (more than {@link FAR_SCREENS} pane heights away) at once, since an
   * animation across a long transcript shows nothing but a blur. Groups of lines far from view
   * are laid out only when they come near it (`content-visibility`), so once the scroll is done
   * the line may have moved: it is measured again and the scroll corrected, a few times at most.
   */
  reveal(el: HTMLElement, force = false): void {
    this.settling = null
    const target = this.targetFor(el, force)
    if (target === null) return
    const far = Math.abs(target - this.pane.scrollTop) > this.pane.clientHeight * FAR_SCREENS
    const smooth = !far && !this.options.reducedMotion()
    this.pane.scrollTo({ top: target, behavior: smooth ? 'smooth' : 'auto' })
    this.settling = { el, tries: SETTLE_TRIES }
    if (!smooth) this.settleSoon()
  }

  private targetFor(el: HTMLElement, force: boolean): number | null {
    const pane = this.pane
    const paneRect = pane.getBoundingClientRect()
    const rect = el.getBoundingClientRect()
    const top = rect.top - paneRect.top + pane.scrollTop
    return scrollTargetFor({ top, height: rect.height }, pane, force)
  }

  /** After the next frames are laid out, checks that the line is where it was sent, else corrects. */
  private settleSoon(): void {
    requestAnimationFrame(() => requestAnimationFrame(() => this.settle()))
  }

  private settle(): void {
    const s = this.settling
    if (!s || !s.el.isConnected) return
    const target = this.targetFor(s.el, false)
    if (target === null || s.tries <= 0) {
      this.settling = null
      return
    }
    s.tries--
    this.pane.scrollTo({ top: this.targetFor(s.el, true) ?? target, behavior: 'auto' })
    this.settleSoon()
  }

  destroy(): void {
    for (const fn of this.cleanup) fn()
    this.cleanup.length = 0
  }
}

/**
 * Brings `el` into view inside the nearest element that scrolls it (a side column, a list),
 * never the page: on a layout where the page itself scrolls, it does nothing.
 */
export function keepInView(el: HTMLElement): void {
  let box: HTMLElement | null = el.parentElement
  while (box && box !== document.body && box !== document.documentElement) {
    const overflow = getComputedStyle(box).overflowY
    if ((overflow === 'auto' || overflow === 'scroll') && box.scrollHeight > box.clientHeight) break
    box = box.parentElement
  }
  if (!box || box === document.body || box === document.documentElement) return
  const outer = box.getBoundingClientRect()
  const r = el.getBoundingClientRect()
  // Content pinned at the top of the scroller (a sticky player) hides what is under it.
  const pinned = box.querySelector<HTMLElement>(':scope > [data-pinned]')?.getBoundingClientRect().height ?? 0
  const top = outer.top + pinned
  if (r.top >= top && r.bottom <= outer.bottom) return
  box.scrollTop += r.top - top - (outer.bottom - top) / 3
}
