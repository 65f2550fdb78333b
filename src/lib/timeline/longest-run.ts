/** The anchors of a timeline: which written times agree with each other (see `buildTimeline`). */

/**
 * Positions (into `values`) of a longest non-decreasing subsequence, in
 * O(n log n). Among all longest ones it returns the lexicographically
 * smallest list of positions, so on ties earlier elements are kept.
 *
 * Method: going right to left, `best[p]` is the length of the longest
 * non-decreasing subsequence that starts at p, found with patience sorting:
 * `heads[len − 1]` is the largest value that can start a subsequence of
 * length `len` in the part seen so far (non-increasing in len). Then pick
 * greedily left to right the first position that can still complete a
 * longest subsequence.
 */
export function longestNonDecreasing(values: readonly number[]): number[] {
  const n = values.length
  const best = new Array<number>(n).fill(0)
  const heads: number[] = []
  for (let p = n - 1; p >= 0; p--) {
    const x = at(values, p)
    // First len index whose head is < x: x can prefix every longer-or-equal head before it.
    let lo = 0
    let hi = heads.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (at(heads, mid) >= x) lo = mid + 1
      else hi = mid
    }
    heads[lo] = x
    best[p] = lo + 1
  }

  const picked: number[] = []
  let need = heads.length
  let floor = -Infinity
  for (let p = 0; p < n && need > 0; p++) {
    const x = at(values, p)
    if (x >= floor && best[p] === need) {
      picked.push(p)
      floor = x
      need--
    }
  }
  return picked
}

/** Indexed read for indices known to be in range (keeps strict index checks honest). */
function at(array: readonly number[], i: number): number {
  return array[i] as number
}
