import type { Range } from '../lib/search/highlight.ts'

/** Text with the given `[start, end)` ranges wrapped in <mark>. */
export function Highlighted({ text, ranges }: { text: string; ranges?: readonly Range[] }) {
  if (!ranges || ranges.length === 0) return <>{text}</>
  const parts: React.ReactNode[] = []
  let at = 0
  ranges.forEach(([s, e], i) => {
    if (s > at) parts.push(text.slice(at, s))
    parts.push(<mark key={i}>{text.slice(s, e)}</mark>)
    at = e
  })
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}
