import { describe, expect, it } from 'vitest'
import { readKeyMoments } from './key-moments.ts'
import { parseEpisodeFile } from './parse-episode.ts'

const ID = 'tcqBfZw41FM'
const url = (t: number | string, id = ID) => `https://www.youtube.com/watch?v=${id}&t=${t}`

describe('readKeyMoments', () => {
  it('keeps good clips as key moments', () => {
    const r = readKeyMoments(
      [
        { name: ' Intro  & guest ', startOffset: 0, endOffset: 78, url: url(0) },
        { name: 'Background', startOffset: 78, endOffset: 221, url: url('78s') },
      ],
      ID,
      3000,
    )
    expect(r.problems).toEqual([])
    expect(r.moments).toEqual([
      { name: 'Intro & guest', start: 0, end: 78 },
      { name: 'Background', start: 78, end: 221 },
    ])
  })

  it('ends a clip without an end at the next clip, else at the episode end', () => {
    const r = readKeyMoments(
      [
        { name: 'A', startOffset: 10 },
        { name: 'B', startOffset: 50, endOffset: null },
      ],
      ID,
      300,
    )
    expect(r.moments).toEqual([
      { name: 'A', start: 10, end: 50 },
      { name: 'B', start: 50, end: 300 },
    ])
  })

  it('leaves out a clip whose end is not after its start, or that starts past the end', () => {
    const r = readKeyMoments(
      [
        { name: 'Backwards', startOffset: 100, endOffset: 90 },
        { name: 'Empty', startOffset: 100, endOffset: 100 },
        { name: 'Too late', startOffset: 400, endOffset: 500 },
      ],
      ID,
      300,
    )
    expect(r.moments).toEqual([])
    expect(r.problems.map((p) => [p.index, p.field, p.kind])).toEqual([
      [0, 'endOffset', 'end-not-after-start'],
      [1, 'endOffset', 'end-not-after-start'],
      [2, 'startOffset', 'start-past-end'],
    ])
  })

  it('ends a clip that runs past the episode at its end', () => {
    const r = readKeyMoments([{ name: 'Long', startOffset: 200, endOffset: 500 }], ID, 300)
    expect(r.moments).toEqual([{ name: 'Long', start: 200, end: 300 }])
    expect(r.problems[0]).toMatchObject({ kind: 'end-past-end', field: 'endOffset' })
    expect(r.problems[0]?.message).toBe(
      "quotableClips[0].endOffset 500 (8:20) is past the episode's end (5:00); the key moment ends there",
    )
  })

  it('reports a url to another video, or whose t= is not the start (the clip is kept)', () => {
    const r = readKeyMoments(
      [
        { name: 'Other video', startOffset: 10, endOffset: 20, url: url(10, 'gXvVMvhfrIY') },
        { name: 'Other time', startOffset: 10, endOffset: 20, url: url(95) },
        { name: 'Bad time', startOffset: 10, endOffset: 20, url: url('soon') },
        { name: 'No time', startOffset: 10, endOffset: 20, url: `https://youtu.be/${ID}` },
        { name: 'Not a link', startOffset: 10, endOffset: 20, url: 'see above' },
        { name: 'Close enough', startOffset: 10.4, endOffset: 20, url: url(10) },
      ],
      ID,
      300,
    )
    expect(r.moments).toHaveLength(6)
    expect(r.problems.map((p) => [p.index, p.kind])).toEqual([
      [0, 'url-video'],
      [1, 'url-time'],
      [2, 'url-time'],
      [3, 'url-time'],
      [4, 'url-video'],
    ])
    expect(r.problems[0]?.message).toBe(
      "quotableClips[0].url links to the video gXvVMvhfrIY, not this episode's tcqBfZw41FM",
    )
    expect(r.problems[1]?.message).toBe(
      "quotableClips[1].url starts at 1:35, not at the clip's start 0:10 (startOffset 10)",
    )
  })
})

describe('key moments in an episode file', () => {
  it('are warned about at the line of the field, and shipped with the episode', () => {
    const file = [
      '---',
      'title: T',
      'ids:',
      `  youtube: ${ID}`,
      'duration: PT5M',
      'quotableClips:',
      '- name: Good',
      '  startOffset: 10',
      `  url: ${url(10)}`,
      '  endOffset: 40',
      '- name: Bad',
      '  startOffset: 50',
      `  url: ${url(50)}`,
      '  endOffset: 20',
      'transcript:',
      '- line: Hello.',
      '  sec: 10',
      '  who: Ana',
      '---',
      '',
    ].join('\n')
    const r = parseEpisodeFile('t.md', file)
    expect(r.episode?.moments).toEqual([{ name: 'Good', start: 10, end: 40 }])
    const warning = r.problems.find((p) => p.message.startsWith('quotableClips[1]'))
    expect(warning).toMatchObject({ line: 14, severity: 'warning' })
  })
})
