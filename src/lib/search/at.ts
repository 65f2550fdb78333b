/**
 * `array[i]` for an index that must be in range. The search index's arrays are dense and
 * their indexes come from the index itself, so a read outside them is a bug: it throws,
 * instead of quietly reading as word 0 or line 0.
 *
 * The same check in three shapes: the hot loops read typed arrays, and a read site that
 * sees one kind of array stays fast where one shared generic one would not.
 */
export function at<T>(array: ArrayLike<T>, i: number): T {
  const value = array[i]
  if (value === undefined) throw outOfRange(array, i)
  return value
}

/** `at` for an `Int32Array` (word ids, line numbers, offsets). */
export function atI32(array: Int32Array, i: number): number {
  const value = array[i]
  if (value === undefined) throw outOfRange(array, i)
  return value
}

/** `at` for a `Float32Array` (qualities and scores per line or per word). */
export function atF32(array: Float32Array, i: number): number {
  const value = array[i]
  if (value === undefined) throw outOfRange(array, i)
  return value
}

function outOfRange(array: ArrayLike<unknown>, i: number): RangeError {
  return new RangeError(`read at ${i}, outside 0..${array.length - 1}`)
}
