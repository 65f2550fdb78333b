import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatDuration, formatTime, formatTimeParam, parseIsoDuration, parseTime, timeLabel } from './time.ts'

describe('parseTime', () => {
  it.each([
    ['3748', 3748],
    ['3748s', 3748],
    ['3748.5', 3748.5],
    ['162.35s', 162.35],
    ['0.001', 0.001],
    ['1h2m28s', 3748],
    ['62m28s', 3748],
    ['2m', 120],
    ['1h', 3600],
    ['45s', 45],
    ['1h28s', 3628],
    ['75m', 4500],
    ['1:02:28', 3748],
    ['62:28', 3748],
    ['0:05', 5],
    ['00:05', 5],
    ['123:45', 7425],
    ['10:00:00', 36000],
    ['0', 0],
    ['  1:02:28  ', 3748],
    ['1H2M28S', 3748],
    ['3748S', 3748],
  ])('parses %j as %d', (input, expected) => {
    expect(parseTime(input)).toBe(expected)
  })

  it.each([
    [3748, 3748],
    [3748.25, 3748.25],
    [0, 0],
    [-0, 0],
  ])('accepts the number %d', (input, expected) => {
    expect(parseTime(input)).toBe(expected)
  })

  it('rejects a bigint', () => {
    expect(parseTime(3748n)).toBeUndefined()
  })

  it('normalises -0 to 0', () => {
    expect(Object.is(parseTime(-0), 0)).toBe(true)
  })

  it.each([
    '',
    '   ',
    'abc',
    '1:2:3:4',
    '1h2h',
    '-5',
    'NaN',
    'Infinity',
    '1e400',
    '1e3',
    '1:2',
    '1:60',
    '1:00:60',
    '1:60:00',
    '1h75m',
    '1m60s',
    ':05',
    '5:',
    '1::05',
    '3748.1234',
    '3748.',
    '.5',
    '1.5h',
    '1:02:28.5',
    '1h 2m',
    's',
    'h',
    '+5',
    '0x10',
    '1' + '0'.repeat(400),
  ])('rejects %j', (input) => {
    expect(parseTime(input)).toBeUndefined()
  })

  it.each([[-5], [NaN], [Infinity], [-Infinity], [null], [undefined], [{}], [[]], [true], [{ t: 5 }]])(
    'rejects the non-time value %j',
    (input) => {
      expect(parseTime(input)).toBeUndefined()
    },
  )

  it('never throws and gives undefined or a finite number >= 0, for any value', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const t = parseTime(value)
        return t === undefined || (Number.isFinite(t) && t >= 0)
      }),
    )
  })

  it('never throws on arbitrary strings, including time-like ones', () => {
    const timeLike = fc.stringMatching(/^[0-9hms:.\s-]{0,12}$/)
    fc.assert(
      fc.property(fc.oneof(fc.string(), timeLike), (value) => {
        const t = parseTime(value)
        return t === undefined || (Number.isFinite(t) && t >= 0)
      }),
    )
  })
})

describe('formatTime', () => {
  it.each([
    [3748, '1:02:28'],
    [151, '2:31'],
    [5, '0:05'],
    [0, '0:00'],
    [59.999, '0:59'],
    [60, '1:00'],
    [3599.9, '59:59'],
    [3600, '1:00:00'],
    [36000 + 61, '10:01:01'],
    [-1, '0:00'],
    [NaN, '0:00'],
    [Infinity, '0:00'],
    [-Infinity, '0:00'],
  ])('formats %d as %s', (sec, expected) => {
    expect(formatTime(sec)).toBe(expected)
  })

  it('round trips through parseTime to the floored seconds', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (x) => {
        expect(parseTime(formatTime(x))).toBe(Math.floor(x))
      }),
    )
  })

  it('round trips whole seconds exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * 3600 }), (x) => {
        expect(parseTime(formatTime(x))).toBe(x)
      }),
    )
  })
})

describe('formatTimeParam', () => {
  it.each([
    [3748, '3748'],
    [162.35, '162.35'],
    [162.3, '162.3'],
    [0.001, '0.001'],
    [0.0004, '0'],
    [0.0005, '0.001'],
    [1.9999, '2'],
    [100.1234, '100.123'],
    [0, '0'],
    [-3, '0'],
    [NaN, '0'],
    [Infinity, '0'],
    [1e21, '1000000000000000000000'],
  ])('formats %d as %s', (sec, expected) => {
    expect(formatTimeParam(sec)).toBe(expected)
  })

  it('round trips through parseTime to the value rounded to 3 decimals', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (x) => {
        expect(parseTime(formatTimeParam(x))).toBe(Math.round(x * 1000) / 1000)
      }),
    )
  })

  it('writes at most 3 decimals, no trailing zeros, no exponent', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e300, noNaN: true }), (x) => {
        expect(formatTimeParam(x)).toMatch(/^\d+(\.\d{0,2}[1-9])?$/)
      }),
    )
  })
})

describe('parseIsoDuration', () => {
  it.each([
    ['PT01H05M09S', 3909],
    ['PT1H2M', 3720],
    ['PT45S', 45],
    ['PT58M3S', 3483],
    ['PT1H', 3600],
    ['PT45.5S', 45.5],
    ['PT45,5S', 45.5],
    ['PT90M', 5400],
    ['P1DT2H', 93600],
    ['P1D', 86400],
    ['pt1h', 3600],
    [' PT1M ', 60],
    ['PT0S', 0],
  ])('parses %s as %d', (input, expected) => {
    expect(parseIsoDuration(input)).toBe(expected)
  })

  it.each([
    ['P'],
    ['PT'],
    ['P1DT'],
    ['1H'],
    ['PT1H2H'],
    ['PT1S2M'],
    ['P1Y'],
    ['P1M'],
    ['P1W'],
    ['-PT5S'],
    ['PT-5S'],
    ['PT1.5H'],
    ['PTS'],
    ['abc'],
    [''],
    [3600],
    [null],
    [undefined],
    [{}],
  ])('rejects %j', (input) => {
    expect(parseIsoDuration(input)).toBeUndefined()
  })

  it('never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.stringMatching(/^P[0-9DTHMS.,]{0,10}$/)), (value) => {
        const t = parseIsoDuration(value)
        return t === undefined || (Number.isFinite(t) && t >= 0)
      }),
    )
  })
})

describe('formatDuration', () => {
  it.each([
    [3909, '1 h 5 min'],
    [3600, '1 h'],
    [7200 + 59, '2 h'],
    [3483, '58 min'],
    [60, '1 min'],
    [45, '45 s'],
    [59.9, '59 s'],
    [0, '0 s'],
    [-5, '0 s'],
    [NaN, '0 s'],
    [Infinity, '0 s'],
  ])('formats %d as %s', (sec, expected) => {
    expect(formatDuration(sec)).toBe(expected)
  })
})

describe('timeLabel', () => {
  it('shows the written time of a written start', () => {
    expect(timeLabel(3748, false, '1:02:28')).toBe('1:02:28')
  })
  it('formats a start with no written time', () => {
    expect(timeLabel(100, false)).toBe('1:40')
  })
  it('marks an estimated start with ~, even when a time was written', () => {
    expect(timeLabel(171.4, true, '2:42')).toBe('~2:51')
  })
})
