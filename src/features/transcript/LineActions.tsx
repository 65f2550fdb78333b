import { useEffect, useState, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import type { TimedLine } from '../../lib/episode/types.ts'
import { usePlayback } from '../../playback/playback-store.ts'
import { lineTimeLabel } from './TranscriptLine.tsx'

export interface LineActionsProps {
  pane: RefObject<HTMLElement | null>
  lines: readonly TimedLine[]
  onCopy(line: TimedLine): void
}

const lineOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>('li[data-line]') : null

/**
 * One "Copy link" button for the whole transcript, placed in the line being pointed at or
 * focused, else in the line being spoken (so a touch screen, with no hover, finds it on the
 * current line). Thousands of lines then carry no button of their own: nothing to add to every
 * line once the app runs, and none in the prerendered page, where it could not work.
 */
export function LineActions({ pane, lines, onCopy }: LineActionsProps) {
  const [target, setTarget] = useState<HTMLElement | null>(null)

  useEffect(() => {
    const el = pane.current
    if (!el) return
    let pointed: HTMLElement | null = null
    // Before anything plays (no line spoken yet), the first line carries it: on a touch screen,
    // with no pointer hovering, the copy action is always somewhere in sight.
    const update = () =>
      setTarget(
        pointed ??
          el.querySelector<HTMLElement>(`li[data-line="${usePlayback.getState().activeLine}"]`) ??
          el.querySelector<HTMLElement>('li[data-line]'),
      )
    const onOver = (e: Event) => {
      const li = lineOf(e.target)
      if (li && li !== pointed) {
        pointed = li
        update()
      }
    }
    const onLeave = () => {
      pointed = null
      update()
    }
    const onFocusOut = (e: FocusEvent) => {
      if (!el.contains(e.relatedTarget as Node | null)) onLeave()
    }
    el.addEventListener('pointerover', onOver)
    el.addEventListener('focusin', onOver)
    el.addEventListener('pointerleave', onLeave)
    el.addEventListener('focusout', onFocusOut)
    const frame = requestAnimationFrame(update)
    const unsubscribe = usePlayback.subscribe((s, prev) => {
      if (s.activeLine !== prev.activeLine && !pointed) update()
    })
    return () => {
      cancelAnimationFrame(frame)
      unsubscribe()
      el.removeEventListener('pointerover', onOver)
      el.removeEventListener('focusin', onOver)
      el.removeEventListener('pointerleave', onLeave)
      el.removeEventListener('focusout', onFocusOut)
    }
  }, [pane])

  const line = target?.isConnected ? lines[Number(target.dataset.line)] : undefined
  if (!target || !line) return null
  const label = lineTimeLabel(line)
  return createPortal(
    <button
      type="button"
      className="line-copy"
      onClick={() => onCopy(line)}
      aria-label={`Copy link to ${label.replace('~', 'about ')}`}
    >
      Copy link
    </button>,
    target,
  )
}
