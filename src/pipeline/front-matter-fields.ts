/**
 * Reading the front matter's fields beyond what the schema checks: text cleaned of control and
 * invisible characters, links, guests' spoken names, dates and durations. Each problem is reported
 * and the field is left out, never a reason to refuse the file.
 */
import type { EpisodeLink } from '../lib/episode/types.ts'
import { parseIsoDuration } from '../lib/time/time.ts'
import { foldWord } from '../lib/search/normalize.ts'
import { cleanText } from './clean-text.ts'
import { fieldName, typeName, type Reporter } from './reporter.ts'
import type { FrontMatter } from './schema.ts'

const LINK_ORDER = ['youtube', 'spotify', 'apple', 'anchor']
const DATE = /^\d{4}-\d{2}-\d{2}$/

export function readLinks(raw: FrontMatter['links'], r: Reporter): EpisodeLink[] {
  const links: EpisodeLink[] = []
  for (const [kind, url] of Object.entries(raw ?? {})) {
    if (typeof url === 'string' && /^https?:\/\/\S+$/i.test(url.trim())) links.push({ kind, url: url.trim() })
    else r.warn(['links', kind], `links.${kind} is not an http(s) URL (${typeName(url)}); the link is left out`)
  }
  const rank = (k: string) => (LINK_ORDER.includes(k) ? LINK_ORDER.indexOf(k) : LINK_ORDER.length)
  return links.sort((a, b) => rank(a.kind) - rank(b.kind))
}

/** The spoken name matching a guest id (`tomaszhinc` → `Tomasz`), else a readable form of the id. */
export function guestName(id: string, speakers: readonly string[]): string {
  const key = foldWord(id)
  const spoken = speakers.find((s) => {
    const first = foldWord(s.split(/\s+/)[0] ?? '')
    return first.length >= 3 && key.startsWith(first)
  })
  return spoken ?? id
}

/** Fields whose text is a title or a name: invisible characters are removed from them too. */
function isNameField(path: readonly (string | number)[]): boolean {
  const [top, , field] = path
  return (
    top === 'title' ||
    top === 'short' ||
    top === 'guests' ||
    (top === 'transcript' && (field === 'who' || field === 'header'))
  )
}

/** Removes control characters, bidi overrides and (in names) invisible characters from every text of the front matter. */
export function cleanStrings(value: unknown, path: (string | number)[], r: Reporter): unknown {
  if (typeof value === 'string') {
    const cleaned = cleanText(value, { name: isNameField(path) })
    if (cleaned.removed.length) r.warn(path, `${fieldName(path)} contains ${cleaned.removed.join(' and ')}: removed`)
    return cleaned.text
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = cleanStrings(value[i], [...path, i], r)
    return value
  }
  if (value !== null && typeof value === 'object') {
    const rec = value as Record<string, unknown>
    for (const key of Object.keys(rec)) rec[key] = cleanStrings(rec[key], [...path, key], r)
    return rec
  }
  return value
}

/** The Markdown body without control characters and bidi overrides, each removal reported at its line. */
export function cleanBody(body: string, bodyLine: number, r: Reporter): string {
  const lines = body.split('\n')
  return lines
    .map((line, i) => {
      const cleaned = cleanText(line)
      if (cleaned.removed.length)
        r.at(bodyLine + i, 'warning', `the body contains ${cleaned.removed.join(' and ')}: removed`)
      return cleaned.text
    })
    .join('\n')
}

/** The episode's date: `dateadded`, else `date`, when written like 2022-05-27. */
export function readDate(fm: Pick<FrontMatter, 'dateadded' | 'date'>, r: Reporter): string | undefined {
  for (const key of ['dateadded', 'date'] as const) {
    const v = fm[key]
    if (!v) continue
    if (DATE.test(v.trim())) return v.trim()
    r.warn([key], `${key} ${JSON.stringify(v)} is not a date like 2022-05-27; left out`)
  }
  return undefined
}

/** The stated `duration` (ISO 8601) in seconds, or undefined when absent or unreadable (reported). */
export function readDuration(duration: string | null | undefined, r: Reporter): number | undefined {
  if (!duration) return undefined
  const sec = parseIsoDuration(duration)
  if (sec === undefined)
    r.warn(['duration'], `duration ${JSON.stringify(duration)} is not an ISO 8601 duration like PT01H05M09S; left out`)
  return sec
}
