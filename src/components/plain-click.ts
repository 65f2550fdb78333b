import type { MouseEvent } from 'react'

/** A left click without a modifier: the app handles it. Others (new tab, download) stay the link's. */
export function isPlainClick(e: MouseEvent): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey
}
