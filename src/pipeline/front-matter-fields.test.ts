import { describe, expect, it } from 'vitest'
import { guestName } from './front-matter-fields.ts'

describe('guestName', () => {
  it('finds the spoken name of a guest id with the one fold of the app (ł, accents, case)', () => {
    expect(guestName('lukaszmroz', ['Alexey', 'Łukasz Mróz'])).toBe('Łukasz Mróz')
    expect(guestName('ZoeSmith', ['Zoë'])).toBe('Zoë')
    expect(guestName('tomaszhinc', ['Alexey', 'Tomasz'])).toBe('Tomasz')
  })

  it('keeps the id when no speaker matches (or the first name is under 3 letters)', () => {
    expect(guestName('someone', ['Alexey'])).toBe('someone')
    expect(guestName('aljones', ['Al'])).toBe('aljones')
  })
})
