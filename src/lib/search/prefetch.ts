/**
 * The postings chunks a query's words start in, known before the dictionary has loaded. The
 * postings chunks are ranges of the sorted dictionary; with the first word of each one (built
 * into the search worker), the chunks holding a typed word, the words it starts, its other
 * spelling and its join with the next word are found by comparing strings. On the first query
 * the worker fetches these beside the meta file (the dictionary), so both arrive together;
 * what only the dictionary can tell (typos, halves) is fetched once it is in.
 */
import { chunkOf } from './chunks.ts'
import { otherSpelling, SHORT_WORD } from './plan.ts'
import { parseQuery } from './query.ts'

/** A dictionary lookup the strict plan makes: the word itself, or every word it starts. */
export interface Lookup {
  key: string
  prefix: boolean
}

/** The lookups of the strict plan that need no dictionary to be known (as `expandQuery` makes them). */
export function queryLookups(query: string): Lookup[] {
  const { words, phrases } = parseQuery(query)
  const out: Lookup[] = []
  words.forEach((w, i) => {
    const prefix = w.length > SHORT_WORD || i === words.length - 1
    out.push({ key: w, prefix })
    const other = otherSpelling(w)
    if (other !== null) out.push({ key: other, prefix })
    const next = words[i + 1]
    if (next !== undefined) out.push({ key: w + next, prefix: i + 2 === words.length })
  })
  for (const phrase of phrases)
    phrase.words.forEach((w, j) => out.push({ key: w, prefix: phrase.open && j === phrase.words.length - 1 }))
  return out
}

/** Past every word starting with a prefix (a key is never this long a run of the last code unit). */
const PAST = '\uffff'

/** The postings chunks of `query`'s lookups, ascending, each once. */
export function postingsChunksFor(query: string, from: readonly string[]): number[] {
  if (from.length === 0) return []
  const chunks = new Set<number>()
  for (const { key, prefix } of queryLookups(query)) {
    const first = chunkOf(from, key)
    const last = prefix ? chunkOf(from, key + PAST) : first
    for (let k = first; k <= last; k++) chunks.add(k)
  }
  return [...chunks].sort((a, b) => a - b)
}
