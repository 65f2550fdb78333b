import { formatTime } from '../../lib/time/time.ts'
import { usePlayback } from '../../playback/playback-store.ts'

export interface ResumeOfferProps {
  /** The time the listener left the episode at. */
  at: number
  onDone(): void
}

/** "You left off at 15:01": one click goes back there; the offer goes away once used or dismissed. */
export function ResumeOffer({ at, onDone }: ResumeOfferProps) {
  const label = formatTime(at)
  return (
    <div className="resume-offer" role="status">
      <span>You left off at {label}.</span>
      <button
        type="button"
        className="resume-button"
        onClick={() => {
          usePlayback.getState().requestSeek(at, { play: true })
          onDone()
        }}
      >
        Resume at {label}
      </button>
      <button type="button" className="link-button" onClick={onDone} aria-label="Dismiss: start from the beginning">
        Dismiss
      </button>
    </div>
  )
}
