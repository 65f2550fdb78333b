/**
 * Normalises the `ids.youtube` value of an episode file to an 11-character
 * video id. Real files carry URL residue (`NfAJAr7FvyY&t`) or whole URLs.
 */
export type YoutubeIdResult = { ok: true; id: string; normalised: boolean } | { ok: false }

const ID = /^[A-Za-z0-9_-]{11}$/
const ID_WITH_RESIDUE = /^([A-Za-z0-9_-]{11})[&?#]/
const URL_PATTERNS = [
  /^(?:https?:\/\/)?(?:www\.|m\.|music\.)?youtube(?:-nocookie)?\.com\/watch\?(?:.*&)?v=([A-Za-z0-9_-]{11})(?![A-Za-z0-9_-])/,
  /^(?:https?:\/\/)?(?:www\.|m\.)?youtube(?:-nocookie)?\.com\/(?:embed|shorts|live|v)\/([A-Za-z0-9_-]{11})(?![A-Za-z0-9_-])/,
  /^(?:https?:\/\/)?youtu\.be\/([A-Za-z0-9_-]{11})(?![A-Za-z0-9_-])/,
]

export function normaliseYoutubeId(value: string): YoutubeIdResult {
  const v = value.trim()
  if (ID.test(v)) return { ok: true, id: v, normalised: false }
  const residue = ID_WITH_RESIDUE.exec(v)
  if (residue?.[1]) return { ok: true, id: residue[1], normalised: true }
  for (const re of URL_PATTERNS) {
    const m = re.exec(v)
    if (m?.[1]) return { ok: true, id: m[1], normalised: true }
  }
  return { ok: false }
}
