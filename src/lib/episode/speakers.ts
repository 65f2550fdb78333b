import type { TimedLine } from './types.ts'

export interface SpeakerCount {
  name: string
  /** Lines of this speaker. */
  count: number
}

/** The speakers of a transcript with their line counts, most lines first (ties by name). */
export function countSpeakers(lines: readonly TimedLine[]): SpeakerCount[] {
  const counts = new Map<string, number>()
  for (const l of lines) if (l.speaker !== undefined) counts.set(l.speaker, (counts.get(l.speaker) ?? 0) + 1)
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
}
