/**
 * An episode whose transcript is a WebVTT sidecar (as Whisper or a caption editor writes it),
 * with a Podcasting 2.0 chapters file: the end-to-end build adds it beside the bundled episodes.
 */
export const SIDECAR_SLUG = 'captions-from-a-vtt-file'

export const SIDECAR_FILES: Record<string, string> = {
  [`${SIDECAR_SLUG}.md`]: `---
title: 'Captions from a VTT file'
ids:
  youtube: M7lc1UVf-VE
---

An episode published from its caption file.
`,
  [`${SIDECAR_SLUG}.vtt`]: `WEBVTT

NOTE Written by a caption editor.

00:00:00.000 --> 00:00:03.000 align:start
<v Alexey>Welcome to the show. Today we talk about captions

00:00:03.000 --> 00:00:06.000
<v Alexey>and how a podcast can reuse them.

00:00:06.500 --> 00:00:09.000
<v Maria>Thanks for having me &amp; my notes.

00:00:12.000 --> 00:00:15.000
<v Alexey>So, where do caption files come from?

00:00:15.500 --> 00:00:19.000
<v Maria>Mostly from tools that transcribe speech.
They cut sentences into short cues.

00:00:25.000 --> 00:00:28.000
<v Alexey>And the last question: what is next?

00:00:28.500 --> 00:00:31.000
<v Maria>Better chapters for everyone.
`,
  [`${SIDECAR_SLUG}.chapters.json`]: `{
  "version": "1.2.0",
  "chapters": [
    { "startTime": 0, "title": "Welcome" },
    { "startTime": 12, "title": "Where captions come from" },
    { "startTime": 25, "title": "What is next" }
  ]
}
`,
}
