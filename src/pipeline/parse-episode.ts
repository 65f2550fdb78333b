/**
 * The build-time episode pipeline for one file: front matter → YAML → schema → transcript
 * items → timeline → the typed `EpisodeData` the browser receives. Never throws: every problem
 * becomes a `Problem` that names the file, the line in it and the field.
 *
 * The steps live beside it: `reporter.ts` (messages and their lines), `transcript-items.ts`
 * (each transcript item), `transcript-checks.ts` (the transcript as a whole),
 * `front-matter-fields.ts` (cleaning, links, guests, dates).
 */
import type { EpisodeData, EpisodeMeta, SourceItem } from '../lib/episode/types.ts'
import { episodeLength } from '../lib/timeline/lookup.ts'
import { buildTimeline, timelineEnd } from '../lib/timeline/timeline.ts'
import { splitFrontMatter } from './frontmatter.ts'
import { cleanBody, cleanStrings, guestName, readDate, readDuration, readLinks } from './front-matter-fields.ts'
import { MAX_LINES, WARN_LINES } from './limits.ts'
import { readKeyMoments } from './key-moments.ts'
import { renderMarkdown } from './markdown.ts'
import type { Problem } from './problems.ts'
import { describeIssue, Reporter, typeName } from './reporter.ts'
import { FrontMatter } from './schema.ts'
import { slugFor } from './slug.ts'
import { checkFirstSpeaker, checkSpeakers, checkTimes } from './transcript-checks.ts'
import { readTranscript } from './transcript-items.ts'
import { normaliseYoutubeId } from './youtube-id.ts'
import { YamlSource } from './yaml-source.ts'

/**
 * What one file gives: the episode when it has no errors, or nothing (with the reason when the
 * file is deliberately not loaded, a draft). Problems either way.
 */
export type ParseResult =
  | { ok: true; episode: EpisodeData; problems: Problem[] }
  | { ok: false; episode?: undefined; problems: Problem[]; skipped?: 'draft' }

function failed(problems: Problem[]): ParseResult {
  return { ok: false, problems }
}

/**
 * `s11e03-x.md` → `s11e03-x`; a doubled `.md.md` loses both; other names follow the slug rule
 * (src/pipeline/slug.ts: `My Episode.md` → `my-episode`). A name that gives no slug gives `''`.
 */
export function slugFromFileName(fileName: string): string {
  const r = slugFor(fileName)
  return r.ok ? r.slug : ''
}

export function isDraft(fileName: string): boolean {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  return base.startsWith('_')
}

export interface ParseOptions {
  /** The name used in messages (defaults to the file name given). */
  displayName?: string
  /**
   * The transcript read from a sidecar file (`<name>.vtt`, `.srt`, `.json`; see sidecar.ts),
   * for a file without `transcript:`. Messages about its lines name `file`.
   */
  sidecar?: { file: string; items: SourceItem[] }
}

/** Parses and validates one episode file. Never throws. */
export function parseEpisodeFile(fileName: string, text: string, options: ParseOptions = {}): ParseResult {
  const file = options.displayName ?? fileName
  if (isDraft(fileName))
    return {
      ok: false,
      problems: [{ file, line: 1, severity: 'note', message: 'draft (file name starts with "_"): skipped' }],
      skipped: 'draft',
    }
  try {
    return parseUnsafe(fileName, file, text, options.sidecar)
  } catch (err) {
    // A bug in the pipeline must still not become a stack trace for the author.
    return failed([
      {
        file,
        line: 1,
        severity: 'error',
        message: `internal error while reading this file: ${err instanceof Error ? err.message : String(err)}`,
      },
    ])
  }
}

function parseUnsafe(fileName: string, file: string, text: string, sidecar: ParseOptions['sidecar']): ParseResult {
  const slug = slugFor(fileName)
  if (!slug.ok) return failed([{ file, line: 1, severity: 'error', message: slug.message }])
  const split = splitFrontMatter(text)
  if (!split.ok) return failed([{ file, line: split.line, severity: 'error', message: split.message }])
  const { yaml, yamlLine, bodyLine } = split.value

  const source = new YamlSource(yaml, yamlLine)
  const r = new Reporter(file, source, yamlLine)
  const loaded = source.load()
  if (!loaded.ok) {
    for (const e of loaded.errors) r.at(e.line, 'error', e.message)
    return failed(r.problems)
  }
  for (const w of loaded.warnings) r.at(w.line, 'warning', w.message)
  const data = loaded.data
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    r.at(
      yamlLine,
      'error',
      `front matter must be a mapping of fields (title, ids, transcript, ...), not ${typeName(data)}`,
    )
    return failed(r.problems)
  }
  const record = cleanStrings(data, [], r) as Record<string, unknown>
  const body = cleanBody(split.value.body, bodyLine, r)
  if (slug.changed)
    r.at(
      1,
      'warning',
      `the file name is not a plain address: the episode is published as /episodes/${slug.slug} (see "Your own episodes" in README.md for the rule)`,
    )
  if (Array.isArray(record.transcript)) {
    source.confirmTranscriptLength(record.transcript.length)
    const n = record.transcript.length
    if (n > MAX_LINES) {
      r.error(
        ['transcript'],
        `the transcript has ${n} items; at most ${MAX_LINES} are published (the page would take too long to open): split the episode`,
      )
      return failed(r.problems)
    }
    if (n > WARN_LINES)
      r.warn(['transcript'], `the transcript has ${n} items; above ${WARN_LINES}, the page is slow to open on a phone`)
  }

  const parsed = FrontMatter.safeParse(record)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) r.error(issue.path as (string | number)[], describeIssue(issue, record))
  }
  const written = record.transcript !== undefined && record.transcript !== null
  if (sidecar && written)
    r.error(
      ['transcript'],
      `this file has a "transcript:" and the sidecar file ${sidecar.file} has one too: keep one of them`,
    )
  // Lines from a sidecar: messages about them name the sidecar file.
  const fromSidecar = sidecar && !written ? sidecar : undefined
  const itemsReporter = fromSidecar ? new Reporter(fromSidecar.file, undefined, 1) : r
  if (fromSidecar && fromSidecar.items.length > MAX_LINES)
    itemsReporter.at(
      1,
      'error',
      `the transcript has ${fromSidecar.items.length} items; at most ${MAX_LINES} are published (the page would take too long to open): split the episode`,
    )
  const items = fromSidecar ? fromSidecar.items : readTranscript(record.transcript, r)
  if (itemsReporter !== r) r.problems.push(...itemsReporter.problems.splice(0))
  if (!parsed.success || r.problems.some((p) => p.severity === 'error')) return failed(r.problems)
  const fm = parsed.data

  const yt = normaliseYoutubeId(fm.ids.youtube)
  if (!yt.ok) {
    r.error(
      ['ids', 'youtube'],
      `ids.youtube ${JSON.stringify(fm.ids.youtube)} is not a YouTube video id (11 characters of A–Z, a–z, 0–9, "-" and "_") or a YouTube URL`,
    )
    return failed(r.problems)
  }
  if (yt.normalised)
    r.warn(
      ['ids', 'youtube'],
      `ids.youtube ${JSON.stringify(fm.ids.youtube)} carries URL residue; read as the video id "${yt.id}"`,
    )

  if (items === undefined) r.warn([], 'no transcript: the episode loads with the video only')
  checkSpeakers(items ?? [], itemsReporter, yamlLine)
  const { timeline, outOfOrder } = buildTimeline(items ?? [])
  checkTimes(timeline, outOfOrder, itemsReporter)
  checkFirstSpeaker(items ?? [], timeline, itemsReporter)
  if (itemsReporter !== r) r.problems.push(...itemsReporter.problems.splice(0))

  const speakers: string[] = []
  for (const l of timeline.lines) if (l.speaker && !speakers.includes(l.speaker)) speakers.push(l.speaker)
  const guests = fm.guests ?? []
  const date = readDate(fm, r)
  // Without a stated duration, the episode lasts until its last line ends: the length the
  // player shows (`episodeLength`), so the page's facts and the player agree.
  let durationSec = readDuration(fm.duration, r)
  if (durationSec === undefined && timeline.lines.length) durationSec = Math.ceil(timelineEnd(timeline))

  const meta: EpisodeMeta = {
    slug: slug.slug,
    title: fm.title.trim(),
    ...(fm.short ? { short: fm.short.trim() } : {}),
    ...(fm.season != null ? { season: fm.season } : {}),
    ...(fm.episode != null ? { episode: fm.episode } : {}),
    guests,
    guestNames: guests.map((g) => guestName(g, speakers)),
    speakers,
    youtubeId: yt.id,
    ...(date ? { date } : {}),
    ...(durationSec !== undefined ? { durationSec } : {}),
    topics: fm.topics ?? [],
    ...(fm.description ? { description: fm.description.trim() } : {}),
    lineCount: timeline.lines.length,
    chapterCount: timeline.chapters.length,
  }
  const clips = readKeyMoments(fm.quotableClips ?? [], yt.id, episodeLength(timeline, durationSec))
  for (const p of clips.problems) r.warn(['quotableClips', p.index, p.field], p.message)
  const episode: EpisodeData = {
    meta,
    ...(fm.intro ? { intro: fm.intro.trim() } : {}),
    links: readLinks(fm.links, r),
    bodyHtml: renderMarkdown(body),
    timeline,
    ...(clips.moments.length ? { moments: clips.moments } : {}),
  }
  // The episode file's problems in line order, then its sidecar's.
  const problems = r.problems.sort((a, b) => Number(a.file !== file) - Number(b.file !== file) || a.line - b.line)
  return { ok: true, episode, problems }
}
