import { describe, expect, it } from 'vitest'
import type { EpisodeData, SourceItem } from '../episode/types.ts'
import { buildTimeline, timelineEnd } from '../timeline/timeline.ts'
import {
  cuesOf,
  escapeVttText,
  exportEpisode,
  formatTimestamp,
  toChaptersJson,
  toPlainText,
  toSrt,
  toTranscriptJson,
  toWebVtt,
} from './export.ts'
import { EXPORT_FILES } from '../site/files.ts'

function episode(items: SourceItem[], title = 'An episode'): EpisodeData {
  const { timeline } = buildTimeline(items)
  return {
    meta: {
      slug: 'an-episode',
      title,
      guests: [],
      guestNames: [],
      speakers: [],
      youtubeId: 'abcdefghijk',
      topics: [],
      lineCount: timeline.lines.length,
      chapterCount: timeline.chapters.length,
    },
    links: [],
    bodyHtml: '',
    timeline,
  }
}

const sample = episode([
  { kind: 'header', title: 'Intro' },
  { kind: 'line', text: 'Hello & welcome <everyone>.', sec: 0, who: 'Alexey' },
  { kind: 'line', text: 'Thanks --> glad to be here.', sec: 3.25, who: 'Tomasz' },
  { kind: 'header', title: 'Data --> Ops' },
  { kind: 'line', text: 'So, DataOps?', who: 'Alexey' },
  { kind: 'line', text: 'Yes.', sec: 3723.5 },
])

describe('formatTimestamp', () => {
  it('writes hours, minutes, seconds and milliseconds, with the separator of each format', () => {
    expect(formatTimestamp(0)).toBe('00:00:00.000')
    expect(formatTimestamp(3723.5)).toBe('01:02:03.500')
    expect(formatTimestamp(59.9996)).toBe('00:01:00.000')
    expect(formatTimestamp(1.0005, ',')).toBe('00:00:01,001')
    expect(formatTimestamp(360_000)).toBe('100:00:00.000')
  })
  it('gives zero for negative and non-finite times', () => {
    expect(formatTimestamp(-1)).toBe('00:00:00.000')
    expect(formatTimestamp(NaN)).toBe('00:00:00.000')
    expect(formatTimestamp(Infinity)).toBe('00:00:00.000')
  })
})

describe('cuesOf', () => {
  it("ends each cue where the next line starts, and the last one at the timeline's end", () => {
    const cues = cuesOf(sample.timeline)
    expect(cues.map((c) => c.start)).toEqual(sample.timeline.lines.map((l) => Math.round(l.start * 1000) / 1000))
    for (let i = 0; i + 1 < cues.length; i++) expect(cues[i]?.end).toBe(cues[i + 1]?.start)
    expect(cues.at(-1)?.end).toBe(Math.round(timelineEnd(sample.timeline) * 1000) / 1000)
  })
  it('exports an estimated start as it is shown, to the millisecond', () => {
    const line = sample.timeline.lines[2]
    expect(line?.estimated).toBe(true)
    expect(cuesOf(sample.timeline)[2]?.start).toBe(Math.round((line?.start ?? 0) * 1000) / 1000)
  })
  it('is empty with no lines', () => {
    expect(cuesOf(episode([]).timeline)).toEqual([])
  })
})

describe('toWebVtt', () => {
  const vtt = toWebVtt(sample)
  it('starts with the signature and has one numbered cue per line with a voice tag', () => {
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true)
    expect(vtt.match(/ --> /g)).toHaveLength(4)
    expect(vtt).toContain('1\n00:00:00.000 --> 00:00:03.250\n<v Alexey>Hello &amp; welcome &lt;everyone&gt;.\n')
    expect(vtt).toContain('<v Tomasz>Thanks --&gt; glad to be here.')
    expect(vtt).toContain('4\n01:02:03.500 --> ')
  })
  it('writes each chapter title as a NOTE block before its first cue, without "-->"', () => {
    expect(vtt).toContain('NOTE Chapter: Intro\n\n1\n')
    expect(vtt).toContain('NOTE Chapter: Data --&gt; Ops\n\n3\n')
  })
  it('never has "-->" outside timing lines, nor a blank line inside a cue', () => {
    const multi = toWebVtt(episode([{ kind: 'line', text: 'one\n\n  two\r\nthree', who: 'A > B & C' }]))
    expect(multi).toContain('<v A &gt; B &amp; C>one\ntwo\nthree\n')
    for (const line of vtt.split('\n')) if (line.includes('-->')) expect(line).toMatch(/^[\d:.]+ --> [\d:.]+$/)
  })
  it('leaves out the voice tag for a line with no speaker', () => {
    expect(toWebVtt(episode([{ kind: 'line', text: 'who?' }]))).toContain('00:00:00.000 --> 00:00:00.267\nwho?\n')
  })
  it('escapes & < > in text', () => {
    expect(escapeVttText('a<b>&c-->d')).toBe('a&lt;b&gt;&amp;c--&gt;d')
  })
})

describe('toSrt', () => {
  const srt = toSrt(sample)
  it('numbers cues from 1, uses a comma before milliseconds and a Speaker: prefix', () => {
    expect(srt.startsWith('1\n00:00:00,000 --> 00:00:03,250\nAlexey: Hello & welcome <everyone>.\n\n2\n')).toBe(true)
    expect(srt).toContain('4\n01:02:03,500 --> ')
    expect(srt.split('\n\n')).toHaveLength(4)
  })
  it('breaks up "-->" in text, which SRT cannot escape', () => {
    expect(srt).toContain('Tomasz: Thanks - -> glad')
  })
})

describe('toTranscriptJson and toChaptersJson', () => {
  it('writes Podcasting 2.0 segments with times in seconds', () => {
    const json = JSON.parse(toTranscriptJson(sample)) as { version: string; segments: Record<string, unknown>[] }
    expect(json.version).toBe('1.0.0')
    expect(json.segments[0]).toEqual({
      speaker: 'Alexey',
      startTime: 0,
      endTime: 3.25,
      body: 'Hello & welcome <everyone>.',
    })
    expect(json.segments).toHaveLength(4)
  })
  it('writes chapters with their starts', () => {
    const json = JSON.parse(toChaptersJson(sample)) as { version: string; chapters: unknown[] }
    expect(json.version).toBe('1.2.0')
    expect(json.chapters).toEqual([
      { startTime: 0, title: 'Intro' },
      { startTime: Math.round((sample.timeline.lines[2]?.start ?? 0) * 1000) / 1000, title: 'Data --> Ops' },
    ])
  })
  it('omits the speaker of a segment that has none', () => {
    const json = JSON.parse(toTranscriptJson(episode([{ kind: 'line', text: 'x' }]))) as { segments: object[] }
    expect(json.segments[0]).not.toHaveProperty('speaker')
  })
})

describe('toPlainText', () => {
  it('has the title, chapter headings with times, and each line with its time and speaker', () => {
    const text = toPlainText(sample)
    expect(
      text.startsWith('An episode\n==========\n\n## Intro (0:00)\n\n[0:00] Alexey:\nHello & welcome <everyone>.\n'),
    ).toBe(true)
    expect(text).toMatch(/## Data --> Ops \(~\d+:\d\d\)\n\n\[~\d+:\d\d\] Alexey:\nSo, DataOps\?\n/)
    expect(text).toContain('[1:02:03] Alexey:\nYes.\n')
  })
})

describe('exportEpisode', () => {
  it('writes every format of the data-file table', () => {
    for (const f of EXPORT_FILES) expect(exportEpisode(sample, f.format).length).toBeGreaterThan(10)
  })
})
