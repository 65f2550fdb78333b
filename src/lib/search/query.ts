/**
 * What the reader typed, as search terms. Everything is plain text: no operators, no
 * patterns; brackets, stars and backslashes are just characters that are not words.
 */
import { tokenize } from './normalize.ts'

export interface Phrase {
  /** Folded word keys that must follow each other. */
  words: string[]
  /** True when the closing quote is still missing: the last word may be half typed. */
  open: boolean
}

export interface ParsedQuery {
  /** Folded keys of the words outside quotes, in typed order, without repeats. */
  words: string[]
  phrases: Phrase[]
}

/** Longer queries keep their first terms only (each term costs a pass over the vocabulary). */
export const MAX_WORDS = 12
export const MAX_PHRASES = 6
export const MAX_PHRASE_WORDS = 16

const QUOTES = new Set(['"', '“', '”', '„', '‟', '«', '»', '＂'])

/**
 * Splits a query into words and quoted phrases. Quotes pair up left to right; an
 * unclosed quote runs to the end (the reader is still typing it).
 */
export function parseQuery(q: string): ParsedQuery {
  const words: string[] = []
  const phrases: Phrase[] = []
  let quoted = false
  let segment = ''
  const flush = (open: boolean): void => {
    const keys = tokenize(segment).map((t) => t.key)
    segment = ''
    if (quoted) {
      if (keys.length > 0 && phrases.length < MAX_PHRASES) {
        phrases.push({ words: keys.slice(0, MAX_PHRASE_WORDS), open })
      }
      return
    }
    for (const key of keys) {
      if (words.length < MAX_WORDS && !words.includes(key)) words.push(key)
    }
  }
  for (const ch of q) {
    if (QUOTES.has(ch)) {
      flush(false)
      quoted = !quoted
    } else {
      segment += ch
    }
  }
  flush(quoted)
  return { words, phrases }
}

export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.words.length === 0 && q.phrases.length === 0
}
