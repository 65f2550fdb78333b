import { describe, expect, it } from 'vitest'
import { formatDate } from './date.ts'

describe('formatDate', () => {
  it('shows day, short month and year', () => {
    expect(formatDate('2024-11-16')).toBe('16 Nov 2024')
    expect(formatDate('2022-10-22')).toBe('22 Oct 2022')
    expect(formatDate('2021-01-01')).toBe('1 Jan 2021')
    expect(formatDate('1999-12-31')).toBe('31 Dec 1999')
  })
  it('keeps the calendar day whatever the time zone (read as UTC)', () => {
    expect(formatDate('2024-03-01')).toBe('1 Mar 2024')
  })
  it('accepts a leap day and returns what is not a date as it is', () => {
    expect(formatDate('2024-02-29')).toBe('29 Feb 2024')
    expect(formatDate('2023-02-29')).toBe('2023-02-29')
    expect(formatDate('2024-13-01')).toBe('2024-13-01')
    expect(formatDate('2024-00-10')).toBe('2024-00-10')
    expect(formatDate('16 Nov 2024')).toBe('16 Nov 2024')
    expect(formatDate('')).toBe('')
  })
})
