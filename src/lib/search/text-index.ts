/**
 * The text index of the search engine: every line split into folded words; each distinct
 * word (the vocabulary) gets an id, a letter-set mask and a postings list (the lines it
 * occurs in); each line keeps its sequence of word ids (for phrases and proximity).
 */
import { at, atI32 } from './at.ts'
import { letterMask } from './distance.ts'
import { scanWords } from './normalize.ts'
import { VocabularyBuilder } from './vocabulary.ts'

export interface TextIndex {
  readonly texts: readonly string[]
  /** Word id → folded key. */
  readonly keys: readonly string[]
  /** Folded key → word id (a map, or a search of the sorted dictionary). */
  readonly ids: { get(key: string): number | undefined }
  /** Word ids ordered by key, for prefix ranges. */
  readonly sorted: Int32Array
  readonly masks: Int32Array
  /** Postings of word `w`: `postings[postStart[w] .. postStart[w + 1]]`, ascending line numbers. */
  readonly postStart: Int32Array
  readonly postings: Int32Array
  /**
   * The word ids of line `l`, in reading order: every word, or (the chunked search) the words a
   * query looks at in their places, the filler (a word in no match set) between them, up to the
   * last of them. Reading past the end means no word.
   */
  lineWords(line: number): Int32Array
  /** Word id → how many lines hold it, over the whole data (for word weights). */
  readonly df: Int32Array
  /** Lines of the whole data the frequencies count (for word weights). */
  readonly lineTotal: number
}

/** The index of the whole data: every line's words in one array. */
export interface BuiltTextIndex extends TextIndex {
  /** Words of line `l`: `tokWord[tokStart[l] .. tokStart[l + 1]]`, in reading order. */
  readonly tokStart: Int32Array
  readonly tokWord: Int32Array
}

export function buildTextIndex(texts: readonly string[]): BuiltTextIndex {
  const vocabulary = new VocabularyBuilder()
  const lineCount = texts.length
  const tokStart = new Int32Array(lineCount + 1)
  let tokWord = new Int32Array(Math.max(1024, lineCount * 16))
  let count = 0
  const add = (text: string, start: number, end: number, key: string | null, hash: number): void => {
    const id = key === null ? vocabulary.plain(text, start, end, hash) : vocabulary.key(key)
    if (count === tokWord.length) {
      const grown = new Int32Array(tokWord.length * 2)
      grown.set(tokWord)
      tokWord = grown
    }
    tokWord[count++] = id
  }
  for (let line = 0; line < lineCount; line++) {
    tokStart[line] = count
    scanWords(at(texts, line), add)
  }
  tokStart[lineCount] = count
  tokWord = tokWord.slice(0, count)
  const { keys, ids } = vocabulary

  const vocab = keys.length
  // Postings: count the lines of each word, then place them.
  const postStart = new Int32Array(vocab + 1)
  forDistinctWords(tokStart, tokWord, vocab, (id) => {
    postStart[id + 1] = atI32(postStart, id + 1) + 1
  })
  for (let w = 0; w < vocab; w++) postStart[w + 1] = atI32(postStart, w + 1) + atI32(postStart, w)
  const postings = new Int32Array(atI32(postStart, vocab))
  const next = postStart.slice(0, vocab)
  forDistinctWords(tokStart, tokWord, vocab, (id, line) => {
    const slot = atI32(next, id)
    postings[slot] = line
    next[id] = slot + 1
  })

  const sorted = new Int32Array(vocab)
  for (let w = 0; w < vocab; w++) sorted[w] = w
  sorted.sort((a, b) => compareKeys(at(keys, a), at(keys, b)))
  const masks = new Int32Array(vocab)
  for (let w = 0; w < vocab; w++) masks[w] = letterMask(at(keys, w))

  const df = new Int32Array(vocab)
  for (let w = 0; w < vocab; w++) df[w] = atI32(postStart, w + 1) - atI32(postStart, w)

  const lineWords = (line: number): Int32Array => tokWord.subarray(atI32(tokStart, line), atI32(tokStart, line + 1))
  return {
    texts,
    keys,
    ids,
    sorted,
    masks,
    postStart,
    postings,
    tokStart,
    tokWord,
    lineWords,
    df,
    lineTotal: lineCount,
  }
}

/** Calls `fn` once for each distinct word of each line, lines in order. */
function forDistinctWords(
  tokStart: Int32Array,
  tokWord: Int32Array,
  vocab: number,
  fn: (id: number, line: number) => void,
): void {
  const last = new Int32Array(vocab).fill(-1)
  for (let line = 0; line + 1 < tokStart.length; line++) {
    for (let t = atI32(tokStart, line), end = atI32(tokStart, line + 1); t < end; t++) {
      const id = atI32(tokWord, t)
      if (last[id] !== line) {
        last[id] = line
        fn(id, line)
      }
    }
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
