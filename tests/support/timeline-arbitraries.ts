/** Generators of transcript items for the timeline's property tests (fast-check), and small oracles. */
import fc from 'fast-check'
import type { SourceItem, SourceLine } from '../../src/lib/episode/types.ts'
import { MAX_WRITTEN_SEC } from '../../src/lib/timeline/timeline.ts'

/** Written times: small ranges give duplicates and backward steps; plus zeros, fractions, huge and invalid values. */
export const secArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 300 }) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1e4, noNaN: true }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: MAX_WRITTEN_SEC }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(MAX_WRITTEN_SEC, 1e9, 1e308, Number.MAX_VALUE, -5, -0, NaN, Infinity, -Infinity),
  },
)

export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 5000 }).map((n) => 'y'.repeat(n)) },
)

export const lineArb: fc.Arbitrary<SourceItem> = fc.record(
  {
    kind: fc.constant('line' as const),
    text: textArb,
    sec: secArb,
    time: fc.constantFrom('1:02:28', '0:05'),
    who: fc.constantFrom('Host', ' Guest ', '', '   '),
    srcLine: fc.nat(10000),
  },
  { requiredKeys: ['kind', 'text'] },
)

export const headerArb: fc.Arbitrary<SourceItem> = fc.record({
  kind: fc.constant('header' as const),
  title: fc.string({ maxLength: 10 }),
})

/** Arbitrary mixes: anything goes. */
export const randomItems = fc.array(fc.oneof({ weight: 1, arbitrary: headerArb }, { weight: 4, arbitrary: lineArb }), {
  maxLength: 60,
})

/** Realistic files: mostly increasing times with gaps, shared times, missing times and a few typos. */
export const realisticItems: fc.Arbitrary<SourceItem[]> = fc
  .array(
    fc.record({
      header: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
      step: fc.integer({ min: 0, max: 60 }),
      written: fc.constantFrom('yes', 'yes', 'yes', 'no', 'typo', 'zero'),
      text: textArb,
    }),
    { maxLength: 80 },
  )
  .map((rows) => {
    let t = 0
    return rows.map(({ header, step, written, text }): SourceItem => {
      if (header) return { kind: 'header', title: 'Chapter' }
      t += step
      const line: SourceLine = { kind: 'line', text }
      if (written === 'yes') line.sec = t
      if (written === 'typo') line.sec = t + 600
      if (written === 'zero') line.sec = 0
      return line
    })
  })

export const itemsArb = fc.oneof(randomItems, realisticItems)

// --- Helpers -----------------------------------------------------------------------

export const usable = (sec: number | undefined): sec is number =>
  sec !== undefined && Number.isFinite(sec) && sec >= 0 && sec <= MAX_WRITTEN_SEC

/** Length of a longest non-decreasing subsequence, the slow and obvious way. */
export function naiveLndsLength(values: number[]): number {
  const best: number[] = []
  values.forEach((v, i) => {
    let b = 1
    for (let j = 0; j < i; j++) if ((values[j] ?? 0) <= v) b = Math.max(b, (best[j] ?? 0) + 1)
    best.push(b)
  })
  return Math.max(0, ...best)
}

export const sourceLines = (items: SourceItem[]): SourceLine[] =>
  items.filter((item): item is SourceLine => item.kind === 'line')

export const runs = { numRuns: 300 }
