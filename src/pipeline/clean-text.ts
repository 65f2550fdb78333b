/**
 * Characters an episode file's text must not carry into the site, and the
 * rules for speaker names.
 *
 * - Control characters (C0 except tab, line feed and carriage return; DEL; C1)
 *   are removed from every text, with a warning: browsers drop them, crawlers and
 *   link previews may stop at them.
 * - Bidirectional overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069)
 *   are removed from every text, with a warning: they make text read differently
 *   from how it is stored.
 * - In titles and names (title, short title, guests, chapter headers, speakers),
 *   zero-width and other invisible characters (U+200B–U+200F, U+2060–U+2064, U+FEFF)
 *   are removed too: two names that look the same must be the same name.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g
const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff]/g

export interface Cleaned {
  text: string
  /** What was removed, in words (empty when nothing was). */
  removed: string[]
}

function codes(found: readonly string[]): string {
  const unique = [...new Set(found)].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
  return unique.length > 3 ? `${unique.slice(0, 3).join(', ')}, …` : unique.join(', ')
}

export function cleanText(text: string, options: { name?: boolean } = {}): Cleaned {
  const removed: string[] = []
  let out = text
  const take = (re: RegExp, what: string) => {
    const found = out.match(re)
    if (!found) return
    removed.push(`${found.length} ${what} (${codes(found)})`)
    out = out.replace(re, '')
  }
  take(CONTROL, 'control character(s)')
  take(BIDI, 'bidirectional override(s)')
  if (options.name) take(INVISIBLE, 'invisible character(s)')
  return { text: out, removed }
}

/** Longest speaker name: more than this is a sentence, not a name. */
export const MAX_NAME_WORDS = 5
export const MAX_NAME_LENGTH = 40

function shorten(s: string): string {
  return s.length > 50 ? `${s.slice(0, 49)}…` : s
}

export type NameCheck = { name: string; warning?: string }

/** A `who` as written → the name to use, and what is wrong with it. */
export function checkSpeakerName(written: string): NameCheck {
  const whole = written.trim()
  const name = whole.replace(/\s*[:.]+$/, '') || whole
  const words = name.split(/\s+/).filter(Boolean).length
  if (words > MAX_NAME_WORDS || name.length > MAX_NAME_LENGTH || /[?!;]|[.,]\s+\p{Ll}/u.test(name)) {
    return {
      name,
      warning: `${JSON.stringify(shorten(whole))} does not look like a name (${words} words, ${name.length} characters; a name has at most ${MAX_NAME_WORDS} words and ${MAX_NAME_LENGTH} characters, and no sentence); is it part of the line?`,
    }
  }
  if (name !== whole)
    return {
      name,
      warning: `${JSON.stringify(whole)} ends with ${JSON.stringify(whole.slice(name.length).trim())}, which is trimmed: read as ${JSON.stringify(name)}`,
    }
  return { name }
}

/** Edit distance (insertions, deletions, substitutions), stopping early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
      cur.push(v)
      best = Math.min(best, v)
    }
    if (best > max) return max + 1
    prev = cur
  }
  return prev[b.length] ?? max + 1
}

/** A speaker with this many lines or more is a frequent speaker of the episode. */
export const FREQUENT_SPEAKER_LINES = 3

/**
 * For each rare name that looks like a misspelling of a frequent speaker of the same episode
 * (one or two edits away, or the frequent name with letters run on: `Alexeylexey`), that speaker.
 */
export function likelyMisspellings(counts: ReadonlyMap<string, number>): Map<string, string> {
  const out = new Map<string, string>()
  const frequent = [...counts].filter(([, n]) => n >= FREQUENT_SPEAKER_LINES).sort((a, b) => b[1] - a[1])
  for (const [name, n] of counts) {
    const lower = name.toLowerCase()
    for (const [f, fn] of frequent) {
      if (f === name || fn <= n) continue
      const fl = f.toLowerCase()
      const close = Math.min(name.length, f.length) >= 4 && editDistance(lower, fl) <= 2
      const runOn =
        lower.length > fl.length &&
        (lower.startsWith(fl) || lower.endsWith(fl)) &&
        /\p{L}/u.test(lower.startsWith(fl) ? (lower[fl.length] ?? '') : (lower[lower.length - fl.length - 1] ?? ''))
      if (close || runOn) {
        out.set(name, f)
        break
      }
    }
  }
  return out
}
