/**
 * Whether the YouTube IFrame API failed in this session. Its script loads once per page: after it
 * failed, every later episode falls back to the read-along clock at once instead of waiting out
 * the timeout again, until the API shows up (a slow network may deliver it late).
 */
let failed = false

/** The IFrame API has loaded (`YT.Player` exists). */
export function youtubeApiLoaded(): boolean {
  if (typeof window === 'undefined') return false
  const yt = (window as { YT?: { Player?: unknown } }).YT
  return typeof yt?.Player === 'function'
}

/** The video fell back: when the API itself is missing, remember it for this session. True when it is. */
export function rememberIfApiMissing(): boolean {
  if (youtubeApiLoaded()) return false
  failed = true
  return true
}

/** The API failed earlier in this session and has still not arrived. */
export function youtubeApiKnownToFail(): boolean {
  return failed && !youtubeApiLoaded()
}
