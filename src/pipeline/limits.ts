/**
 * The largest episode the site serves well, and the point past which the build refuses one.
 * The real corpus's longest episode has 279 lines (about 150 kB); the warning comes at ten
 * times that, the refusal well before a page would take a browser tens of seconds or the
 * build gigabytes of memory. A file is measured before it is read, so an oversized file
 * costs nothing.
 */
export const WARN_LINES = 3_000
export const MAX_LINES = 10_000
export const WARN_BYTES = 2 * 1024 * 1024
export const MAX_BYTES = 8 * 1024 * 1024

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} kB`
}
