/**
 * Where each episode was left, kept in this browser only (localStorage, no
 * server), so coming back can offer to resume there. Storage may be missing
 * or refuse writes (private windows, quotas): every call then does nothing.
 */

const KEY_PREFIX = 'playscript:position:'

/** Closer than this to the start, there is nothing to resume. */
export const RESUME_MIN_SEC = 10
/** Closer than this to the end, the episode counts as finished. */
export const RESUME_END_MARGIN_SEC = 20

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // access itself can throw when storage is blocked
  }
}

export function savePosition(slug: string, seconds: number, store: Storage | null = storage()): void {
  if (!store || !Number.isFinite(seconds) || seconds < 0) return
  try {
    store.setItem(KEY_PREFIX + slug, String(Math.floor(seconds)))
  } catch {
    // Full or refused: resuming is a convenience, never an error.
  }
}

export function loadPosition(slug: string, store: Storage | null = storage()): number | undefined {
  let raw: string | null
  try {
    raw = store?.getItem(KEY_PREFIX + slug) ?? null
  } catch {
    return undefined
  }
  const t = raw === null ? NaN : Number(raw)
  return Number.isFinite(t) && t >= 0 ? t : undefined
}

/**
 * The time to offer resuming at, or null: a saved position that is past the
 * first seconds and not at the very end of an episode of `length` seconds
 * (0 when unknown).
 */
export function resumeOffer(saved: number | undefined, length: number): number | null {
  if (saved === undefined || saved < RESUME_MIN_SEC) return null
  if (length > 0 && saved > length - RESUME_END_MARGIN_SEC) return null
  return saved
}
