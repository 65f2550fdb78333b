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
