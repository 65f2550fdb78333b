/**
 * A page rendered to static HTML is exactly the text React renders: no bytes
 * added where a multi-byte character meets a stream buffer's edge (react#31134).
 */
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { renderStatic } from './render-static.tsx'

function list(texts: readonly string[]) {
  return createElement('ul', null, ...texts.map((t, i) => createElement('li', { key: i }, t)))
}

describe('renderStatic', () => {
  it('writes no NUL byte before multi-byte characters that straddle a buffer edge', async () => {
    // Short chunks with 2-, 3- and 4-byte characters at every offset of the stream's buffer.
    const texts = Array.from({ length: 600 }, (_, i) => `${'a'.repeat(i % 7)}’ “x” – → é 日本 🎙${'b'.repeat(i % 5)}`)
    const html = await renderStatic(list(texts))
    expect(html.split('\u0000').length - 1).toBe(0)
    for (const t of texts.slice(0, 20)) expect(html).toContain(`<li>${t}</li>`)
    expect(html.match(/<li>/g)?.length).toBe(600)
  })

  it('keeps long texts whole', async () => {
    const long = '→'.repeat(5000)
    expect(await renderStatic(list([long]))).toBe(`<ul><li>${long}</li></ul>`)
  })

  it('fails with the error a component throws', async () => {
    function Broken(): never {
      throw new Error('boom')
    }
    await expect(renderStatic(createElement(Broken))).rejects.toThrow(/boom/)
  })
})
