/**
 * A long episode for tests and benchmarks: about 4 hours and 5,000 lines, made
 * from real transcripts (the corpus, or any folder of episode files) by
 * taking their lines and chapters in turn until there are enough. The result
 * is a valid episode file: every line has a speaker, most have a written
 * `sec` spread over the whole length, one in ten has none (so starts are
 * estimated as in real files).
 *
 * `tsx bench/long-episode.ts [source-dir] [out-file]` writes it; the e2e
 * set-up and the bench call {@link makeLongEpisode}.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { dump, load } from 'js-yaml'

export const LONG_EPISODE_SLUG = 'generated-four-hour-episode'

export interface LongEpisodeOptions {
  lines?: number
  /** Total length in seconds. */
  seconds?: number
  /**
   * ROT13 every text and name: the same lengths and shapes (so the same layout work), but no
   * real words, so tests that search the other episodes find nothing extra in this one.
   */
  rot13?: boolean
}

function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base)
  })
}

interface Item {
  header?: string
  line?: string
  who?: string
}

function transcriptOf(file: string): Item[] {
  const text = readFileSync(file, 'utf8')
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)
  if (!m?.[1]) return []
  let data: unknown
  try {
    data = load(m[1])
  } catch {
    return []
  }
  const transcript = (data as { transcript?: unknown } | null)?.transcript
  if (!Array.isArray(transcript)) return []
  const items: Item[] = []
  for (const raw of transcript as unknown[]) {
    if (!raw || typeof raw !== 'object') continue
    const r = raw as Record<string, unknown>
    if (typeof r.header === 'string' && r.header.trim()) items.push({ header: r.header })
    else if (typeof r.line === 'string' && r.line.trim())
      items.push({ line: r.line, who: typeof r.who === 'string' && r.who.trim() ? r.who : undefined })
  }
  return items
}

function clock(sec: number): string {
  const h = Math.floor(sec / 3600)
  const m = Math.floor((sec % 3600) / 60)
  const s = sec % 60
  const mm = String(m).padStart(h ? 2 : 1, '0')
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`
}

/** The text of a valid episode file with `lines` lines spread over `seconds`. */
export function makeLongEpisode(sourceDir: string, options: LongEpisodeOptions = {}): string {
  const want = options.lines ?? 5000
  const mask = options.rot13 ? rot13 : (t: string) => t
  const seconds = options.seconds ?? 4 * 3600
  const files = readdirSync(sourceDir)
    .filter((n) => n.endsWith('.md') && !n.startsWith('_'))
    .sort()
  const lines: Item[] = []
  const picked: Item[] = []
  let lineCount = 0
  for (let round = 0; lineCount < want; round++) {
    let added = 0
    for (const name of files) {
      for (const item of transcriptOf(path.join(sourceDir, name))) {
        if (lineCount >= want) break
        if (item.line !== undefined) {
          lineCount++
          added++
          lines.push(item)
        }
        picked.push(item)
      }
      if (lineCount >= want) break
    }
    if (added === 0) throw new Error(`no transcript lines in ${sourceDir}`)
    if (round > 1000) break
  }
  // Starts in proportion to text length, over the whole length, from 1:40 as the podcast does.
  const total = lines.reduce((n, l) => n + (l.line?.length ?? 0), 0)
  const first = 100
  let at = 0
  let k = 0
  let speaker = 'Alexey'
  const transcript: Record<string, string | number>[] = []
  for (const item of picked) {
    if (item.header !== undefined) {
      transcript.push({ header: mask(item.header) })
      continue
    }
    const sec = Math.floor(first + ((seconds - first - 60) * at) / total)
    at += item.line?.length ?? 0
    speaker = item.who ?? speaker
    const entry: Record<string, string | number> = { line: mask(item.line ?? '') }
    // One line in ten has no written time, as in real files.
    if (k % 10 !== 7) {
      entry.sec = sec
      entry.time = clock(sec)
    }
    entry.who = mask(speaker)
    transcript.push(entry)
    k++
  }
  const front = {
    title: 'A Four-Hour Episode: Every Conversation, Back to Back',
    short: 'Four hours',
    season: 99,
    episode: 1,
    guests: [],
    ids: { youtube: 'lem7knxqNzg' },
    dateadded: '2020-01-01',
    // Stated five minutes short of the last line, as in most real files (the clock must still reach it).
    duration: `PT${Math.floor((seconds - 300) / 3600)}H${Math.floor(((seconds - 300) % 3600) / 60)}M`,
    description: `A generated episode of ${want} lines over ${clock(seconds)}, made from real transcripts, for testing long episodes.`,
    transcript,
  }
  return `---\n${dump(front, { lineWidth: 100 })}---\n\nA generated episode for tests and benchmarks.\n`
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const source = process.argv[2] ?? process.env.PLAYSCRIPT_CORPUS ?? '../shared/corpus'
  const out = process.argv[3] ?? `${LONG_EPISODE_SLUG}.md`
  writeFileSync(out, makeLongEpisode(source))
  console.log(`wrote ${out}`)
}
