import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { badCharacter, escapeHtml, fillPage, withCsp } from './html-page.ts'

const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="Default." />
    <title>Playscript</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`
const DOLLARS = ['$$', '$`', "$'", '$&', '$1', '$<name>', '$$E = mc^2$$', '$$$']

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

describe('fillPage', () => {
  it.each(DOLLARS)('inserts %s in every slot as written', (d) => {
    const title = `Costs ${d} and more`
    const html = fillPage(withCsp(TEMPLATE, "default-src 'self'"), {
      title,
      description: `About ${d}`,
      body: `<main><p>Line ${d} here</p></main>`,
      renderedFor: `/episodes/x`,
      preload: '/data/episodes/x.json',
      head: {
        title,
        description: `About ${d}`,
        url: '/episodes/x',
        type: 'video.episode',
        siteName: 'Playscript',
        jsonLd: { name: title },
      },
    })
    expect(decode(/<title>(.*)<\/title>/.exec(html)?.[1] ?? '')).toBe(title)
    expect(decode(/<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '')).toBe(`About ${d}`)
    expect(decode(/<meta property="og:title" content="([^"]*)"/.exec(html)?.[1] ?? '')).toBe(title)
    expect(JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)?.[1] ?? 'null')).toEqual({
      name: title,
    })
    expect(html).toContain(`<p>Line ${d} here</p>`)
    for (const once of [
      '<meta http-equiv="Content-Security-Policy"',
      '<script type="module"',
      'id="root"',
      '<title>',
      '</head>',
      '<link rel="canonical"',
    ]) {
      expect(count(html, once)).toBe(1)
    }
  })

  it('links the alternates in the head, escaped', () => {
    const html = fillPage(TEMPLATE, {
      title: 't',
      description: 'd',
      body: '<main></main>',
      alternates: [
        { href: '/episodes/a/transcript.vtt', type: 'text/vtt', title: 'Captions (WebVTT)' },
        { href: '/episodes/a"b/x.json', type: 'application/json', title: 'A & B' },
      ],
    })
    const head = html.slice(0, html.indexOf('</head>'))
    expect(head).toContain(
      '<link rel="alternate" type="text/vtt" href="/episodes/a/transcript.vtt" title="Captions (WebVTT)" />',
    )
    expect(head).toContain('href="/episodes/a&quot;b/x.json" title="A &amp; B"')
  })

  it('keeps any title, description and body exactly (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (title, description, text) => {
        const body = `<p>${escapeHtml(text)}</p>`
        const html = fillPage(TEMPLATE, {
          title,
          description,
          body,
          head: { title, description, url: '/', type: 'website', siteName: 'P' },
        })
        expect(decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '')).toBe(title)
        expect(decode(/<meta property="og:description" content="([^"]*)"/.exec(html)?.[1] ?? '')).toBe(description)
        expect(html).toContain(`<div id="root">${body}</div>`)
        expect(count(html, '<script type="module"')).toBe(1)
      }),
    )
  })

  it('fails loudly when the template lacks a slot', () => {
    expect(() => fillPage('<html></html>', { title: 't', description: 'd', body: '' })).toThrow(/no <title>/)
  })
})

describe('badCharacter', () => {
  it('finds NUL, other C0 controls, DEL and lone surrogates', () => {
    expect(badCharacter('ok\t\n\r ’ → 日本 🎙')).toBeUndefined()
    expect(badCharacter('<kbd>\u0000\u0000→</kbd>')).toMatch(/^U\+0000 at character 5/)
    expect(badCharacter('a\u001bb')).toMatch(/^U\+001B/)
    expect(badCharacter('a\u007fb')).toMatch(/^U\+007F/)
    expect(badCharacter('a\ud83cb')).toMatch(/^U\+D83C/)
    expect(badCharacter('a\udf99b')).toMatch(/^U\+DF99/)
  })
})
