import { describe, expect, it } from 'vitest'
import { formatQuote, paragraphs } from './quote.ts'

const source = { title: 'DataOps & GitOps', url: 'https://x.org/episodes/a?t=10,40', range: { start: 10, end: 40 } }

describe('formatQuote', () => {
  it('writes the words with their speakers, the title, the range and the link', () => {
    const q = formatQuote(
      [
        { speaker: 'Alexey', text: 'we talk about' },
        { speaker: 'Alexey', text: 'DataOps.' },
        { speaker: 'Tomasz', text: 'Thanks <for> having me.' },
      ],
      source,
    )
    expect(q.text).toBe(
      'Alexey: “we talk about DataOps.”\nTomasz: “Thanks <for> having me.”\n\n— DataOps & GitOps (0:10–0:40)\nhttps://x.org/episodes/a?t=10,40',
    )
    expect(q.html).toBe(
      '<blockquote><p><strong>Alexey:</strong> we talk about DataOps.</p><p><strong>Tomasz:</strong> Thanks &lt;for&gt; having me.</p></blockquote>' +
        '<p>— <a href="https://x.org/episodes/a?t=10,40">DataOps &amp; GitOps</a> (0:10–0:40)</p>',
    )
  })

  it('leaves out empty parts and names no one when no speaker is known', () => {
    expect(paragraphs([{ text: '  ' }, { text: ' a\n b ' }])).toEqual([{ text: 'a b' }])
    expect(formatQuote([{ text: 'Hello.' }], source).text.split('\n')[0]).toBe('“Hello.”')
  })
})
