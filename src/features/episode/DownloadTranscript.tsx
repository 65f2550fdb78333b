import { useEffect, useId, useRef, useState } from 'react'

export interface DownloadFile {
  href: string
  /** The file's name when saved (`<slug>.transcript.vtt`). */
  download: string
  label: string
  type: string
}

/**
 * "Download transcript": a disclosure button and the list of the transcript's export files,
 * each a real link with a `download` name. Escape or a click elsewhere closes the list.
 */
export function DownloadTranscript({ files }: { files: readonly DownloadFile[] }) {
  const [open, setOpen] = useState(false)
  const listId = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      // Esc closes the list before anything else on the page reacts (it also clears a search).
      e.stopPropagation()
      setOpen(false)
      button.current?.focus()
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey, true)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey, true)
    }
  }, [open])

  if (files.length === 0) return null
  return (
    <div className="download-menu needs-js" ref={root}>
      <button
        ref={button}
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        Download transcript
      </button>
      <ul id={listId} className="download-list" hidden={!open}>
        {files.map((f) => (
          <li key={f.href}>
            <a href={f.href} download={f.download} type={f.type}>
              {f.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
