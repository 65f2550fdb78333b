/** Where `value` is in the ascending `sorted` (line numbers, word ids), or -1: a binary search. */
export function indexInSorted(sorted: Int32Array, value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((sorted[mid] ?? 0) < value) lo = mid + 1
    else hi = mid
  }
  return lo < sorted.length && sorted[lo] === value ? lo : -1
}
