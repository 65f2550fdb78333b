/**
 * Checks a built site's HTML byte for byte against the episode data it was built from:
 * valid UTF-8, no control characters, each template slot once, and the title, description,
 * Open Graph tags, JSON-LD and every line's text exactly as in the data.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { EpisodeData } from '../../src/lib/episode/types.ts'
import { badCharacter, clip } from '../../src/pipeline/html-page.ts'

export async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...(await htmlFiles(p)))
    else if (e.name.endsWith('.html')) out.push(p)
  }
  return out.sort()
}

/** Attribute and text values as the browser reads them. */
export function decodeHtml(s: string): string {
  return s.replace(
    /&(lt|gt|quot|amp|#39|#x27|#(\d+)|#x([0-9a-f]+));/gi,
    (m, name: string, dec?: string, hex?: string) => {
      if (dec) return String.fromCodePoint(Number(dec))
      if (hex) return String.fromCodePoint(parseInt(hex, 16))
      return (
        ({ lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'", '#x27': "'" } as Record<string, string>)[
          name.toLowerCase()
        ] ?? m
      )
    },
  )
}

/** Text as React writes it into HTML. */
export function reactEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;')
}

const count = (s: string, needle: string) => s.split(needle).length - 1

/** Problems with one HTML file, as readable strings (empty when it is right). */
export async function checkHtmlFile(dist: string, file: string): Promise<string[]> {
  const rel = path.relative(dist, file)
  const bytes = await readFile(file)
  let html: string
  try {
    html = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return [`${rel}: not valid UTF-8`]
  }
  const problems: string[] = []
  const bad = badCharacter(html)
  if (bad) problems.push(`${rel}: ${bad}`)
  for (const once of [
    '<title>',
    '<meta http-equiv="Content-Security-Policy"',
    '<script type="module"',
    'id="root"',
    '</head>',
  ]) {
    if (count(html, once) !== 1) problems.push(`${rel}: ${count(html, once)} × ${once}`)
  }
  if (count(html, 'application/ld+json') > 1)
    problems.push(`${rel}: ${count(html, 'application/ld+json')} JSON-LD scripts`)
  const m = /^episodes\/([^/]+)\/index\.html$/.exec(rel.split(path.sep).join('/'))
  if (!m?.[1]) return problems
  const data = JSON.parse(await readFile(path.join(dist, 'data', 'episodes', `${m[1]}.json`), 'utf8')) as EpisodeData
  const meta = data.meta
  const attr = (re: RegExp) => decodeHtml(re.exec(html)?.[1] ?? '\u0000missing')
  const expect = (what: string, got: string, want: string) => {
    if (got !== want)
      problems.push(
        `${rel}: ${what} is ${JSON.stringify(got.slice(0, 80))}, expected ${JSON.stringify(want.slice(0, 80))}`,
      )
  }
  expect('<title>', attr(/<title>([^<]*)<\/title>/), `${meta.title} · Playscript`)
  expect('og:title', attr(/<meta property="og:title" content="([^"]*)"/), meta.title)
  expect('twitter:title', attr(/<meta name="twitter:title" content="([^"]*)"/), meta.title)
  const description = clip(meta.description ?? data.intro ?? `${meta.title}: the episode with its transcript.`)
  expect('description', attr(/<meta name="description" content="([^"]*)"/), description)
  expect('og:description', attr(/<meta property="og:description" content="([^"]*)"/), description)
  let ld: { name?: string; description?: string } = {}
  try {
    ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null') as typeof ld
  } catch {
    problems.push(`${rel}: JSON-LD is not valid JSON`)
  }
  expect('JSON-LD name', ld?.name ?? '', meta.title)
  if (meta.description) expect('JSON-LD description', ld?.description ?? '', meta.description)
  const missing = data.timeline.lines.filter((l) => !html.includes(reactEscape(l.text)))
  if (missing.length)
    problems.push(
      `${rel}: ${missing.length} line(s) not in the page as written, first: ${JSON.stringify(missing[0]?.text.slice(0, 80))}`,
    )
  return problems
}

/** Internal link targets of a page (`href` of links and of `<link>` tags), as absolute URLs. */
export function internalLinks(html: string, pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin
  const out = new Set<string>()
  for (const m of html.matchAll(/<(?:a|link)\s[^>]*?href="([^"]*)"/g)) {
    const href = decodeHtml(m[1] ?? '')
    if (!href || href.startsWith('#') || (/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith(origin))) continue
    const url = new URL(href, pageUrl)
    if (url.origin !== origin) continue
    url.hash = ''
    out.add(url.href)
  }
  return [...out].sort()
}
