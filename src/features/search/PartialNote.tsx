import { withoutLabel } from '../../lib/search/partial.ts'

/** Says that the results lack some typed words ("results without “foo”"), when they do. */
export function PartialNote({ words, perLine }: { words: readonly string[]; perLine: readonly (readonly string[])[] }) {
  const label = withoutLabel(words, perLine)
  return label ? <p className="muted search-partial">{label}</p> : null
}
