/**
 * Caption files as real tools write them (tests/fixtures/sidecars/: a Whisper VTT, a Descript
 * SRT with speaker prefixes and CR/LF and a BOM, a Podcasting 2.0 transcript and chapters, a
 * YouTube Studio VTT), and broken ones, each with the message an author sees.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toSrt, toTranscriptJson, toWebVtt } from '../lib/formats/export.ts'
import { buildTimeline } from '../lib/timeline/timeline.ts'
import type { SourceItem } from '../lib/episode/types.ts'
import { formatProblem } from './problems.ts'
import {
  cuesToItems,
  jsonErrorAt,
  readChaptersJson,
  readSidecar,
  splitSpeakerPrefix,
  srtAsVtt,
  type ReadCue,
  type SidecarKind,
} from './sidecar.ts'

const FIXTURES = path.resolve('tests/fixtures/sidecars')

async function read(name: string): Promise<{ cues: ReadCue[]; items: SourceItem[]; messages: string[] }> {
  const kind = name.split('.').pop() as SidecarKind
  const text = await readFile(path.join(FIXTURES, name), 'utf8')
  const r = readSidecar(name, kind, text)
  const items = cuesToItems(name, r.values, [], undefined)
  return { cues: r.values, items: items.values, messages: [...r.problems, ...items.problems].map(formatProblem) }
}

type Row = { sec?: number; who?: string; text: string } | { header: string }
const lines = (items: SourceItem[]): Row[] =>
  items.map((i): Row => (i.kind === 'line' ? { sec: i.sec, who: i.who, text: i.text } : { header: i.title }))

describe('real tool output', () => {
  it('a Whisper VTT (minutes-only timings, leading spaces, no speakers): paragraphs by pauses', async () => {
    const r = await read('whisper.vtt')
    expect(r.messages).toEqual([])
    expect(r.cues).toHaveLength(5)
    expect(lines(r.items)).toEqual([
      {
        sec: 0,
        who: undefined,
        text: "Welcome to the show. Today we talk about data contracts and why every team ends up writing one. I'm here with Maria.",
      },
      {
        sec: 11.5,
        who: undefined,
        text: "Thanks for having me. It's great to be here. So let's start with the basics: what is a data contract?",
      },
    ])
  })

  it('a Descript SRT (BOM, CR/LF, a missing blank line, <i>, & and speaker prefixes)', async () => {
    const r = await read('descript.srt')
    expect(r.messages).toEqual([])
    expect(r.cues.map((c) => [c.start, c.speaker, c.line])).toEqual([
      [0, 'Alexey Grigorev', 2],
      [3.12, 'Alexey Grigorev', 7],
      [5.9, 'Maria', 11],
      [9.45, 'Maria', 14],
      [12.5, 'Alexey Grigorev', 18],
    ])
    expect(lines(r.items)).toEqual([
      { sec: 0, who: 'Alexey Grigorev', text: 'Hi everyone, welcome to our event. Today we have Maria with us.' },
      { sec: 5.9, who: 'Maria', text: 'Hello! Very happy to be here & ready. Let me share my screen.' },
      { sec: 12.5, who: 'Alexey Grigorev', text: 'Sure, go ahead.' },
    ])
  })

  it('a Podcasting 2.0 transcript with its chapters file', async () => {
    const text = await readFile(path.join(FIXTURES, 'podcast-index.json'), 'utf8')
    const chapters = readChaptersJson(
      'podcast-index.chapters.json',
      await readFile(path.join(FIXTURES, 'podcast-index.chapters.json'), 'utf8'),
    )
    expect(chapters.problems).toEqual([])
    const r = readSidecar('podcast-index.json', 'json', text)
    expect(r.problems).toEqual([])
    const items = cuesToItems('podcast-index.json', r.values, chapters.values, 'podcast-index.chapters.json')
    expect(lines(items.values)).toEqual([
      { header: 'Intro' },
      { sec: 0, who: 'Alban', text: 'Welcome back to the show. Today: podcasting namespaces.' },
      { header: 'Guest' },
      { sec: 5.1, who: 'Sam', text: 'Glad to be here, Alban.' },
    ])
    expect(items.problems.map(formatProblem)).toEqual([
      'podcast-index.chapters.json:6: warning: chapter "After the end" starts at 2:00, after the last cue; left out',
    ])
  })

  it('a YouTube Studio VTT (header fields, STYLE, NOTE, cue settings, inline timestamps, voices, a multi-line cue)', async () => {
    const r = await read('youtube.vtt')
    expect(r.messages).toEqual([])
    expect(r.cues.map((c) => [c.start, c.speaker, c.text, c.line])).toEqual([
      [0.08, 'Host', 'hi everyone and welcome', 11],
      [2.95, 'Guest', 'thanks & hello from Berlin', 14],
    ])
  })
})

describe('export then import (property)', () => {
  // Text as authors write it: any characters but the controls and invisibles the pipeline removes.
  // eslint-disable-next-line no-control-regex -- the control characters are what it finds
  const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/
  const text = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
    .filter((t) => t.trim() !== '' && !INVISIBLE.test(t))
  const line = fc.record({
    text,
    who: fc.constantFrom('Alexey', 'Maria José', 'Speaker 2', "Zoë O'Neil"),
    gap: fc.integer({ min: 1, max: 100_000 }),
  })

  it.each<SidecarKind>(['vtt', 'srt', 'json'])('gives back every line, speaker and start (%s)', (kind) => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (rows) => {
        let ms = 0
        const items: SourceItem[] = rows.map((r) => {
          ms += r.gap
          return { kind: 'line', text: r.text, sec: ms / 1000, who: r.who }
        })
        const { timeline } = buildTimeline(items)
        const episode = {
          meta: {
            slug: 's',
            title: 't',
            guests: [],
            guestNames: [],
            speakers: [],
            youtubeId: 'x',
            topics: [],
            lineCount: 1,
            chapterCount: 0,
          },
          links: [],
          bodyHtml: '',
          timeline,
        }
        const exported =
          kind === 'vtt' ? toWebVtt(episode) : kind === 'srt' ? toSrt(episode) : toTranscriptJson(episode)
        const read = readSidecar(`x.${kind}`, kind, exported)
        expect(read.problems.filter((p) => p.severity === 'error')).toEqual([])
        const back = cuesToItems('x', read.values, [], undefined, { join: false }).values
        const words = (t: string) => t.replace(/\s+/g, ' ').trim()
        // SRT has no escapes: formatting tags (<i>…) and a "-->" cannot survive it.
        const srtSafe = (t: string) => kind !== 'srt' || !/-->|<\/?(i|b|u|font)\b|\{\\/i.test(t)
        expect(back).toHaveLength(items.length)
        back.forEach((b, i) => {
          const want = items[i]
          if (b.kind !== 'line' || want?.kind !== 'line') throw new Error('not a line')
          expect(b.sec).toBe(want.sec)
          expect(b.who).toBe(want.who)
          if (srtSafe(want.text)) expect(words(b.text)).toBe(words(want.text))
        })
      }),
      { numRuns: 150 },
    )
  })
})

describe('pieces', () => {
  it('splits a Name: prefix, but not a sentence with a colon', () => {
    expect(splitSpeakerPrefix('Alexey Grigorev: Hello')).toEqual({ speaker: 'Alexey Grigorev', text: 'Hello' })
    expect(splitSpeakerPrefix("Zoë O'Neil: Hi")).toEqual({ speaker: "Zoë O'Neil", text: 'Hi' })
    expect(splitSpeakerPrefix("so here's the thing: it works")).toEqual({ text: "so here's the thing: it works" })
    expect(splitSpeakerPrefix('The one thing I learned today is this: it works')).toEqual({
      text: 'The one thing I learned today is this: it works',
    })
    expect(splitSpeakerPrefix('At 10:30 we start')).toEqual({ text: 'At 10:30 we start' })
    expect(splitSpeakerPrefix('Speaker 1: Hi')).toEqual({ speaker: 'Speaker 1', text: 'Hi' })
  })

  it('turns SRT into WebVTT line for line', () => {
    const srt =
      '1\r\n00:00:01,5 --> 0:00:02,000 X1:10\r\n<i>a</i> < b & c\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nd\r\n'
    const vtt = srtAsVtt(srt).split('\n')
    expect(vtt).toEqual([
      'WEBVTT',
      '',
      '',
      '00:00:01.500 --> 00:00:02.000',
      'a &lt; b &amp; c',
      '',
      '00:00:03.000 --> 00:00:04.000',
      'd',
      '',
    ])
  })

  it('finds where JSON.parse failed', () => {
    expect(jsonErrorAt('{"a": 1,}', 'Unexpected token \'}\', "{"a": 1,}" is not valid JSON')).toEqual({
      offset: 8,
      message: 'unexpected "}"',
    })
    expect(jsonErrorAt('{x', "Expected property name or '}' in JSON at position 1 (line 1 column 2)").offset).toBe(1)
  })

  it('joins cues of one speaker into paragraphs: a pause, a new speaker, a chapter or a long paragraph ends one', () => {
    const cue = (start: number, end: number, text: string, speaker?: string): ReadCue => ({
      start,
      end,
      text,
      line: 1,
      ...(speaker ? { speaker } : {}),
    })
    const cues = [
      cue(0, 3, 'One', 'A'),
      cue(3, 6, 'two.', 'A'),
      cue(6.5, 9, 'Three', 'B'),
      cue(12, 14, 'after a pause.', 'B'),
      cue(14, 18, 'Chapter starts here', 'B'),
      cue(18, 30, 'long one', 'B'),
      cue(30, 40, 'still going.', 'B'),
      cue(40, 42, 'Past 20 s and a sentence ended.', 'B'),
    ]
    const items = cuesToItems('f', cues, [{ start: 14, title: 'Two', line: 1 }], 'c')
    expect(lines(items.values)).toEqual([
      { sec: 0, who: 'A', text: 'One two.' },
      { sec: 6.5, who: 'B', text: 'Three' },
      { sec: 12, who: 'B', text: 'after a pause.' },
      { header: 'Two' },
      { sec: 14, who: 'B', text: 'Chapter starts here long one still going.' },
      { sec: 40, who: 'B', text: 'Past 20 s and a sentence ended.' },
    ])
    expect(lines(cuesToItems('f', cues, [], undefined, { join: false }).values)).toHaveLength(cues.length)
  })
})
