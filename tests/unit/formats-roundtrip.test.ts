/**
 * The open formats both ways over the whole real corpus: every episode exported to WebVTT,
 * SRT and Podcasting 2.0 JSON (with its chapters JSON) and read back by the pipeline's import,
 * paragraph joining off, gives the same lines, speakers, starts (to the millisecond) and
 * chapters. The exported WebVTT and SRT also parse with an independent parser
 * (media-captions, not the import's webvtt-parser), one cue per line.
 */
import { parseText } from 'media-captions'
import { beforeAll, describe, expect, it } from 'vitest'
import type { EpisodeData } from '../../src/lib/episode/types.ts'
import { roundMs, toChaptersJson, toSrt, toTranscriptJson, toWebVtt } from '../../src/lib/formats/export.ts'
import { buildTimeline } from '../../src/lib/timeline/timeline.ts'
import { loadEpisodeDir } from '../../src/pipeline/load.ts'
import {
  cuesToItems,
  readChaptersJson,
  readSidecar,
  splitSpeakerPrefix,
  type SidecarKind,
} from '../../src/pipeline/sidecar.ts'
import { CORPUS_DIR, checkCorpus } from './corpus-dir.ts'

const available = checkCorpus('tests/unit/formats-roundtrip.test.ts')

/** Whitespace inside a line is not kept by caption formats (a cue's line breaks read as spaces). */
const words = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * SRT carries a speaker only as a `Name:` prefix, read back when it looks like a name (at most
 * four words, capitalised). A few corpus lines have a sentence as their `who` (the pipeline
 * warns: "is it part of the line?"); SRT cannot keep those apart from the text.
 */
const srtCanCarry = (speaker: string | undefined) =>
  speaker === undefined || splitSpeakerPrefix(`${speaker}: x`).speaker === speaker

interface Mismatch {
  slug: string
  line: number
  what: string
}

function roundTrip(episode: EpisodeData, kind: SidecarKind): { mismatches: Mismatch[]; problems: string[] } {
  const exported = kind === 'vtt' ? toWebVtt(episode) : kind === 'srt' ? toSrt(episode) : toTranscriptJson(episode)
  const read = readSidecar(`x.${kind}`, kind, exported)
  const chapters = readChaptersJson('x.chapters.json', toChaptersJson(episode))
  const items = cuesToItems(`x.${kind}`, read.values, chapters.values, 'x.chapters.json', { join: false })
  const problems = [...read.problems, ...chapters.problems, ...items.problems].map((p) => `${p.severity}: ${p.message}`)
  const back = buildTimeline(items.values).timeline
  const mismatches: Mismatch[] = []
  const slug = episode.meta.slug
  const want = episode.timeline
  if (back.lines.length !== want.lines.length)
    mismatches.push({ slug, line: -1, what: `${back.lines.length} lines, not ${want.lines.length}` })
  want.lines.forEach((l, i) => {
    const b = back.lines[i]
    if (!b) return
    if (words(b.text) !== words(l.text))
      mismatches.push({ slug, line: i, what: `text ${JSON.stringify([b.text, l.text])}` })
    if (b.speaker !== l.speaker)
      mismatches.push({ slug, line: i, what: `speaker ${JSON.stringify([b.speaker, l.speaker])}` })
    if (roundMs(b.start) !== roundMs(l.start)) mismatches.push({ slug, line: i, what: `start ${b.start} ≠ ${l.start}` })
  })
  const chaptersOf = (t: typeof want) => t.chapters.map((c) => `${c.title}@${roundMs(c.start)}#${c.firstLine}`)
  if (chaptersOf(back).join('\n') !== chaptersOf(want).join('\n'))
    mismatches.push({ slug, line: -1, what: `chapters ${JSON.stringify([chaptersOf(back), chaptersOf(want)])}` })
  return { mismatches, problems }
}

describe.skipIf(!available)(`open formats over the real corpus (${CORPUS_DIR})`, () => {
  let episodes: EpisodeData[] = []
  beforeAll(async () => {
    episodes = (await loadEpisodeDir(CORPUS_DIR)).episodes.filter((e) => e.timeline.lines.length > 0)
  })

  it.each<SidecarKind>(['vtt', 'srt', 'json'])(
    'export → import (%s, paragraphs not joined) keeps every line, speaker, start and chapter',
    (kind) => {
      let lines = 0
      let chapters = 0
      let notNames = 0
      const mismatches: Mismatch[] = []
      const problems: string[] = []
      for (const e of episodes) {
        const r = roundTrip(e, kind)
        // Lines whose speaker is a sentence: SRT cannot tell it from the text (see srtCanCarry).
        const unnamed = new Set(
          kind === 'srt' ? e.timeline.lines.filter((l) => !srtCanCarry(l.speaker)).map((l) => l.index) : [],
        )
        notNames += unnamed.size
        mismatches.push(...r.mismatches.filter((m) => !unnamed.has(m.line)))
        problems.push(...r.problems.filter((p) => p.startsWith('error')).map((p) => `${e.meta.slug}: ${p}`))
        lines += e.timeline.lines.length
        chapters += e.timeline.chapters.length
      }
      console.log(
        `round trip ${kind}: ${episodes.length} episodes, ${lines} lines, ${chapters} chapters, ${mismatches.length} mismatches` +
          (kind === 'srt' ? ` (${notNames} lines whose speaker is not a name left out)` : ''),
      )
      // The corpus has 21,089 lines (../shared/README.md); only a handful have a sentence for a speaker.
      expect(lines).toBe(21_089)
      expect(notNames).toBeLessThan(100)
      expect(episodes.length).toBeGreaterThan(150)
      expect(problems).toEqual([])
      expect(mismatches.slice(0, 20)).toEqual([])
    },
    120_000,
  )

  it('the exported WebVTT and SRT parse with an independent parser, one cue per line at its start', async () => {
    let cues = 0
    for (const e of episodes) {
      for (const [type, text] of [
        ['vtt', toWebVtt(e)],
        ['srt', toSrt(e)],
      ] as const) {
        const parsed = await parseText(text, { type, strict: true })
        expect(parsed.errors, `${e.meta.slug}.${type}`).toEqual([])
        expect(parsed.cues.length, `${e.meta.slug}.${type}`).toBe(e.timeline.lines.length)
        parsed.cues.forEach((c, i) => {
          const line = e.timeline.lines[i]
          expect(Math.round(c.startTime * 1000), `${e.meta.slug}.${type} cue ${i + 1}`).toBe(
            Math.round((line?.start ?? NaN) * 1000),
          )
          expect(c.endTime).toBeGreaterThan(c.startTime)
        })
        cues += parsed.cues.length
      }
    }
    console.log(`independent parser (media-captions): ${cues} cues in ${episodes.length * 2} files`)
  }, 120_000)
})
