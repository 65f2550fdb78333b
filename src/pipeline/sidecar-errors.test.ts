/** Broken caption and transcript files, each with the message an author sees at its line. */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SourceItem } from '../lib/episode/types.ts'
import { formatProblem } from './problems.ts'
import { cuesToItems, readChaptersJson, readSidecar, type ReadCue, type SidecarKind } from './sidecar.ts'

const FIXTURES = path.resolve('tests/fixtures/sidecars')

async function read(name: string): Promise<{ cues: ReadCue[]; items: SourceItem[]; messages: string[] }> {
  const kind = name.split('.').pop() as SidecarKind
  const text = await readFile(path.join(FIXTURES, name), 'utf8')
  const r = readSidecar(name, kind, text)
  const items = cuesToItems(name, r.values, [], undefined)
  return { cues: r.values, items: items.values, messages: [...r.problems, ...items.problems].map(formatProblem) }
}

describe('broken files, each with its message', () => {
  it.each([
    [
      'broken-timestamp.vtt',
      [
        'broken-timestamp.vtt:3: error: malformed cue timing: Must be exactly two digits (00:00:01.000 --> 00:00:0x.000)',
      ],
    ],
    [
      'backwards.vtt',
      [
        'backwards.vtt:6: error: this cue starts at 00:00:05.000, before the cue above it (line 3): cues must be in time order',
      ],
    ],
    [
      'srt-named-vtt.vtt',
      [
        'srt-named-vtt.vtt:1: error: not a WebVTT file: it must start with "WEBVTT" (this looks like SRT: name it .srt)',
      ],
    ],
    [
      'not-p20.json',
      [
        'not-p20.json:1: error: not a Podcasting 2.0 transcript: expected {"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}',
      ],
    ],
    ['bad-syntax.json', ['bad-syntax.json:5: error: not valid JSON: unexpected "]" (a comma before it?)']],
    [
      'bad-segment.json',
      ['bad-segment.json:5: error: segments[1]: "startTime" must be a number of seconds (0 or more), not "0:01"'],
    ],
    [
      'empty-cue.srt',
      [
        'empty-cue.srt:6: warning: 1 cue starts before the cue above it ends (overlapping captions); each line starts where its cue starts',
        'empty-cue.srt:10: warning: empty cue; skipped',
      ],
    ],
  ])('%s', async (name, expected) => {
    expect((await read(name)).messages).toEqual(expected)
  })

  it('an SRT file that is really WebVTT', () => {
    expect(
      readSidecar('x.srt', 'srt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi\n').problems.map(formatProblem),
    ).toEqual(['x.srt:1: error: this is a WebVTT file, not SRT: name it .vtt'])
  })

  it('a cue that ends before it starts', () => {
    const r = readSidecar('x.vtt', 'vtt', 'WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nhi\n')
    expect(r.problems.map(formatProblem)).toEqual([
      'x.vtt:3: error: the cue ends before it starts (00:00:05.000 --> 00:00:04.000)',
    ])
  })

  it('a JSON file that ends too early, and a segment that ends before it starts', () => {
    expect(readSidecar('x.json', 'json', '{"segments": [').problems.map(formatProblem)).toEqual([
      'x.json:1: error: not valid JSON: the file ends too early',
    ])
    const r = readSidecar('x.json', 'json', '{"segments": [{"startTime": 5, "endTime": 4, "body": "x"}]}')
    expect(r.problems.map(formatProblem)).toEqual([
      'x.json:1: error: segments[0]: the segment ends (4) before it starts (5)',
    ])
  })

  it('a chapters file without chapters', () => {
    expect(readChaptersJson('c.json', '{"version": "1.2.0"}').problems.map(formatProblem)).toEqual([
      'c.json:1: error: not Podcasting 2.0 chapters: expected {"version": "1.2.0", "chapters": [{"startTime", "title"}]}',
    ])
  })

  it('never throws on any text, and locates every problem at a line of the file (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .array(
              fc.oneof(
                fc.constantFrom(
                  'WEBVTT',
                  '',
                  'NOTE x',
                  '00:00:01.000 --> 00:00:02.000',
                  '1',
                  '00:00:01,000 --> 00:00:0',
                  '<v A>hi',
                  'A: b',
                  '-->',
                  '{',
                  '}',
                  '"segments": [',
                ),
                fc.string(),
              ),
            )
            .map((l) => l.join('\n')),
        ),
        fc.constantFrom<SidecarKind>('vtt', 'srt', 'json'),
        (text, kind) => {
          const r = readSidecar('f', kind, text)
          const items = cuesToItems('f', r.values, [], undefined)
          const count = text.split(/\r\n|\r|\n/).length
          for (const p of [...r.problems, ...items.problems]) {
            expect(p.line).toBeGreaterThanOrEqual(1)
            expect(p.line).toBeLessThanOrEqual(count + 1)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
