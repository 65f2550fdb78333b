/**
 * Caption and transcript files beside an episode file (build time, Node only): `<name>.vtt`,
 * `<name>.srt` or `<name>.json` (a Podcasting 2.0 transcript), and `<name>.chapters.json`
 * (Podcasting 2.0 chapters), read into the same transcript items as a YAML `transcript:`.
 * Never throws: every problem is a `Problem` at a line of the sidecar file.
 *
 * WebVTT is read by `webvtt-parser` (w3c/webvtt.js, the W3C validator's parser): it follows
 * the specification (BOM, CR/LF, cue settings, multi-line cues, NOTE and STYLE blocks, voice
 * tags and character references), reports each problem with its line, is synchronous, has no
 * dependencies and is 28 kB. Of the others compared, `media-captions` reads a BOM as a missing
 * header and merges SRT cues that lack a blank line, `subtitle` stops at the first NOTE or
 * STYLE block, `subsrt-ts` loses the first SRT cue after a BOM, and `@plussub/srt-vtt-parser`
 * fails on CR/LF with a BOM. SRT has no specification worth the name: it is turned into
 * WebVTT line for line (so line numbers hold) and read by the same parser.
 */
import { readSrt, readVtt } from './sidecar-captions.ts'
import { readTranscriptJson } from './sidecar-json.ts'
import type { Read, ReadCue, SidecarKind } from './sidecar-types.ts'

export { splitSpeakerPrefix, srtAsVtt } from './sidecar-captions.ts'
export { jsonErrorAt, readChaptersJson, readTranscriptJson } from './sidecar-json.ts'
export { cuesToItems, JOIN, type JoinOptions } from './sidecar-paragraphs.ts'
export {
  CHAPTERS_SUFFIX,
  SIDECAR_KINDS,
  type Read,
  type ReadChapter,
  type ReadCue,
  type SidecarKind,
} from './sidecar-types.ts'

/** Reads a transcript sidecar of a kind. */
export function readSidecar(file: string, kind: SidecarKind, text: string): Read<ReadCue> {
  if (kind === 'vtt') return readVtt(file, text)
  if (kind === 'srt') return readSrt(file, text)
  return readTranscriptJson(file, text)
}
