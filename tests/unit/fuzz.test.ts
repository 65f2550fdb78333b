/**
 * Fuzzing the episode pipeline: whatever an author saves, `parseEpisodeFile`
 * must not throw, and must answer with either a sound episode or at least one
 * error that points at a line of the file, in words (never a stack trace).
 *
 * 1. Seeded random mutations of real corpus files (read in place; skipped
 *    loudly without the corpus): deleted keys, values of the wrong type,
 *    truncation, shuffled / duplicated / deleted transcript items, tabs, bad
 *    indentation, unbalanced quotes, a missing closing `---`, huge, negative
 *    and NaN-like times, random bytes, `$` replacement patterns, control,
 *    bidi and zero-width characters, and hostile file names (spaces, accents,
 *    other scripts, dots only, `$`). To keep thousands of runs fast, most
 *    runs take an excerpt (the front matter with a window of the transcript
 *    and the start of the body); some take the whole file.
 * 2. Plain properties over arbitrary strings and arbitrary front matter.
 *
 * fast-check runs with a fixed seed, so a failure reproduces; it prints the
 * shrunk counterexample (the file index, the excerpt window and the list of
 * mutations).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { lineAt } from '../../src/lib/timeline/lookup.ts'
import { isEpisodeFile } from '../../src/pipeline/load.ts'
import { parseEpisodeFile, slugFromFileName, type ParseResult } from '../../src/pipeline/parse-episode.ts'
import { escapeHtml, fillPage } from '../../src/pipeline/html-page.ts'
import { formatProblem } from '../../src/pipeline/problems.ts'
import { SLUG } from '../../src/pipeline/slug.ts'
import { CORPUS_DIR, checkCorpus } from './corpus-dir.ts'

/** Fixed by default; `PLAYSCRIPT_FUZZ_SEED` / `PLAYSCRIPT_FUZZ_RUNS` explore further (e.g. 30000 runs, another seed). */
const SEED = Number(process.env.PLAYSCRIPT_FUZZ_SEED ?? 20_250_611)
const MUTATION_RUNS = Number(process.env.PLAYSCRIPT_FUZZ_RUNS ?? 3_000)
const STRING_RUNS = Math.max(100, Math.round(MUTATION_RUNS / 3))

// --- The invariant -----------------------------------------------------------------

const SEVERITIES = new Set(['error', 'warning', 'note'])

const PAGE_TEMPLATE =
  '<html><head><meta name="description" content="x" /><title>t</title><script type="module" src="/a.js"></script></head><body><div id="root"></div></body></html>'

/** Lines as the pipeline counts them (it reads `\r\n` and `\r` as line breaks too). */
function lineCount(text: string): number {
  return text.split(/\r\n?|\n/).length
}

/** Everything a parse result must satisfy, whatever the input. Throws an Error naming what broke. */
function checkResult(name: string, text: string, result: ParseResult): void {
  const fail = (why: string): never => {
    throw new Error(`${why}\nproblems:\n${result.problems.map(formatProblem).join('\n')}`)
  }
  const maxLine = lineCount(text) + 1
  for (const p of result.problems) {
    if (p.file !== name) fail(`problem names file ${JSON.stringify(p.file)}, not ${JSON.stringify(name)}`)
    if (!Number.isInteger(p.line) || p.line < 1 || p.line > maxLine)
      fail(`problem line ${p.line} is outside 1..${maxLine}`)
    if (!SEVERITIES.has(p.severity)) fail(`problem severity ${String(p.severity)}`)
    if (typeof p.message !== 'string' || !p.message.trim()) fail('problem with an empty message')
    // Compiler-style output is one line per problem, and never a stack trace.
    if (/[\r\n]/.test(p.message)) fail(`a message on several lines: ${JSON.stringify(p.message)}`)
    if (/^\s*at \S/.test(p.message) || /\((?:file:|node:|\/)[^)]*:\d+:\d+\)/.test(p.message))
      fail(`stack trace in a message: ${p.message}`)
    // The pipeline's catch-all: reaching it means something threw inside.
    if (p.message.startsWith('internal error')) fail(`the pipeline threw inside: ${p.message}`)
  }
  const errors = result.problems.filter((p) => p.severity === 'error')
  if (!result.ok && result.skipped) return
  if (!result.ok) {
    if (errors.length === 0) fail('no episode and no error')
    return
  }
  if (errors.length > 0) fail('an episode together with errors')
  const e = result.episode
  if (e.meta.slug !== slugFromFileName(name) || !SLUG.test(e.meta.slug)) fail(`slug ${JSON.stringify(e.meta.slug)}`)
  // No control character or bidi override reaches the site; no invisible character in a title or a name.
  const names = [
    e.meta.title,
    e.meta.short ?? '',
    ...e.meta.speakers,
    ...e.meta.guestNames,
    ...e.timeline.chapters.map((c) => c.title),
  ]
  const texts = [...names, e.meta.description ?? '', e.intro ?? '', e.bodyHtml, ...e.timeline.lines.map((l) => l.text)]
  const bad = texts.find((t) =>
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(t),
  )
  if (bad !== undefined) fail(`a control character or bidi override in ${JSON.stringify(bad.slice(0, 60))}`)
  const invisible = names.find((t) => /[\u200b-\u200f\u2060-\u2064\ufeff]/.test(t))
  if (invisible !== undefined) fail(`an invisible character in the name ${JSON.stringify(invisible)}`)
  // The page template takes the title and description as written: no `$` pattern is expanded.
  const description = e.meta.description ?? ''
  const page = fillPage(PAGE_TEMPLATE, { title: e.meta.title, description, body: '' })
  if (
    !page.includes(`<title>${escapeHtml(e.meta.title)}</title>`) ||
    !page.includes(`content="${escapeHtml(description)}"`) ||
    page.split('<script').length !== 2
  ) {
    fail('the page template changed the title or description')
  }
  if (!/^[A-Za-z0-9_-]{11}$/.test(e.meta.youtubeId)) fail(`video id ${e.meta.youtubeId}`)
  const tl = e.timeline
  if (e.meta.lineCount !== tl.lines.length || e.meta.chapterCount !== tl.chapters.length)
    fail('counts disagree with the timeline')
  tl.lines.forEach((l, i) => {
    if (l.index !== i) fail(`line ${i} has index ${l.index}`)
    if (!Number.isFinite(l.start) || l.start < 0) fail(`line ${i} starts at ${l.start}`)
    const prev = tl.lines[i - 1]
    if (prev && !(l.start > prev.start)) fail(`line ${i} starts at ${l.start}, not after ${prev.start}`)
    if (lineAt(tl, l.start) !== i) fail(`lineAt(start of line ${i}) = ${lineAt(tl, l.start)}`)
    if (l.chapter < -1 || l.chapter >= tl.chapters.length) fail(`line ${i} in chapter ${l.chapter}`)
  })
  tl.chapters.forEach((c, i) => {
    const prev = tl.chapters[i - 1]
    if (!Number.isFinite(c.start) || (prev && c.start < prev.start)) fail(`chapter ${i} starts at ${c.start}`)
  })
  if (e.meta.durationSec !== undefined && !Number.isFinite(e.meta.durationSec)) fail(`duration ${e.meta.durationSec}`)
  // The Vite plugin ships the episode as JSON: it must survive the trip.
  const json = JSON.stringify(e)
  if (JSON.stringify(JSON.parse(json)) !== json || /\bnull\b/.test(JSON.stringify(tl.lines.map((l) => l.start))))
    fail('episode does not survive JSON')
}

/** Parses (must not throw) and checks. */
function parseAndCheck(name: string, text: string): ParseResult {
  let result: ParseResult
  try {
    result = parseEpisodeFile(name, text)
  } catch (err) {
    throw new Error(`parseEpisodeFile threw: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`, {
      cause: err,
    })
  }
  checkResult(name, text, result)
  return result
}

// --- Mutations ----------------------------------------------------------------------

/** YAML value texts of every type, plus broken ones. A leading "\n" means a block value, indented under its key. */
const VALUES = [
  '42',
  '-1',
  '0',
  '-0',
  '3.5',
  '1e400',
  '-1e400',
  '99999999999999999999999',
  '1.7976931348623157e308',
  '9007199254740993',
  '.nan',
  '.inf',
  '-.inf',
  'NaN',
  '"NaN"',
  'Infinity',
  '"-5"',
  '"1:02:28"',
  '"37:567"',
  '1:02:28',
  '0x1F',
  '0o17',
  '~',
  'null',
  '',
  'true',
  '""',
  '"  "',
  "'text'",
  'text',
  '2022-05-27',
  'PT1H',
  'P1DT',
  '[]',
  '[1, 2]',
  '{}',
  '{a: 1}',
  '[{line: x, sec: 1}]',
  '{line: x, sec: -3}',
  '{header: h}',
  '!!str 12',
  '!!binary aGVsbG8=',
  '!!int "7"',
  '!!float x',
  '!custom x',
  '&anc x',
  '*anc',
  '*missing',
  '|\n  a block',
  '>-\n  folded\n  text',
  '\n  - a\n  - b',
  '\n  - line: x\n    sec: 5',
  '\n  k: v\n  youtube: lem7knxqNzg',
  '"unclosed',
  "'unclosed",
  '[unclosed',
  '{unclosed',
  'a: b: c',
  '- item',
  '"\\u0000"',
  '"\\uD800"',
  '"\\x"',
  'https://youtu.be/lem7knxqNzg',
  'lem7knxqNzg?t=1',
  'NfAJAr7FvyY&t',
  '{{ youtube_id }}',
  '"{{ title }}"',
  'x'.repeat(5000),
  // `$` replacement patterns, control, bidi and zero-width characters, names that are not names.
  '"$$E = mc^2$$"',
  "'$` and $& and $''",
  '"$$$"',
  '"$1 $<n>"',
  '"a\\0b\\x07c\\x1bd\\x7fe"',
  '"\\u202Eevil\\u2066x"',
  '"Al\\u200Bexey\\uFEFF"',
  "'Alexey:'",
  "'Alexey.'",
  'Alexeylexey',
  "'So this is a whole sentence given as a name, isn''t it?'",
]

const TRANSCRIPT_FIELDS = ['line', 'sec', 'time', 'who', 'header', '__proto__', 'constructor']

const TOKENS = [
  '\t',
  '\0',
  '\r',
  '\r\n',
  '\uFEFF',
  '\u2028',
  '\u0085',
  '\uFFFE',
  '#',
  ':',
  ': ',
  '- ',
  '---',
  '...',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%YAML 1.1',
  '@',
  '`',
  '{',
  '}',
  '[',
  ']',
  ',',
  '?',
  '"',
  "'",
  '\\',
  '<<: *a',
  '\n---\n',
  '\n  ',
  '\n\t',
  '$$',
  '$`',
  "$'",
  '$&',
  '$1',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u200d',
  '’',
  '🎙',
]

const KINDS = [
  'deleteKey',
  'retype',
  'field',
  'shuffle',
  'duplicateItem',
  'deleteItem',
  'truncate',
  'dropClosingFence',
  'tab',
  'indent',
  'quote',
  'bytes',
  'deleteLine',
  'duplicateLine',
  'crlf',
  'bom',
] as const

interface Mutation {
  kind: (typeof KINDS)[number]
  a: number
  b: number
  c: number
  value: string
  bytes: string
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...KINDS),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  value: fc.constantFrom(...VALUES),
  bytes: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), fc.constantFrom(...TOKENS)),
})

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined)

/** Index of the closing `---` line, or -1. */
function closingFence(lines: readonly string[]): number {
  for (let i = 1; i < lines.length; i++) if (/^---[ \t]*\r?$/.test(lines[i] ?? '')) return i
  return -1
}

/** The front matter's line range [1, end). */
function frontMatterEnd(lines: readonly string[]): number {
  const end = closingFence(lines)
  return end < 0 ? lines.length : end
}

const KEY_LINE = /^(\s*(?:- )?)([A-Za-z_][\w-]*):(?=\s|$)/

/** Lines of the front matter that start a `key:`, with the key's column. */
function keyLines(lines: readonly string[]): { at: number; col: number; key: string }[] {
  const out: { at: number; col: number; key: string }[] = []
  const end = frontMatterEnd(lines)
  for (let i = 1; i < end; i++) {
    const m = KEY_LINE.exec(lines[i] ?? '')
    if (m?.[1] !== undefined && m[2]) out.push({ at: i, col: m[1].length, key: m[2] })
  }
  return out
}

/** Where the lines nested under a key starting at `at` (column `col`) end. */
function blockEnd(lines: readonly string[], at: number, col: number): number {
  let i = at + 1
  const end = frontMatterEnd(lines)
  while (i < end) {
    const line = lines[i] ?? ''
    const indent = /^ */.exec(line)?.[0].length ?? 0
    if (line.trim() && indent <= col) break
    i++
  }
  return i
}

/** Transcript items: [start, end) line ranges of the `- ` entries under `transcript:`. */
function transcriptItems(lines: readonly string[]): [number, number][] {
  const end = frontMatterEnd(lines)
  const head = lines.findIndex((l, i) => i > 0 && i < end && /^transcript:/.test(l))
  if (head < 0) return []
  const starts: number[] = []
  let i = head + 1
  for (; i < end; i++) {
    const line = lines[i] ?? ''
    if (/^\s*- /.test(line)) starts.push(i)
    else if (/^\S/.test(line)) break
  }
  return starts.map((s, k) => [s, starts[k + 1] ?? i])
}

/** A value placed after `key:` at column `col`: block values are indented under the key. */
function valueText(value: string, col: number): string {
  if (!value.includes('\n')) return value ? ` ${value}` : ''
  return value.replace(/\n/g, `\n${' '.repeat(col)}`)
}

function mutate(text: string, m: Mutation): string {
  let lines = text.split('\n')
  const items = transcriptItems(lines)
  switch (m.kind) {
    case 'deleteKey': {
      const k = pick(keyLines(lines), m.a)
      if (k) lines.splice(k.at, blockEnd(lines, k.at, k.col) - k.at)
      break
    }
    case 'retype': {
      const k = pick(keyLines(lines), m.a)
      if (!k) break
      const keyEnd = (lines[k.at] ?? '').indexOf(':', k.col) + 1
      const head = (lines[k.at] ?? '').slice(0, keyEnd)
      lines.splice(k.at, blockEnd(lines, k.at, k.col) - k.at, head + valueText(m.value, k.col + 2))
      break
    }
    case 'field': {
      const item = pick(items, m.a)
      const field = pick(TRANSCRIPT_FIELDS, m.b) ?? 'sec'
      if (!item) break
      const [from, to] = item
      const existing = lines.slice(from, to).findIndex((l) => new RegExp(`^\\s*(- )?${field}:`).test(l))
      if (existing >= 0) {
        const at = from + existing
        const col = /^\s*(- )?/.exec(lines[at] ?? '')?.[0].length ?? 0
        lines.splice(
          at,
          blockEnd(lines, at, col) - at,
          `${(lines[at] ?? '').slice(0, col)}${field}:${valueText(m.value, col + 2)}`,
        )
      } else {
        lines.splice(from + 1, 0, `  ${field}:${valueText(m.value, 4)}`)
      }
      break
    }
    case 'shuffle': {
      if (items.length < 2) break
      const first = items[m.a % items.length]?.[0] ?? 0
      const span = items.slice(m.a % items.length, (m.a % items.length) + 2 + (m.b % 8))
      const blocks = span.map(([s, e]) => lines.slice(s, e))
      // A seeded Fisher–Yates from c.
      let r = m.c
      for (let i = blocks.length - 1; i > 0; i--) {
        r = (r * 1103515245 + 12345) % 2 ** 31
        const j = r % (i + 1)
        const t = blocks[i] ?? []
        blocks[i] = blocks[j] ?? []
        blocks[j] = t
      }
      const last = span[span.length - 1]?.[1] ?? first
      lines.splice(first, last - first, ...blocks.flat())
      break
    }
    case 'duplicateItem': {
      const item = pick(items, m.a)
      const target = pick(items, m.b)
      if (item && target) lines.splice(target[0], 0, ...lines.slice(item[0], item[1]))
      break
    }
    case 'deleteItem': {
      const item = pick(items, m.a)
      if (item) lines.splice(item[0], item[1] - item[0])
      break
    }
    case 'truncate':
      return text.slice(0, m.a % (text.length + 1))
    case 'dropClosingFence': {
      const at = closingFence(lines)
      if (at > 0) lines.splice(at, 1)
      break
    }
    case 'tab': {
      const at = m.a % lines.length
      const line = lines[at] ?? ''
      lines[at] = m.b % 2 ? `\t${line}` : line.replace(/^ +/, '\t')
      break
    }
    case 'indent': {
      const at = m.a % lines.length
      const delta = (m.b % 7) - 3
      const line = lines[at] ?? ''
      lines[at] = delta > 0 ? ' '.repeat(delta) + line : line.slice(Math.min(-delta, /^ */.exec(line)?.[0].length ?? 0))
      break
    }
    case 'quote': {
      const at = m.a % lines.length
      const line = lines[at] ?? ''
      const pos = m.b % (line.length + 1)
      lines[at] = line.slice(0, pos) + (pick(['"', "'", '`', '"""'], m.c) ?? '"') + line.slice(pos)
      break
    }
    case 'bytes': {
      const pos = m.a % (text.length + 1)
      return text.slice(0, pos) + m.bytes + text.slice(pos)
    }
    case 'deleteLine':
      lines.splice(m.a % lines.length, 1)
      break
    case 'duplicateLine': {
      const at = m.a % lines.length
      lines.splice(at, 0, lines[at] ?? '')
      break
    }
    case 'crlf':
      lines = lines.map((l) => `${l}\r`)
      break
    case 'bom':
      return `\uFEFF${text}`
  }
  return lines.join('\n')
}

/**
 * An excerpt of a real file: its front matter up to `transcript:`, `count`
 * transcript items from item `from` on, the closing `---`, and the start of
 * the body. The whole file when `whole`.
 */
function excerpt(text: string, from: number, count: number, whole: boolean): string {
  if (whole) return text
  const lines = text.split('\n')
  const items = transcriptItems(lines)
  const end = closingFence(lines)
  if (end < 0) return lines.slice(0, 60).join('\n')
  const body = lines.slice(end, end + 20)
  if (items.length === 0) return [...lines.slice(0, end), ...body].join('\n')
  const first = items[0]?.[0] ?? end
  const picked = items.slice(from % items.length, (from % items.length) + count)
  return [
    ...lines.slice(0, first),
    ...picked.flatMap(([s, e]) => lines.slice(s, e)),
    ...lines.slice(items[items.length - 1]?.[1] ?? end, end),
    ...body,
  ].join('\n')
}

/** File names an author might save: spaces, case, accents, other scripts, dots only, `$`, control characters. */
const FILE_NAMES = [
  'my episode.md',
  'Case.md',
  'épisode-ünïcödé-日本語.md',
  '日本語.md',
  '...md',
  '..md',
  '.md',
  '$$.md',
  '$`x$&.md',
  'a\u0000b.md',
  'x\u202egnp.md',
  `${'long-'.repeat(30)}.md`,
  'ok.md.md',
]
const fileNameArb = fc.oneof(
  fc.constantFrom(...FILE_NAMES),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((n) => `${n.replace(/[\\/]/g, '')}.md`),
)

// --- Tests over the corpus ---------------------------------------------------------

const available = checkCorpus('tests/unit/fuzz.test.ts (mutations of real files)')

describe.skipIf(!available)(`fuzz: ${MUTATION_RUNS} seeded mutations of real corpus files`, () => {
  const files = available
    ? readdirSync(CORPUS_DIR)
        .filter(isEpisodeFile)
        .sort()
        .map((name) => ({ name: name.replace(/^_+/, ''), text: readFileSync(path.join(CORPUS_DIR, name), 'utf8') }))
    : []

  it('the unmutated excerpts themselves pass the invariant', () => {
    for (const f of files) {
      parseAndCheck(f.name, excerpt(f.text, 0, 10, false))
      parseAndCheck(f.name, excerpt(f.text, 7, 3, false))
    }
  }, 30_000)

  it('never throws; answers with a sound episode or an error at a real line', () => {
    const outcome = { episodes: 0, failed: 0, whole: 0 }
    fc.assert(
      fc.property(
        fc.nat({ max: Math.max(0, files.length - 1) }),
        fc.nat(),
        fc.integer({ min: 0, max: 25 }),
        fc.nat({ max: 39 }),
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        fc.option(fileNameArb, { freq: 4 }),
        (fileIndex, from, count, wholeDie, mutations, fileName) => {
          const f = files[fileIndex]
          if (!f) return
          const whole = wholeDie === 0
          let text = excerpt(f.text, from, count, whole)
          for (const m of mutations) text = mutate(text, m)
          const result = parseAndCheck(fileName ?? f.name, text)
          if (result.episode) outcome.episodes++
          else outcome.failed++
          if (whole) outcome.whole++
        },
      ),
      { seed: SEED, numRuns: MUTATION_RUNS },
    )
    console.log(
      `fuzz: ${MUTATION_RUNS} mutated files (${outcome.whole} whole, the rest excerpts): ${outcome.episodes} still loaded, ${outcome.failed} rejected with errors`,
    )
    // The mutations must exercise both outcomes, or the fuzz is not testing much.
    expect(outcome.episodes).toBeGreaterThan(MUTATION_RUNS / 10)
    expect(outcome.failed).toBeGreaterThan(MUTATION_RUNS / 10)
  }, 60_000)
})

// --- Plain properties (no corpus needed) --------------------------------------------

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(...TOKENS, 'a', ' ', '\n', 'title', 'ids', 'youtube', 'transcript', 'line', 'sec'),
    maxLength: 60,
  }),
)

/** Values of every JSON-ish type, including the awkward numbers. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 2, maxKeys: 4, withNullPrototype: false }),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    -1,
    1e21,
    Number.MAX_VALUE,
    '',
    ' ',
    'NaN',
    '1:02:28',
    '-5',
    'lem7knxqNzg',
    null,
  ),
)

const transcriptItemArb = fc.record(
  {
    header: fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: anyValue }),
    line: fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 30 }) }, { weight: 1, arbitrary: anyValue }),
    sec: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 6000 }) }, { weight: 1, arbitrary: anyValue }),
    time: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('0:05', '1:02:28', '37:567', '9:\n46') },
      { weight: 1, arbitrary: anyValue },
    ),
    who: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('Alexey', 'Guest', ' ') },
      { weight: 1, arbitrary: anyValue },
    ),
  },
  { requiredKeys: [] },
)

const frontMatterArb = fc.record(
  {
    title: fc.oneof(
      { weight: 9, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
      { weight: 1, arbitrary: anyValue },
    ),
    ids: fc.oneof(
      {
        weight: 9,
        arbitrary: fc.record({
          youtube: fc.constantFrom('lem7knxqNzg', 'NfAJAr7FvyY&t', 'https://youtu.be/lem7knxqNzg', 'short', ''),
        }),
      },
      { weight: 1, arbitrary: anyValue },
    ),
    season: fc.oneof({ weight: 4, arbitrary: fc.nat(30) }, { weight: 1, arbitrary: anyValue }),
    guests: fc.oneof(
      { weight: 4, arbitrary: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }) },
      { weight: 1, arbitrary: anyValue },
    ),
    links: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.webUrl(), anyValue), { maxKeys: 3 }),
      },
      { weight: 1, arbitrary: anyValue },
    ),
    duration: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('PT01H05M09S', 'PT', 'P1DT') },
      { weight: 1, arbitrary: anyValue },
    ),
    date: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('2022-05-27', '2022-13-99') },
      { weight: 1, arbitrary: anyValue },
    ),
    transcript: fc.oneof(
      { weight: 9, arbitrary: fc.array(transcriptItemArb, { maxLength: 12 }) },
      { weight: 1, arbitrary: anyValue },
    ),
  },
  { requiredKeys: ['title', 'ids'] },
)

describe('fuzz: arbitrary input', () => {
  it('arbitrary text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        parseAndCheck('any.md', text)
      }),
      { seed: SEED, numRuns: STRING_RUNS },
    )
  }, 60_000)

  it('arbitrary text between front matter fences', () => {
    fc.assert(
      fc.property(anyText, anyText, (yaml, body) => {
        parseAndCheck('fenced.md', `---\n${yaml}\n---\n${body}`)
      }),
      { seed: SEED, numRuns: STRING_RUNS },
    )
  }, 60_000)

  it('arbitrary file names: a safe slug, or an error at line 1', () => {
    fc.assert(
      fc.property(fileNameArb, (name) => {
        const result = parseAndCheck(name, '---\ntitle: T\nids:\n  youtube: lem7knxqNzg\n---\n')
        if (!result.ok && !result.skipped)
          expect(result.problems).toContainEqual(expect.objectContaining({ line: 1, severity: 'error' }))
      }),
      { seed: SEED, numRuns: STRING_RUNS },
    )
  }, 60_000)

  it('arbitrary front matter values (YAML of every type)', () => {
    let loaded = 0
    fc.assert(
      fc.property(frontMatterArb, fc.boolean(), (fm, crlf) => {
        const text = `---\n${stringify(fm)}---\nBody *text*.\n`
        const result = parseAndCheck('values.md.md', crlf ? text.replace(/\n/g, '\r\n') : text)
        if (result.episode) loaded++
      }),
      { seed: SEED, numRuns: STRING_RUNS },
    )
    expect(loaded).toBeGreaterThan(STRING_RUNS / 20)
  }, 60_000)
})

// --- Regressions: bugs this fuzzing found in the pipeline, now fixed ----------------

describe('regressions found by fuzzing', () => {
  const head = '---\ntitle: T\nids:\n  youtube: lem7knxqNzg\n'

  // parseUnsafe reads `e.linePos`, which the yaml package only fills with
  // `prettyErrors: true`; with `prettyErrors: false` every YAML error and
  // warning lands on the first YAML line (2). `lineCounter.linePos(e.pos[0])`
  // gives the real line.
  it('a YAML syntax error is reported at its own line, not at line 2', () => {
    const { problems } = parseEpisodeFile('dup.md', `${head}title: again\n---\n`)
    expect(problems).toEqual([{ file: 'dup.md', line: 5, severity: 'error', message: 'YAML: Map keys must be unique' }])
  })

  // `doc.toJS()` throws on an alias with no anchor (and on alias bombs, past
  // maxAliasCount); the catch-all turns it into "internal error while reading
  // this file" at line 1, instead of a YAML error at the alias's line.
  it('an unresolved alias is a YAML error at its line, not an internal error', () => {
    const text = `${head}transcript:\n- line: hi\n  who: *nobody\n---\n`
    const { problems } = parseEpisodeFile('alias.md', text)
    expect(problems).toEqual([
      { file: 'alias.md', line: 7, severity: 'error', message: expect.not.stringMatching(/^internal error/) },
    ])
  })

  it('an alias bomb is a YAML error at its line, not an internal error', () => {
    const rows = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
    ]
    const { problems } = parseEpisodeFile('bomb.md', `${head}${rows.join('\n')}\n---\n`)
    expect(problems).toHaveLength(1)
    expect(problems[0]?.message).not.toMatch(/^internal error/)
    expect(problems[0]?.line).toBeGreaterThan(1)
  })

  // yaml's "Unexpected scalar token in YAML stream: <the whole scalar>" quotes
  // the entire stray scalar (a transcript paragraph: hundreds of characters).
  it('YAML messages stay short', () => {
    const paragraph = Array.from({ length: 30 }, (_, i) => `    word${i} more words here`).join('\n')
    const { problems } = parseEpisodeFile('long.md', `---\n[a]\nline: first\n${paragraph}\n---\n`)
    expect(Math.max(...problems.map((p) => p.message.length))).toBeLessThanOrEqual(200)
  })

  // The timeline rejects a `sec` above MAX_WRITTEN_SEC as `invalid` (and a 0
  // after other lines as `zero`), but parse-episode words every rejection as
  // "out of order with the times around it (a typo?)".
  it('a sec too large to be real is not called "out of order"', () => {
    const { problems } = parseEpisodeFile('huge.md', `${head}transcript:\n- line: a\n  who: A\n  sec: 20000000\n---\n`)
    expect(problems).toHaveLength(1)
    expect(problems[0]?.message).not.toMatch(/out of order/)
  })

  // describeIssue writes zod's expected type as is: "a int", "a record".
  it('type messages use the words of the other messages ("a whole number", "a mapping")', () => {
    const season = parseEpisodeFile('s.md', `${head}season: 3.5\n---\n`).problems[0]?.message ?? ''
    const links = parseEpisodeFile('l.md', `${head}links: x\n---\n`).problems[0]?.message ?? ''
    expect(season).not.toMatch(/\ba int\b/)
    expect(links).not.toMatch(/\brecord\b/)
  })
})
