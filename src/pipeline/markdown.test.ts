import { describe, expect, it } from 'vitest'
import { renderMarkdown } from './markdown.ts'

describe('renderMarkdown', () => {
  it('turns a kramdown target list into a new-tab link, never literal text', () => {
    const html = renderMarkdown('* [Terminal setup](https://www.youtube.com/watch?v=D2PSsnqgBiw){:target="_blank"}')
    expect(html).toContain(
      '<a href="https://www.youtube.com/watch?v=D2PSsnqgBiw" target="_blank" rel="noopener noreferrer">Terminal setup</a>',
    )
    expect(html).not.toContain('{:')
  })

  it('drops other attribute lists and block-level lists', () => {
    const html = renderMarkdown('Some text{: .note}\n\n{: #id}\n\nNext')
    expect(html).not.toContain('{:')
    expect(html).toBe('<p>Some text</p>\n<p>Next</p>')
  })

  it('escapes raw HTML', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;')
  })

  it('neutralises javascript: and data: links, keeps http, mailto and relative ones', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('href')
    expect(renderMarkdown('[x](JaVaScRiPt:alert(1))')).not.toContain('href')
    expect(renderMarkdown('[x](data:text/html;base64,xx)')).not.toContain('href')
    expect(renderMarkdown('[x](mailto:a@b.c)')).toContain('href="mailto:a@b.c"')
    expect(renderMarkdown('[x](/episodes/a)')).toContain('href="/episodes/a"')
  })

  it('renders an empty body as an empty string', () => {
    expect(renderMarkdown('\n\n')).toBe('')
  })

  it('treats a protocol-relative link as external', () => {
    expect(renderMarkdown('[x](//evil.example/x) and [y](//evil.example/y){:target="_blank"}')).toBe(
      '<p><a href="//evil.example/x" rel="noopener noreferrer">x</a> and <a href="//evil.example/y" target="_blank" rel="noopener noreferrer">y</a></p>',
    )
    expect(renderMarkdown('[here](/episodes/a) [top](#top)')).not.toContain('rel=')
  })
})
