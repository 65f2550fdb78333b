/**
 * The import boundaries hold: ESLint, with the project's own config, rejects a probe for
 * every forbidden import and accepts the allowed ones. Probes are virtual text linted as
 * if they were files at the given paths (nothing is written).
 */
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const RULE = 'playscript/boundaries'

const eslint = new ESLint({ cwd: process.cwd() })

/** The boundary problems ESLint reports for `code` as the file `filePath`. */
async function boundaryProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath })
  if (!result) throw new Error(`no lint result for ${filePath}`)
  const fatal = result.messages.filter((m) => m.fatal)
  if (fatal.length > 0) throw new Error(`probe ${filePath} does not parse: ${fatal.map((m) => m.message).join('; ')}`)
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message)
}

/** [rule, probe file, probe code]: each must be rejected. */
const FORBIDDEN: [string, string, string][] = [
  ['src/lib imports no React', 'src/lib/time/probe.ts', "import { useState } from 'react'\nexport { useState }"],
  [
    'src/lib imports no React package',
    'src/lib/time/probe.ts',
    "import { createRoot } from 'react-dom/client'\nexport { createRoot }",
  ],
  [
    'src/lib imports no store package',
    'src/lib/search/probe.ts',
    "import { create } from 'zustand'\nexport { create }",
  ],
  [
    'src/lib imports no store (src/playback)',
    'src/lib/time/probe.ts',
    "import { usePlayback } from '../../playback/playback-store.ts'\nexport { usePlayback }",
  ],
  [
    'src/lib imports no UI',
    'src/lib/search/probe.ts',
    "import { Highlighted } from '../../components/Highlighted.tsx'\nexport { Highlighted }",
  ],
  [
    'src/lib imports no feature',
    'src/lib/search/probe.ts',
    "import type { EpisodeSearchState } from '../../features/search/use-episode-search.ts'\nexport type { EpisodeSearchState }",
  ],
  [
    'src/lib imports no src/pipeline',
    'src/lib/episode/probe.ts',
    "import { parseEpisode } from '../../pipeline/parse-episode.ts'\nexport { parseEpisode }",
  ],
  [
    'src/lib imports no Node built-in',
    'src/lib/time/probe.ts',
    "import { readFileSync } from 'node:fs'\nexport { readFileSync }",
  ],
  [
    'browser code imports no src/pipeline',
    'src/playback/probe.ts',
    "import { renderMarkdown } from '../pipeline/markdown.ts'\nexport { renderMarkdown }",
  ],
  [
    'browser code imports no src/pipeline, even for a type',
    'src/app/probe.ts',
    "import type { ParseResult } from '../pipeline/parse-episode.ts'\nexport type { ParseResult }",
  ],
  [
    'browser code imports no src/pipeline, not even lazily',
    'src/app/routes/probe.ts',
    "export const load = () => import('../../pipeline/load.ts')",
  ],
  ['browser code re-exports no src/pipeline', 'src/components/probe.ts', "export * from '../pipeline/schema.ts'"],
  [
    'browser code imports no Node built-in (node:)',
    'src/playback/probe.ts',
    "import { readFileSync } from 'node:fs'\nexport { readFileSync }",
  ],
  [
    'browser code imports no Node built-in (bare)',
    'src/features/catalog/probe.ts',
    "import path from 'path'\nexport { path }",
  ],
  [
    'browser code imports no Node built-in (sub-path)',
    'src/components/probe.ts',
    "import { readFile } from 'fs/promises'\nexport { readFile }",
  ],
  ['browser code imports no YAML parser', 'src/app/probe.ts', "import YAML from 'yaml'\nexport { YAML }"],
  [
    'browser code imports no Markdown renderer',
    'src/features/episode/probe.ts',
    "import MarkdownIt from 'markdown-it'\nexport { MarkdownIt }",
  ],
  ['browser code imports no schema library', 'src/playback/probe.ts', "import { z } from 'zod'\nexport { z }"],
  [
    'browser code imports no caption parser',
    'src/lib/formats/probe.ts',
    "import webvtt from 'webvtt-parser'\nexport { webvtt }",
  ],
  [
    'a feature imports no other feature (sibling path)',
    'src/features/search/probe.ts',
    "import { TranscriptPane } from '../transcript/TranscriptPane.tsx'\nexport { TranscriptPane }",
  ],
  [
    'a feature imports no other feature (long path)',
    'src/features/catalog/probe.ts',
    "import { PlayerPanel } from '../../features/player/PlayerPanel.tsx'\nexport { PlayerPanel }",
  ],
  [
    'a feature re-exports no other feature',
    'src/features/transcript/probe.ts',
    "export { EpisodeCard } from '../catalog/EpisodeCard.tsx'",
  ],
  [
    'a feature imports no other feature, even for a type',
    'src/features/player/probe.ts',
    "import type { EpisodeSearchState } from '../search/use-episode-search.ts'\nexport type { EpisodeSearchState }",
  ],
  [
    'a feature imports no page of src/app',
    'src/features/search/probe.ts',
    "import { App } from '../../app/App.tsx'\nexport { App }",
  ],
  [
    'only the adapter imports react-youtube (another player file)',
    'src/features/player/PlayerPanel.tsx',
    "import YouTube from 'react-youtube'\nexport { YouTube }",
  ],
  [
    'only the adapter imports react-youtube (a page)',
    'src/app/routes/probe.tsx',
    "import YouTube from 'react-youtube'\nexport { YouTube }",
  ],
  [
    'only the adapter imports react-youtube (the store)',
    'src/playback/probe.ts',
    "import type { YouTubePlayer } from 'react-youtube'\nexport type { YouTubePlayer }",
  ],
  [
    'app code imports no test helper',
    'src/playback/probe.ts',
    "import { FakePlayer } from '../../tests/support/fake-player.ts'\nexport { FakePlayer }",
  ],
]

/** [what, probe file, probe code]: each must pass. */
const ALLOWED: [string, string, string][] = [
  [
    'a feature imports lib, playback, components and itself',
    'src/features/search/probe.ts',
    [
      "import { useState } from 'react'",
      "import { parseQuery } from '../../lib/search/query.ts'",
      "import { usePlayback } from '../../playback/playback-store.ts'",
      "import { Highlighted } from '../../components/Highlighted.tsx'",
      "import { SpeakerPicker } from './SpeakerPicker.tsx'",
      'export { useState, parseQuery, usePlayback, Highlighted, SpeakerPicker }',
    ].join('\n'),
  ],
  [
    'src/lib imports src/lib',
    'src/lib/search/probe.ts',
    "import { formatTime } from '../time/time.ts'\nexport { formatTime }",
  ],
  [
    'the store imports zustand and src/lib',
    'src/playback/probe.ts',
    "import { create } from 'zustand'\nimport { lineAt } from '../lib/timeline/lookup.ts'\nexport { create, lineAt }",
  ],
  [
    'the adapter imports react-youtube',
    'src/features/player/youtube-adapter.tsx',
    "import YouTube from 'react-youtube'\nexport { YouTube }",
  ],
  [
    'the prerendering entry imports a Node built-in',
    'src/app/server.tsx',
    "import { Writable } from 'node:stream'\nexport { Writable }",
  ],
  [
    'the pipeline imports Node built-ins and build-time packages',
    'src/pipeline/probe.ts',
    "import { readFileSync } from 'node:fs'\nimport YAML from 'yaml'\nexport { readFileSync, YAML }",
  ],
  [
    'a test imports a test helper',
    'src/playback/probe.test.ts',
    "import { FakePlayer } from '../../tests/support/fake-player.ts'\nexport { FakePlayer }",
  ],
  [
    'a page composes features',
    'src/app/routes/probe.tsx',
    "import { TranscriptPane } from '../../features/transcript/TranscriptPane.tsx'\nexport { TranscriptPane }",
  ],
]

describe('import rules (ESLint, playscript/boundaries)', () => {
  // Loading the config and its plugins takes seconds on a busy machine; once, before the probes.
  beforeAll(async () => {
    await eslint.calculateConfigForFile('src/lib/time/time.ts')
    await eslint.lintText('export {}\n', { filePath: 'src/lib/time/probe.ts' })
  }, 60_000)

  it.each(FORBIDDEN)('rejects: %s', async (_rule, filePath, code) => {
    expect(await boundaryProblems(filePath, code)).toHaveLength(1)
  })

  it.each(ALLOWED)('accepts: %s', async (_what, filePath, code) => {
    expect(await boundaryProblems(filePath, code)).toEqual([])
  })

  it('lints every source file of src/ with the rule', async () => {
    const config = (await eslint.calculateConfigForFile('src/lib/time/time.ts')) as { rules?: Record<string, unknown> }
    expect(config.rules?.[RULE]).toEqual([2])
  })
})
