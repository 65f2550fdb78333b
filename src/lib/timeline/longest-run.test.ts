import { describe, expect, it } from 'vitest'
import { longestNonDecreasing } from './longest-run.ts'

describe('longestNonDecreasing', () => {
  it.each([
    [[], []],
    [[5], [0]],
    [
      [1, 2, 3],
      [0, 1, 2],
    ],
    [[3, 2, 1], [0]], // ties: the earliest
    [
      [100, 200, 120, 140],
      [0, 2, 3],
    ],
    [
      [100, 0, 126],
      [0, 2],
    ],
    [
      [10, 99, 30],
      [0, 1],
    ], // tie between [10, 99] and [10, 30]: earlier lines win
    [
      [10, 20, 15, 30],
      [0, 1, 3],
    ],
    [
      [162, 162, 150, 162],
      [0, 1, 3],
    ], // equal values are kept (non-decreasing)
    [
      [0, 5, 0, 0, 0],
      [0, 2, 3, 4],
    ],
  ])('of %j is at positions %j', (values, expected) => {
    expect(longestNonDecreasing(values)).toEqual(expected)
  })
})
