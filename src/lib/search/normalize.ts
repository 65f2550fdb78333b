/**
 * Text folding and word splitting for search: case and accents ignored, offsets kept.
 *
 * Every code point of the original text folds on its own (lowercase, compatibility
 * decomposition, combining marks and format characters dropped, a few letters that
 * Unicode does not decompose mapped by hand: ł→l, ø→o, ß→ss, æ→ae...). Because each
 * folded piece comes from exactly one original code point, a word's key maps back to
 * exact offsets in the original line (UTF-16 code units, what `String#slice` takes).
 *
 * A word is a run of letters and digits. An apostrophe between two letters (`don't`,
 * `don’t`) stays inside the word and is left out of its key, so `dont` finds `don’t`.
 * Combining marks and format characters (zero-width space, bidi marks, soft hyphen)
 * attach to the word before them and never split it.
 */

/** The part a code point plays in a word. */
const OTHER = 0
const WORD = 1
const JOINER = 2
const IGNORED = 3
type Kind = typeof OTHER | typeof WORD | typeof JOINER | typeof IGNORED

interface FoldEntry {
  kind: Kind
  /** The folded text: for a word character only its letters and digits; empty when ignored. */
  text: string
}

/** Letters that lowercasing plus NFKD leave alone but a reader treats as their base letter. */
const SPECIAL: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ŧ: 't',
  ı: 'i',
  ĸ: 'k',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ŋ: 'n',
  ƒ: 'f',
  ς: 'σ',
}

/** Apostrophes, typed or typographic, that may join two halves of a word. */
const APOSTROPHES = new Set([0x27, 0x2018, 0x2019, 0x02bc, 0xff07])

const MARKS = /[\p{M}\p{Cf}]/gu
const NOT_ALNUM = /[^\p{L}\p{N}]/gu

function computeFold(cp: number): FoldEntry {
  if (APOSTROPHES.has(cp)) return { kind: JOINER, text: "'" }
  const lower = String.fromCodePoint(cp).toLowerCase().normalize('NFKD').replace(MARKS, '')
  let text = ''
  for (const ch of lower) text += SPECIAL[ch] ?? ch
  if (text === '') return { kind: IGNORED, text: '' }
  const word = text.replace(NOT_ALNUM, '')
  return word === '' ? { kind: OTHER, text } : { kind: WORD, text: word }
}

const foldCache = new Map<number, FoldEntry>()
for (let c = 0; c < 128; c++) foldCache.set(c, computeFold(c))

function foldCodePoint(cp: number): FoldEntry {
  let entry = foldCache.get(cp)
  if (entry === undefined) {
    entry = computeFold(cp)
    foldCache.set(cp, entry)
  }
  return entry
}

/** Kind of each ASCII character, for the fast path. */
const ASCII_KIND = new Uint8Array(128)
for (let c = 0; c < 128; c++) ASCII_KIND[c] = foldCodePoint(c).kind

/** The code point at `i` (a lone surrogate stands for itself). */
function codePointAt(s: string, i: number): number {
  return s.codePointAt(i) ?? 0
}

/**
 * Text with case and accents ignored: the one fold of the app (search, names, the catalog
 * filter). Every code point folds on its own; word characters keep only their letters
 * and digits (`½` → `12`), other characters their folded form, marks and format
 * characters vanish (`Łukasz` → `lukasz`, `Poznań` → `poznan`, `Straße` → `strasse`).
 */
export function fold(s: string): string {
  let folded = ''
  let i = 0
  while (i < s.length) {
    const cp = codePointAt(s, i)
    folded += foldCodePoint(cp).text
    i += cp > 0xffff ? 2 : 1
  }
  return folded
}

/** A word's search key: folded, letters and digits only (`Poznań` → `poznan`, `don’t` → `dont`). */
export function foldWord(s: string): string {
  let key = ''
  forEachWord(s, (k) => {
    key += k
  })
  return key
}

/** A name compared loosely: folded words joined by single spaces (`"  Alexey  GRIGOREV"` → `alexey grigorev`). */
export function foldName(s: string): string {
  return tokenize(s)
    .map((t) => t.key)
    .join(' ')
}

export interface Token {
  /** The folded key. */
  key: string
  /** Original range `[start, end)` in the text, in UTF-16 code units. */
  start: number
  end: number
}

export type WordCallback = (key: string, start: number, end: number) => void

/**
 * Called for every word by `scanWords`. For a word of plain ASCII letters and digits (most
 * words) `key` is null: the key is `text.slice(start, end).toLowerCase()` and `hash` is
 * `hashKey` of it, so an indexer can look the word up without making a string.
 */
export type RawWordCallback = (text: string, start: number, end: number, key: string | null, hash: number) => void

/** The rolling hash `scanWords` gives plain words: `h = h * 31 + charCode`, 32-bit. */
export function hashKey(key: string): number {
  let h = 0
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0
  return h
}

/**
 * Calls `fn` for every word of `text` in order with its original range: the one word
 * scanner (indexing, highlighting and queries all split words here).
 */
export function scanWords(text: string, fn: RawWordCallback): void {
  const n = text.length
  let start = -1 // start of the current word, -1 when outside a word
  let end = -1 // end of its last word character (or attached mark)
  let key = '' // built only once the word stops being plain ASCII
  let plain = true
  let hash = 0 // of a plain word
  let joinAt = -1 // position of an apostrophe right after the word, waiting for a letter
  let i = 0
  while (i < n) {
    let c = text.charCodeAt(i)
    if (c < 128 && ASCII_KIND[c] === WORD) {
      // The common case: a run of ASCII letters and digits.
      if (start < 0) {
        start = i
        plain = true
        hash = 0
      } else if (joinAt >= 0 && plain) {
        key = text.slice(start, joinAt).toLowerCase()
        plain = false
      }
      joinAt = -1
      do {
        if (c >= 65 && c <= 90) c += 32
        if (plain) hash = (Math.imul(hash, 31) + c) | 0
        else key += String.fromCharCode(c)
        c = text.charCodeAt(++i)
      } while (c < 128 && ASCII_KIND[c] === WORD)
      end = i
      continue
    }
    let len = 1
    let kind: number
    let piece = ''
    if (c < 128) {
      kind = ASCII_KIND[c] ?? OTHER
    } else {
      const cp = codePointAt(text, i)
      if (cp > 0xffff) len = 2
      const entry = foldCodePoint(cp)
      kind = entry.kind
      piece = entry.text
    }
    if (kind === WORD) {
      // A letter or digit outside ASCII: the key is built as a string from here on.
      if (start < 0) {
        start = i
        key = ''
      } else if (plain) {
        key = text.slice(start, joinAt >= 0 ? joinAt : i).toLowerCase()
      }
      plain = false
      joinAt = -1
      key += piece
      end = i + len
    } else if (start >= 0 && joinAt < 0 && kind === JOINER) {
      joinAt = i
    } else if (start >= 0 && joinAt < 0 && kind === IGNORED) {
      if (plain) {
        key = text.slice(start, i).toLowerCase()
        plain = false
      }
      end = i + len
    } else if (start >= 0) {
      fn(text, start, end, plain ? null : key, hash)
      start = -1
      joinAt = -1
    }
    i += len
  }
  if (start >= 0) fn(text, start, end, plain ? null : key, hash)
}

/** Calls `fn` for every word of `text` in order with its key and original range. */
export function forEachWord(text: string, fn: WordCallback): void {
  scanWords(text, (t, start, end, key) => fn(key ?? t.slice(start, end).toLowerCase(), start, end))
}

/** The words of `text` with their keys and original ranges. */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  forEachWord(text, (key, start, end) => {
    out.push({ key, start, end })
  })
  return out
}

/**
 * Where, in the original text, the first `keyChars` characters of a word's key end.
 * Highlights the typed part of a prefix match (`kube` in `Kubernetes`, `poz` in `Poznań`).
 */
export function keyPrefixEnd(text: string, start: number, end: number, keyChars: number): number {
  let count = 0
  let i = start
  while (i < end && count < keyChars) {
    const c = text.charCodeAt(i)
    if (c < 128) {
      if (ASCII_KIND[c] === WORD) count++
      i++
    } else {
      const cp = codePointAt(text, i)
      const entry = foldCodePoint(cp)
      if (entry.kind === WORD) count += entry.text.length
      i += cp > 0xffff ? 2 : 1
    }
  }
  // Marks folded away with the last character belong to it.
  while (i < end) {
    const cp = codePointAt(text, i)
    if (cp < 128 || foldCodePoint(cp).kind !== IGNORED) break
    i += cp > 0xffff ? 2 : 1
  }
  return i
}
