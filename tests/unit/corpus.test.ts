/**
 * The whole real corpus (156 published episode files, read in place from
 * `../shared/corpus` or `PLAYSCRIPT_CORPUS`) through the build pipeline:
 * every file loads or fails the way it should, every timeline is sound, and
 * the totals match the figures in ../shared/README.md.
 *
 * Skipped, loudly, when the corpus is not there.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { EpisodeData } from '../../src/lib/episode/types.ts'
import { formatTimeParam, parseTime } from '../../src/lib/time/time.ts'
import { lineAt, lineShareTime } from '../../src/lib/timeline/lookup.ts'
import { displayPath, isEpisodeFile, loadEpisodeDir, type LoadedDir } from '../../src/pipeline/load.ts'
import { isDraft, parseEpisodeFile, slugFromFileName } from '../../src/pipeline/parse-episode.ts'
import { formatProblem, type Problem } from '../../src/pipeline/problems.ts'
import { CORPUS_DIR, checkCorpus } from './corpus-dir.ts'

const available = checkCorpus('tests/unit/corpus.test.ts')

/** Figures from ../shared/README.md, measured when the corpus was added. */
const README = {
  files: 156,
  withTranscript: 153,
  lines: 21_089,
  headers: 3_846,
  maxLinesInOneEpisode: 279,
  lastTimestampSec: 5_146,
  speakers: 176,
}

interface CorpusFile {
  name: string
  /** The name the pipeline uses in problems (see `displayPath`). */
  display: string
  text: string
}

const hasFrontMatter = (text: string): boolean => /^\uFEFF?---[ \t]*\r?$/.test(text.split('\n')[0] ?? '')

describe.skipIf(!available)(`the real corpus (${CORPUS_DIR})`, () => {
  let loaded: LoadedDir
  let files: CorpusFile[]
  const bySlug = new Map<string, EpisodeData>()
  const problemsOf = (f: CorpusFile): Problem[] => loaded.problems.filter((p) => p.file === f.display)

  beforeAll(async () => {
    loaded = await loadEpisodeDir(CORPUS_DIR)
    files = readdirSync(CORPUS_DIR)
      .filter(isEpisodeFile)
      .sort()
      .map((name) => {
        const full = path.join(CORPUS_DIR, name)
        return { name, display: displayPath(full), text: readFileSync(full, 'utf8') }
      })
    for (const e of loaded.episodes) bySlug.set(e.meta.slug, e)

    const lines = loaded.episodes.reduce((n, e) => n + e.timeline.lines.length, 0)
    // Headers with no lines of their own are not chapters (timeline rule 6): count the written ones.
    const headers = files
      .filter((f) => !isDraft(f.name))
      .reduce((n, f) => n + (f.text.match(/^- header:/gm)?.length ?? 0), 0)
    const chapters = loaded.episodes.reduce((n, e) => n + e.timeline.chapters.length, 0)
    expect(chapters).toBeLessThan(headers)
    expect(loaded.episodes.every((e) => e.timeline.chapters.every((c) => c.firstLine >= 0))).toBe(true)
    const estimated = loaded.episodes.reduce((n, e) => n + e.timeline.lines.filter((l) => l.estimated).length, 0)
    const outOfOrder = loaded.problems.filter((p) => /out of order/.test(p.message)).length
    const speakers = new Set(loaded.episodes.flatMap((e) => e.meta.speakers)).size
    const failed = loaded.files.length - loaded.episodes.length - loaded.skipped.length
    console.log(
      `corpus ${CORPUS_DIR}: ${loaded.files.length} files, ${loaded.episodes.length} loaded, ${loaded.skipped.length} skipped, ${failed} failed; ` +
        `${lines} lines, ${headers} headers, ${estimated} estimated starts, ${outOfOrder} out-of-order warnings, ${speakers} speakers`,
    )
  }, 60_000)

  it(`has the README's ${README.files} files`, () => {
    expect(loaded.files).toHaveLength(README.files)
    expect(files).toHaveLength(README.files)
  })

  it('loads every non-draft file with front matter, with zero errors', () => {
    const expected = files.filter((f) => !isDraft(f.name) && hasFrontMatter(f.text))
    const errors = loaded.problems.filter((p) => p.severity === 'error')
    expect(errors.map(formatProblem), `errors in the corpus:\n${errors.map(formatProblem).join('\n')}`).toEqual([])
    const missing = expected.filter((f) => !bySlug.has(slugFromFileName(f.name))).map((f) => f.name)
    expect(missing, 'files that did not load').toEqual([])
    expect(loaded.episodes).toHaveLength(expected.length)
  })

  it('skips drafts ("_" prefix) with a note, and loads nothing from them', () => {
    const drafts = files.filter((f) => isDraft(f.name))
    expect(drafts.length).toBeGreaterThan(0)
    expect(loaded.skipped).toEqual(drafts.map((f) => ({ file: f.display, reason: 'draft' })))
    for (const f of drafts) {
      expect(problemsOf(f)).toEqual([
        { file: f.display, line: 1, severity: 'note', message: expect.stringMatching(/draft/) },
      ])
    }
  })

  it('gives the file with no front matter exactly one error, naming it, at line 1', () => {
    const noFrontMatter = files.filter((f) => !hasFrontMatter(f.text))
    expect(
      noFrontMatter.map((f) => f.name),
      'files without a leading "---"',
    ).toHaveLength(1)
    const f = noFrontMatter[0]
    if (!f) return
    const expectOneError = (problems: readonly Problem[]) =>
      expect(problems).toEqual([
        { file: f.display, line: 1, severity: 'error', message: expect.stringMatching(/front matter/) },
      ])
    if (isDraft(f.name)) {
      // In this corpus the file is also a draft, so the folder load skips it
      // (checked above). Read as if it were published, it must fail cleanly:
      const parsed = parseEpisodeFile(f.name.replace(/^_+/, ''), f.text, { displayName: f.display })
      expect(parsed.episode).toBeUndefined()
      expectOneError(parsed.problems)
    } else {
      expectOneError(problemsOf(f))
    }
  })

  it('loads the file with no transcript, with a "no transcript" warning', () => {
    const empty = loaded.episodes.filter((e) => e.timeline.lines.length === 0 && e.timeline.chapters.length === 0)
    expect(empty.length, 'episodes with no transcript').toBe(1)
    expect(loaded.episodes.length - empty.length).toBe(README.withTranscript)
    for (const e of empty) {
      const f = files.find((x) => slugFromFileName(x.name) === e.meta.slug)
      expect(f).toBeDefined()
      if (!f) continue
      expect(/^transcript:/m.test(f.text)).toBe(false)
      expect(problemsOf(f)).toContainEqual({
        file: f.display,
        line: expect.any(Number),
        severity: 'warning',
        message: expect.stringMatching(/no transcript/),
      })
    }
  })

  it('normalises the "NfAJAr7FvyY&t" video id to "NfAJAr7FvyY", with a warning', () => {
    const f = files.find((x) => x.text.includes('NfAJAr7FvyY&t'))
    expect(f, 'the file with the URL residue').toBeDefined()
    if (!f) return
    expect(bySlug.get(slugFromFileName(f.name))?.meta.youtubeId).toBe('NfAJAr7FvyY')
    const warning = problemsOf(f).find((p) => p.message.includes('NfAJAr7FvyY&t'))
    expect(warning?.severity).toBe('warning')
    expect(f.text.split('\n')[(warning?.line ?? 0) - 1]).toContain('NfAJAr7FvyY&t')
  })

  it('slugs a ".md.md" file without either extension', () => {
    const doubled = files.filter((f) => /\.md\.md$/i.test(f.name))
    expect(doubled.length).toBeGreaterThan(0)
    for (const f of doubled) {
      const slug = f.name.replace(/\.md\.md$/i, '')
      expect(slugFromFileName(f.name)).toBe(slug)
      expect(bySlug.has(slug), slug).toBe(true)
    }
    expect(loaded.episodes.filter((e) => /\.md$/i.test(e.meta.slug)).map((e) => e.meta.slug)).toEqual([])
  })

  it('times every line: finite, strictly increasing starts that lineAt and share links find back', () => {
    const bad: string[] = []
    for (const e of loaded.episodes) {
      const tl = e.timeline
      tl.lines.forEach((line, i) => {
        const where = `${e.meta.slug} line ${i}`
        if (line.index !== i) bad.push(`${where}: index ${line.index}`)
        if (!Number.isFinite(line.start) || line.start < 0) bad.push(`${where}: start ${line.start}`)
        const prev = tl.lines[i - 1]
        if (prev && !(line.start > prev.start)) bad.push(`${where}: start ${line.start} not after ${prev.start}`)
        if (lineAt(tl, line.start) !== i) bad.push(`${where}: lineAt(start) = ${lineAt(tl, line.start)}`)
        const share = lineShareTime(tl, i)
        const param = formatTimeParam(share)
        const back = parseTime(param)
        if (back !== share) bad.push(`${where}: share time ${share} → "${param}" → ${String(back)}`)
        else if (lineAt(tl, back) !== i) bad.push(`${where}: share link "${param}" opens line ${lineAt(tl, back)}`)
      })
    }
    expect(bad, bad.slice(0, 20).join('\n')).toEqual([])
  })

  it('starts chapters in order', () => {
    const bad: string[] = []
    for (const e of loaded.episodes) {
      e.timeline.chapters.forEach((c, i) => {
        const prev = e.timeline.chapters[i - 1]
        if (!Number.isFinite(c.start)) bad.push(`${e.meta.slug} chapter ${i}: start ${c.start}`)
        if (prev && c.start < prev.start)
          bad.push(`${e.meta.slug} chapter ${i} "${c.title}": ${c.start} before ${prev.start}`)
      })
    }
    expect(bad, bad.join('\n')).toEqual([])
  })

  it('locates every problem: a corpus file, a line >= 1 inside it, a message', () => {
    const lineCounts = new Map(files.map((f) => [f.display, f.text.split('\n').length]))
    const bad = loaded.problems.filter((p) => {
      const count = lineCounts.get(p.file)
      return count === undefined || !Number.isInteger(p.line) || p.line < 1 || p.line > count || !p.message.trim()
    })
    expect(bad.map(formatProblem)).toEqual([])
    expect(loaded.problems.filter((p) => p.severity === 'warning').length).toBeGreaterThan(0)
  })

  it("matches the README's figures", () => {
    const lines = loaded.episodes.reduce((n, e) => n + e.timeline.lines.length, 0)
    // Headers with no lines of their own are not chapters (timeline rule 6): count the written ones.
    const headers = files
      .filter((f) => !isDraft(f.name))
      .reduce((n, f) => n + (f.text.match(/^- header:/gm)?.length ?? 0), 0)
    const chapters = loaded.episodes.reduce((n, e) => n + e.timeline.chapters.length, 0)
    expect(chapters).toBeLessThan(headers)
    expect(loaded.episodes.every((e) => e.timeline.chapters.every((c) => c.firstLine >= 0))).toBe(true)
    // Empty `line:` items are skipped with a warning, so loaded lines plus
    // those warnings is what the files hold. The corpus has none today, so the
    // loaded count itself is the README's. (The README counts the published
    // files only: the draft with no front matter has 199 lines and 21 headers
    // of its own, which count nowhere.)
    const emptySkipped = loaded.problems.filter((p) => /line is empty/.test(p.message)).length
    expect(lines + emptySkipped).toBe(README.lines)
    expect(lines).toBe(README.lines)
    expect(headers).toBe(README.headers)
    expect(Math.max(...loaded.episodes.map((e) => e.timeline.lines.length))).toBe(README.maxLinesInOneEpisode)
    const lastWritten = Math.max(
      ...loaded.episodes.flatMap((e) => e.timeline.lines.filter((l) => !l.estimated).map((l) => l.start)),
    )
    expect(lastWritten).toBe(README.lastTimestampSec)
  })

  it("has the README's 176 speakers (173 once trailing colons and full stops are trimmed): one more only in the unpublished draft", () => {
    // The README counted speaker names over every file, drafts included; one
    // name is spoken only in the draft with no front matter. Read that draft
    // from its first "---" on to count its speakers too.
    const speakers = new Set(loaded.episodes.flatMap((e) => e.meta.speakers))
    const draftSpeakers = new Set<string>()
    for (const f of files.filter((x) => isDraft(x.name))) {
      const at = f.text.search(/^---[ \t]*$/m)
      if (at < 0) continue
      const parsed = parseEpisodeFile(f.name.replace(/^_+/, ''), f.text.slice(at))
      for (const s of parsed.episode?.meta.speakers ?? []) if (!speakers.has(s)) draftSpeakers.add(s)
    }
    // Three of the README's names are a speaker's name with a trailing colon or full stop
    // (`Alexey:`, `Alexey.`, `Theo:`): the pipeline trims those (with a warning), so they merge.
    const trimmed = 3
    expect(speakers.size + draftSpeakers.size).toBe(README.speakers - trimmed)
    expect(speakers.size).toBe(README.speakers - 1 - trimmed)
  })
})
