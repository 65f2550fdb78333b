/**
 * Bounded edit distance for typo matching: optimal string alignment (Levenshtein plus
 * swapping two neighbours, so `terrafrom` is one edit from `terraform`), and a letter-set
 * filter that rejects most words before any distance is computed.
 */

/** Words longer than this are never compared by distance (the rows below are this long). */
export const MAX_TYPO_WORD = 48

/** How many typos a query word of this length tolerates: none up to 3 letters, 1 up to 7, then 2. */
export function typoBudget(length: number): number {
  if (length < 4) return 0
  return length < 8 ? 1 : 2
}

/**
 * A 32-bit set of the characters in a word: a–z get a bit each, digits share one,
 * anything else one of four by code. One edit adds at most one member and removes at most
 * one, so two words within `k` edits differ by at most `k` members each way.
 */
export function letterMask(word: string): number {
  let mask = 0
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (c >= 97 && c <= 122) mask |= 1 << (c - 97)
    else if (c >= 48 && c <= 57) mask |= 1 << 26
    else mask |= 1 << (27 + (c % 4))
  }
  return mask
}

/** Number of set bits. */
export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

const ROW = MAX_TYPO_WORD + 3
const prev2 = new Int32Array(ROW)
const prev = new Int32Array(ROW)
const cur = new Int32Array(ROW)

/**
 * The OSA distance between `query` and `word` when it is at most `k`, else `k + 1`.
 * With `prefix`, the distance between `query` and the closest prefix of `word`
 * (so `kubrenet` is one edit from a prefix of `kubernetes`).
 */
export function boundedDistance(query: string, word: string, k: number, prefix = false): number {
  const m = query.length
  const n = prefix ? Math.min(word.length, m + k) : word.length
  if (m > MAX_TYPO_WORD || n > MAX_TYPO_WORD) return k + 1
  if (!prefix && Math.abs(m - n) > k) return k + 1
  // Rows run over the query, columns over the word.
  for (let j = 0; j <= n; j++) prev[j] = j
  for (let i = 1; i <= m; i++) {
    const qc = query.charCodeAt(i - 1)
    cur[0] = i
    let rowMin = i
    for (let j = 1; j <= n; j++) {
      const wc = word.charCodeAt(j - 1)
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (qc === wc ? 0 : 1))
      if (i > 1 && j > 1 && qc === word.charCodeAt(j - 2) && query.charCodeAt(i - 2) === wc) {
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1)
      }
      cur[j] = d
      if (d < rowMin) rowMin = d
    }
    if (rowMin > k) return k + 1
    prev2.set(prev.subarray(0, n + 1))
    prev.set(cur.subarray(0, n + 1))
  }
  let best = prev[n] ?? k + 1
  if (prefix) for (let j = 0; j < n; j++) best = Math.min(best, prev[j] ?? k + 1)
  return best > k ? k + 1 : best
}
