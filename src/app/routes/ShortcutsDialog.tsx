import type { Ref } from 'react'
import { SHORTCUTS } from './use-episode-shortcuts.ts'

export function ShortcutsDialog({ ref }: { ref: Ref<HTMLDialogElement> }) {
  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby="shortcuts-heading" closedby="any">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map((s) => (
          <div key={s.action}>
            <dt>
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 ? ' or ' : null}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{s.action}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  )
}
