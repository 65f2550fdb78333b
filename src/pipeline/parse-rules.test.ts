/** The pipeline's rules for text, names and size, as an author meets them: a warning or error at a line. */
import { describe, expect, it } from 'vitest'
import { MAX_LINES, WARN_LINES } from './limits.ts'
import { parseEpisodeFile } from './parse-episode.ts'
import { episodeLength } from '../lib/timeline/lookup.ts'
import { formatTime } from '../lib/time/time.ts'

const file = (transcript: string, head = "title: 'T'") =>
  `---\n${head}\nids:\n  youtube: lem7knxqNzg\ntranscript:\n${transcript}---\n`

describe('parseEpisodeFile rules', () => {
  it('removes control characters, bidi overrides and (in names) zero-width characters, warning at their lines', () => {
    const r = parseEpisodeFile(
      'a.md',
      file(`- header: "Intro\\u200b"\n- line: "x\\0y\\u202Ez"\n  who: "Al\\u200Bexey"\n`, 'title: "A\\0B\\u202E"'),
    )
    expect(r.episode?.meta.title).toBe('AB')
    expect(r.episode?.timeline.chapters[0]?.title).toBe('Intro')
    expect(r.episode?.timeline.lines[0]).toMatchObject({ text: 'xyz', speaker: 'Alexey' })
    expect(r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: title contains 1 control character(s) (U+0000) and 1 bidirectional override(s) (U+202E): removed',
      '6: transcript[0].header contains 1 invisible character(s) (U+200B): removed',
      '7: transcript[1].line contains 1 control character(s) (U+0000) and 1 bidirectional override(s) (U+202E): removed',
      '8: transcript[1].who contains 1 invisible character(s) (U+200B): removed',
    ])
  })

  it('trims a trailing colon from a speaker, once per name, and asks about near-misses of a frequent speaker', () => {
    const lines = ['Alexey:', 'Alexey:', 'Alexey', 'Alexey', 'Alexeylexey']
      .map((w, i) => `- line: L${i}.\n  sec: ${i}\n  who: '${w}'\n`)
      .join('')
    const r = parseEpisodeFile('a.md', file(lines))
    expect(r.episode?.meta.speakers).toEqual(['Alexey', 'Alexeylexey'])
    expect(r.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '8: transcript[0].who "Alexey:" ends with ":", which is trimmed: read as "Alexey" (the same in 1 later line)',
      '18: speaker "Alexeylexey" (1 line) is close to "Alexey" (4 lines): did you mean Alexey?',
    ])
  })

  it('without a stated duration, lasts until the last line ends: the facts and the player show one length', () => {
    const lines =
      '- line: Welcome to the show, today we talk about captions.\n  sec: 0\n  who: A\n- line: Better chapters for everyone, and thanks for listening to us today.\n  sec: 28.4\n  who: B\n'
    const e = parseEpisodeFile('a.md', file(lines)).episode
    if (!e) throw new Error('no episode')
    expect(e.meta.durationSec).toBeGreaterThan(28.4)
    expect(formatTime(e.meta.durationSec ?? 0)).toBe(formatTime(episodeLength(e.timeline, e.meta.durationSec)))
  })

  it('warns about a long transcript and refuses a far too long one', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `- line: L${i}.\n  sec: ${i}\n  who: A\n`).join('')
    expect(parseEpisodeFile('a.md', file(many(WARN_LINES + 1))).problems).toContainEqual(
      expect.objectContaining({
        line: 6,
        severity: 'warning',
        message: expect.stringMatching(/3001 items; above 3000/),
      }),
    )
    const refused = parseEpisodeFile('a.md', file(many(MAX_LINES + 1)))
    expect(refused.episode).toBeUndefined()
    expect(refused.problems).toEqual([
      expect.objectContaining({
        line: 6,
        severity: 'error',
        message: expect.stringMatching(/10001 items; at most 10000 are published/),
      }),
    ])
  }, 30_000)

  it('publishes a file name that is not a plain address under its slug, with a warning', () => {
    const r = parseEpisodeFile('My Episode.md', file('- line: Hi.\n  who: A\n'))
    expect(r.episode?.meta.slug).toBe('my-episode')
    expect(r.problems[0]).toMatchObject({
      line: 1,
      severity: 'warning',
      message: expect.stringMatching(/published as \/episodes\/my-episode/),
    })
  })
})
