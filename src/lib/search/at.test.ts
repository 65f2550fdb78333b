import { describe, expect, it } from 'vitest'
import { at, atF32, atI32 } from './at.ts'

describe('at: in-range reads', () => {
  it('reads a slot that exists, zeros and empty strings included', () => {
    expect(at(['', 'b'], 0)).toBe('')
    expect(atI32(Int32Array.of(0, 7), 0)).toBe(0)
    expect(atF32(Float32Array.of(0.5, 0), 1)).toBe(0)
  })

  it('throws on a read outside the array, instead of reading 0', () => {
    expect(() => at([1, 2], 2)).toThrow(RangeError)
    expect(() => atI32(new Int32Array(3), -1)).toThrow('read at -1, outside 0..2')
    expect(() => atF32(new Float32Array(0), 0)).toThrow(RangeError)
  })
})
