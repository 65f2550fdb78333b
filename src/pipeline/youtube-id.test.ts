import { describe, expect, it } from 'vitest'
import { normaliseYoutubeId } from './youtube-id.ts'

describe('normaliseYoutubeId', () => {
  it('keeps a clean id', () => {
    expect(normaliseYoutubeId('lem7knxqNzg')).toEqual({ ok: true, id: 'lem7knxqNzg', normalised: false })
  })
  it.each([
    ['NfAJAr7FvyY&t', 'NfAJAr7FvyY'],
    ['NfAJAr7FvyY?t=10', 'NfAJAr7FvyY'],
    ['https://www.youtube.com/watch?v=lem7knxqNzg', 'lem7knxqNzg'],
    ['https://www.youtube.com/watch?feature=share&v=lem7knxqNzg&t=30s', 'lem7knxqNzg'],
    ['youtube.com/watch?v=lem7knxqNzg', 'lem7knxqNzg'],
    ['https://youtu.be/lem7knxqNzg?t=3', 'lem7knxqNzg'],
    ['https://www.youtube.com/embed/lem7knxqNzg', 'lem7knxqNzg'],
    ['https://www.youtube-nocookie.com/embed/lem7knxqNzg', 'lem7knxqNzg'],
  ])('normalises %s with a warning', (input, id) => {
    expect(normaliseYoutubeId(input)).toEqual({ ok: true, id, normalised: true })
  })
  it.each([
    '',
    'short',
    'lem7knxqNzg1',
    'https://vimeo.com/12345678901',
    'https://www.youtube.com/watch?v=short',
    '{{ youtube_id }}',
  ])('rejects %j', (input) => {
    expect(normaliseYoutubeId(input)).toEqual({ ok: false })
  })
})
