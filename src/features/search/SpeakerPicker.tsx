import { useEffect, useId, useState } from 'react'
import type Fuse from 'fuse.js'
import type { FuseResult } from 'fuse.js'
import { countOf } from '../../lib/labels/count.ts'

export interface SpeakerPickerProps {
  /** All speaker names with how often they speak, most first. */
  speakers: readonly { name: string; lines: number; episodes: number }[]
  chosen: readonly string[]
  onChange(chosen: string[]): void
}

type NameIndex = Fuse<{ name: string }>

/**
 * Filter by speaker across episodes: type part of a name, misspelt or not
 * (fuse.js matches names fuzzily), and pick from the suggestions.
 */
export function SpeakerPicker({ speakers, chosen, onChange }: SpeakerPickerProps) {
  const [text, setText] = useState('')
  const [fuse, setFuse] = useState<NameIndex | null>(null)
  const id = useId()
  const [wanted, setWanted] = useState(false)

  // fuse.js loads with the first use of the field, not with the page.
  useEffect(() => {
    if (!wanted || speakers.length === 0) return
    let live = true
    void import('fuse.js').then(({ default: FuseClass }) => {
      if (live)
        setFuse(
          new FuseClass(
            speakers.map((s) => ({ name: s.name })),
            { keys: ['name'], threshold: 0.35, ignoreLocation: true },
          ),
        )
    })
    return () => {
      live = false
    }
  }, [speakers, wanted])

  const suggestions =
    text.trim() && fuse
      ? fuse
          .search(text.trim(), { limit: 8 })
          .map((r: FuseResult<{ name: string }>) => r.item.name)
          .filter((n) => !chosen.includes(n))
      : []
  const episodesOf = (name: string) => speakers.find((s) => s.name === name)?.episodes ?? 0

  return (
    <div className="speaker-picker">
      <label className="field">
        <span>Said by</span>
        <input
          type="text"
          value={text}
          placeholder="Speaker name"
          aria-describedby={`${id}-hint`}
          onFocus={() => setWanted(true)}
          onChange={(e) => {
            setWanted(true)
            setText(e.target.value)
          }}
        />
      </label>
      <span id={`${id}-hint`} className="visually-hidden">
        Type a name, then choose it from the suggestions.
      </span>
      {suggestions.length ? (
        <ul className="suggestions" aria-label="Speaker suggestions">
          {suggestions.map((name) => (
            <li key={name}>
              <button
                type="button"
                onClick={() => {
                  onChange([...chosen, name])
                  setText('')
                }}
              >
                {name} <span className="muted">({countOf(episodesOf(name), 'episode')})</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {chosen.length ? (
        <ul className="chips" aria-label="Chosen speakers">
          {chosen.map((name) => (
            <li key={name}>
              <button
                type="button"
                aria-label={`Remove ${name}`}
                onClick={() => onChange(chosen.filter((c) => c !== name))}
              >
                {name} ✕
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
