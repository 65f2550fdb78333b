/**
 * Copying a quote from an episode page: its link (`?t=START,END`) and its words (with speakers,
 * the title and the link, as text and HTML), each confirmed in the toast.
 */
import { absoluteAppUrl, copyRich, copyText } from '../../components/share.ts'
import { useToast } from '../../components/Toast.tsx'
import type { EpisodeMeta, Timeline } from '../../lib/episode/types.ts'
import { formatQuote, type QuotePart } from '../../lib/share/quote.ts'
import { formatRange, type TimeRange } from '../../lib/time/time-range.ts'
import { linesInRange, rangeOfLines } from '../../lib/timeline/line-ranges.ts'
import { episodePath } from '../../lib/url/episode-url.ts'
import { usePlayback } from '../../playback/playback-store.ts'

/** The absolute link that plays `range` on the episode's page. */
export function quoteUrl(slug: string, range: TimeRange): string {
  return absoluteAppUrl(episodePath(slug, { range }))
}

export async function copyQuoteLink(slug: string, range: TimeRange): Promise<void> {
  const url = quoteUrl(slug, range)
  const ok = await copyText(url)
  const what = `the quote ${formatRange(range)}`
  useToast
    .getState()
    .show(ok ? `Copied the link to ${what}: ${url}` : `Copying is blocked here. The link to ${what} is ${url}`)
}

/** The whole lines a range covers, as quote parts. */
export function partsOfRange(timeline: Timeline, range: TimeRange): QuotePart[] {
  const span = linesInRange(timeline, range)
  if (!span) return []
  return timeline.lines
    .slice(span.first, span.last + 1)
    .map((l) => ({ ...(l.speaker ? { speaker: l.speaker } : {}), text: l.text }))
}

export async function copyQuoteWords(meta: EpisodeMeta, range: TimeRange, parts: readonly QuotePart[]): Promise<void> {
  const url = quoteUrl(meta.slug, range)
  const quote = formatQuote(parts, { title: meta.title, url, range })
  const ok = await copyRich(quote.text, quote.html)
  useToast
    .getState()
    .show(
      ok
        ? `Copied the quote ${formatRange(range)} with its link`
        : `Copying is blocked here. The link to the quote is ${url}`,
    )
}

/**
 * Marks the start (`[`) or the end (`]`) of a quote at line `index`, keeping the other end of the
 * quote already marked when it still makes a quote (else the quote is that line alone).
 */
export function markQuoteEdge(timeline: Timeline, edge: 'start' | 'end', index: number, length: number): void {
  if (!timeline.lines[index]) return
  const { quoteFirst, quoteLast, quote, setQuote } = usePlayback.getState()
  const has = quote !== null && quoteFirst >= 0
  const first = edge === 'start' ? index : has && quoteFirst <= index ? quoteFirst : index
  const last = edge === 'end' ? index : has && quoteLast >= index ? quoteLast : index
  const range = rangeOfLines(timeline, first, last, length)
  setQuote(range)
  const n = last - first + 1
  useToast
    .getState()
    .show(
      `Quote ${formatRange(range)} (${n === 1 ? '1 line' : `${n} lines`}) marked: ${edge === 'start' ? 'press ] on its last line to end it' : 'Copy link or Copy quote shares it'}`,
    )
}
