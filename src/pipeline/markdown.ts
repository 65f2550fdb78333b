/**
 * Renders an episode's Markdown body to safe HTML at build time.
 *
 * - Raw HTML in the source is escaped, never passed through (`html: false`).
 * - Only http(s), mailto, relative and fragment links survive; `javascript:`,
 *   `data:` and other schemes are left as plain text.
 * - Kramdown inline attribute lists (`[x](url){:target="_blank"}`) become
 *   attributes on the link instead of literal text; any other `{: ...}` list is
 *   dropped. Only `target="_blank"` is honoured, and it brings
 *   `rel="noopener noreferrer"` with it.
 * - Every absolute or protocol-relative (`//host/x`) link carries `rel="noopener noreferrer"`.
 */
import MarkdownIt, { type Token } from 'markdown-it'

const SAFE_SCHEME = /^(https?:|mailto:)/i
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i
/** `{: ...}` or `{:...}` at the start of a text run. */
const IAL = /^\{:([^}\n]*)\}/
const IAL_ANYWHERE = /\{:[^}\n]*\}/g

function isSafeUrl(url: string): boolean {
  // Control characters and whitespace can hide a scheme (`java\tscript:`).
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '')
  if (SAFE_SCHEME.test(compact)) return true
  return !HAS_SCHEME.test(compact)
}

function parseAttributes(list: string): Map<string, string> {
  const attrs = new Map<string, string>()
  for (const m of list.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)'|(\S+))/g)) {
    const name = m[1]
    if (name) attrs.set(name.toLowerCase(), m[3] ?? m[4] ?? m[5] ?? '')
  }
  return attrs
}

function applyIal(children: Token[]): void {
  for (let i = 0; i < children.length; i++) {
    const tok = children[i]
    if (!tok || tok.type !== 'text') continue
    const m = IAL.exec(tok.content)
    if (!m) continue
    const prev = children[i - 1]
    if (prev?.type === 'link_close') {
      // Find the matching link_open.
      for (let j = i - 1; j >= 0; j--) {
        const open = children[j]
        if (open?.type === 'link_open') {
          const attrs = parseAttributes(m[1] ?? '')
          if (attrs.get('target') === '_blank') open.attrSet('target', '_blank')
          break
        }
      }
    }
    tok.content = tok.content.slice(m[0].length)
  }
  for (const tok of children) {
    if (tok.type === 'text') tok.content = tok.content.replace(IAL_ANYWHERE, '')
  }
}

function createRenderer(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false })
  md.validateLink = isSafeUrl
  md.core.ruler.push('kramdown_ial', (state) => {
    const tokens = state.tokens
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i]
      if (tok?.type !== 'inline' || !tok.children) continue
      applyIal(tok.children)
      // A paragraph that held only an attribute list is now empty: drop it.
      if (tok.children.every((c) => (c.type === 'text' && c.content.trim() === '') || c.type === 'softbreak')) {
        const open = tokens[i - 1]
        const close = tokens[i + 1]
        if (open?.type === 'paragraph_open' && close?.type === 'paragraph_close') {
          tokens.splice(i - 1, 3)
          i -= 2
        }
      }
    }
  })
  md.core.ruler.push('external_links', (state) => {
    for (const tok of state.tokens) {
      for (const child of tok.children ?? []) {
        if (child.type !== 'link_open') continue
        const href = String(child.attrGet('href') ?? '')
        // Protocol-relative `//host/path` leaves the site as surely as `https://host/path`.
        if (/^(https?:)?\/\//i.test(href)) child.attrSet('rel', 'noopener noreferrer')
      }
    }
  })
  return md
}

let renderer: InstanceType<typeof MarkdownIt> | undefined

export function renderMarkdown(source: string): string {
  renderer ??= createRenderer()
  return renderer.render(source).trim()
}
