/**
 * Fills the built `index.html` with one prerendered page: its title,
 * description, head tags (canonical, Open Graph, Twitter, JSON-LD) and the
 * rendered body. Every value is inserted as written: no `$` patterns of
 * `String.replace` are ever interpreted, and each template slot is filled once.
 */

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** JSON inside a <script> element: no `</script>`, no `<!--`. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** Text cut to `max` characters at a word boundary, with an ellipsis. */
export function clip(text: string, max = 200): string {
  const t = text.replace(/\s+/g, ' ').trim()
  return t.length <= max ? t : `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`
}

export interface Head {
  title: string
  description: string
  /** The page's URL (absolute with SITE_URL). */
  url: string
  image?: string
  type: 'website' | 'video.episode'
  jsonLd?: unknown
  siteName: string
}

export function headTags(h: Head): string {
  const tags = [
    `<link rel="canonical" href="${escapeHtml(h.url)}" />`,
    `<meta property="og:site_name" content="${escapeHtml(h.siteName)}" />`,
    `<meta property="og:type" content="${h.type}" />`,
    `<meta property="og:title" content="${escapeHtml(h.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(h.description)}" />`,
    `<meta property="og:url" content="${escapeHtml(h.url)}" />`,
    `<meta name="twitter:card" content="${h.image ? 'summary_large_image' : 'summary'}" />`,
    `<meta name="twitter:title" content="${escapeHtml(h.title)}" />`,
    `<meta name="twitter:description" content="${escapeHtml(h.description)}" />`,
  ]
  if (h.image)
    tags.push(
      `<meta property="og:image" content="${escapeHtml(h.image)}" />`,
      `<meta name="twitter:image" content="${escapeHtml(h.image)}" />`,
    )
  if (h.jsonLd) tags.push(`<script type="application/ld+json">${jsonForScript(h.jsonLd)}</script>`)
  return tags.join('\n    ')
}

/** Replaces the first match of `pattern` in `html` with `value`, literally; throws when the template lacks it. */
function fill(html: string, pattern: string | RegExp, value: string, what: string): string {
  const at =
    typeof pattern === 'string'
      ? { index: html.indexOf(pattern), length: pattern.length }
      : ((m) => ({ index: m?.index ?? -1, length: m?.[0].length ?? 0 }))(pattern.exec(html))
  if (at.index < 0) throw new Error(`the page template (dist/index.html) has no ${what}`)
  return html.slice(0, at.index) + value + html.slice(at.index + at.length)
}

export interface PageOptions {
  title: string
  description: string
  /** The rendered HTML of the app at this page. */
  body: string
  head?: Head
  /** The app path the body was rendered for (hydration checks it). */
  renderedFor?: string
  /** A data file to preload with the page. */
  preload?: string
  /** Other forms of the page's content (`<link rel="alternate">`): the transcript's export files. */
  alternates?: readonly { href: string; type: string; title: string }[]
}

/** The template filled for one page. */
export function fillPage(template: string, opts: PageOptions): string {
  let html = template
  html = fill(html, /<title>[^<]*<\/title>/, `<title>${escapeHtml(opts.title)}</title>`, '<title>')
  html = fill(
    html,
    /<meta name="description" content="[^"]*" \/>/,
    `<meta name="description" content="${escapeHtml(opts.description)}" />`,
    'description meta tag',
  )
  // Head tags go in before the body is inserted, so that nothing in the body can be taken for a slot.
  const extra: string[] = []
  if (opts.head) extra.push(headTags(opts.head))
  // The episode's data starts downloading with the page, not after the scripts.
  if (opts.preload)
    extra.push(
      `<link rel="preload" href="${escapeHtml(opts.preload)}" as="fetch" type="application/json" crossorigin="anonymous" />`,
    )
  for (const a of opts.alternates ?? [])
    extra.push(
      `<link rel="alternate" type="${escapeHtml(a.type)}" href="${escapeHtml(a.href)}" title="${escapeHtml(a.title)}" />`,
    )
  if (extra.length) html = fill(html, '</head>', `    ${extra.join('\n    ')}\n  </head>`, '</head>')
  html = fill(
    html,
    '<div id="root"></div>',
    `<div id="root"${opts.renderedFor ? ` data-path="${escapeHtml(opts.renderedFor)}"` : ''}>${opts.body}</div>`,
    '<div id="root"></div>',
  )
  return html
}

/** Adds the Content-Security-Policy meta tag right after the charset. */
export function withCsp(template: string, policy: string): string {
  return fill(
    template,
    '<meta charset="UTF-8" />',
    `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
    'charset meta tag',
  )
}

/**
 * What a published page must never contain: C0 control characters other than tab, line feed
 * and carriage return (NUL included), DEL, and lone surrogates (not UTF-8 when written).
 * Returns a description of the first one found, or undefined.
 */
export function badCharacter(html: string): string | undefined {
  const m =
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(
      html,
    )
  if (!m) return undefined
  const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
  return `U+${code} at character ${m.index}: …${JSON.stringify(html.slice(Math.max(0, m.index - 40), m.index + 10))}…`
}
