import { describeFailure, type FailureKind } from '../lib/load/failure.ts'

export interface LoadNoticeProps {
  /** What could not be loaded, as the listener would say it ("this episode", "the episode list"). */
  what: string
  kind: FailureKind
  /** A short heading, when the page has none saying it already. */
  title?: string
  /** Added after what happened (e.g. what still works). */
  note?: string
  onRetry(): void
}

/** A failed download: what happened in plain words, and a Retry that really loads again. */
export function LoadNotice({ what, kind, title, note, onRetry }: LoadNoticeProps) {
  return (
    <div className="load-notice" role="alert">
      {title ? (
        <p className="load-notice-title">
          <strong>{title}</strong>
        </p>
      ) : null}
      <p>
        {describeFailure(kind, what)}
        {note ? ` ${note}` : null}
      </p>
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  )
}
