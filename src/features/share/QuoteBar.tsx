import { QUOTE_LABEL_ID } from '../../lib/share/quote.ts'
import { formatRange } from '../../lib/time/time-range.ts'
import { usePlayback } from '../../playback/playback-store.ts'

export interface QuoteBarProps {
  onCopyLink(): void
  onCopyQuote(): void
}

/**
 * The quote marked on the page (opened from a range link, a key moment, or marked with keys):
 * its range, "Play quote" (plays it and pauses once at its end), "Continue" once it paused
 * there, copying it, and clearing it.
 */
export function QuoteBar({ onCopyLink, onCopyQuote }: QuoteBarProps) {
  const quote = usePlayback((s) => s.quote)
  const ended = usePlayback((s) => s.quoteEnded)
  const lines = usePlayback((s) => (s.quoteLast >= 0 ? s.quoteLast - s.quoteFirst + 1 : 0))
  if (!quote) return null
  const store = usePlayback.getState
  return (
    <section className="quote-bar" aria-labelledby={QUOTE_LABEL_ID}>
      <p id={QUOTE_LABEL_ID} className="quote-label">
        <strong>Quote</strong> {formatRange(quote)}
        {lines ? <span className="muted"> · {lines === 1 ? '1 line' : `${lines} lines`}</span> : null}
      </p>
      <div className="quote-actions">
        <button type="button" className="quote-play" onClick={() => store().playQuote()}>
          ▶ Play quote
        </button>
        {ended ? (
          <button type="button" onClick={() => store().continuePlaying()}>
            Continue
          </button>
        ) : null}
        <button type="button" onClick={onCopyLink}>
          Copy link
        </button>
        <button type="button" onClick={onCopyQuote}>
          Copy quote
        </button>
      </div>
      <button
        type="button"
        className="link-button quote-clear"
        aria-label="Clear the quote"
        onClick={() => store().setQuote(null)}
      >
        Clear
      </button>
    </section>
  )
}
