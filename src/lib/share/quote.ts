/**
 * A quote as it is copied: the words with their speakers, the episode's title, the range and
 * the link, as plain text and as HTML (pasted into a mail or a document, it keeps its form).
 */
import { formatRange, type TimeRange } from '../time/time-range.ts'

/** The id of the label of the quote marked on an episode page: each quoted line is described by it. */
export const QUOTE_LABEL_ID = 'quote-label'

/** Words from one line (all of it, or the part selected). */
export interface QuotePart {
  speaker?: string
  text: string
}

export interface QuoteSource {
  title: string
  /** The absolute link that plays the quote. */
  url: string
  range: TimeRange
}

export interface FormattedQuote {
  text: string
  html: string
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** Consecutive parts of one speaker become one paragraph; empty parts are left out. */
export function paragraphs(parts: readonly QuotePart[]): QuotePart[] {
  const out: QuotePart[] = []
  for (const p of parts) {
    const text = p.text.replace(/\s+/g, ' ').trim()
    if (!text) continue
    const prev = out[out.length - 1]
    if (prev && prev.speaker === p.speaker) prev.text = `${prev.text} ${text}`
    else out.push({ ...(p.speaker ? { speaker: p.speaker } : {}), text })
  }
  return out
}

export function formatQuote(parts: readonly QuotePart[], source: QuoteSource): FormattedQuote {
  const paras = paragraphs(parts)
  const when = formatRange(source.range)
  const text = [
    ...paras.map((p) => `${p.speaker ? `${p.speaker}: ` : ''}“${p.text}”`),
    '',
    `— ${source.title} (${when})`,
    source.url,
  ].join('\n')
  const html =
    `<blockquote>${paras
      .map((p) => `<p>${p.speaker ? `<strong>${escapeHtml(p.speaker)}:</strong> ` : ''}${escapeHtml(p.text)}</p>`)
      .join('')}</blockquote>` +
    `<p>— <a href="${escapeHtml(source.url)}">${escapeHtml(source.title)}</a> (${escapeHtml(when)})</p>`
  return { text, html }
}
