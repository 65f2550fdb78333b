/** Absolute links to this app, and copying them. Browser only. */
import { withBase } from '../lib/site/base.ts'

/** `path` (starting with `/`, relative to the app's base) as an absolute URL on this site. */
export function absoluteAppUrl(path: string): string {
  return `${window.location.origin}${withBase(path)}`
}

/** Copies text; resolves false when the browser refuses (no permission, insecure context). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/**
 * Copies text with an HTML form beside it (a quote pasted into a mail keeps its form); falls
 * back to the text alone where rich copying is refused. Resolves false when nothing was copied.
 */
export async function copyRich(text: string, html: string): Promise<boolean> {
  try {
    if (navigator.clipboard && typeof ClipboardItem !== 'undefined') {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ])
      return true
    }
  } catch {
    // Fall through to plain text.
  }
  return copyText(text)
}
