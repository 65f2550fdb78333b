/**
 * A synthetic corpus ten times the real one, for the search's scale figures: each episode
 * file of `../shared/corpus` copied (the original plus 9 copies), each copy's lines with
 * their words shuffled and about half of its rare words (said in at most 2 lines of the
 * real corpus) altered by one letter, so the vocabulary grows about 3×, as a real catalog's
 * does (new names, new tools, new typos). Copies drop season and episode (no short-link
 * clashes) and get their own file name and title.
 *
 *   npx tsx bench/corpus-10x.ts <outDir> [corpusDir]
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parse, stringify } from 'yaml'
import { CORPUS_DIR } from '../tests/unit/corpus-dir.ts'

export interface GenerateOptions {
  /** Copies per episode, the original included (default 10). */
  copies?: number
  /** Share of the rare words' occurrences altered in each copy (default 0.5). */
  alter?: number
  seed?: number
}

export interface Generated {
  files: number
  lines: number
}

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORD = /[\p{L}\p{N}]+/gu

function splitFile(text: string): { front: string; body: string } | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text)
  return m ? { front: m[1] ?? '', body: m[2] ?? '' } : null
}

interface TranscriptItem {
  line?: unknown
  [key: string]: unknown
}

/** Writes the 10× corpus into `outDir` (created); returns how many files and lines. */
export async function generateCorpus(
  srcDir: string,
  outDir: string,
  options: GenerateOptions = {},
): Promise<Generated> {
  const copies = options.copies ?? 10
  const alter = options.alter ?? 0.5
  const rand = random(options.seed ?? 13)
  await mkdir(outDir, { recursive: true })
  const names = (await readdir(srcDir)).filter((n) => n.endsWith('.md') && !n.startsWith('_')).sort()
  const sources: { name: string; front: Record<string, unknown>; body: string }[] = []
  for (const name of names) {
    const parts = splitFile(await readFile(path.join(srcDir, name), 'utf8'))
    if (!parts) continue
    const front: unknown = parse(parts.front)
    if (front && typeof front === 'object')
      sources.push({ name, front: front as Record<string, unknown>, body: parts.body })
  }
  // Lines each word is said in (lowercased), over the real corpus.
  const df = new Map<string, number>()
  for (const { front } of sources) {
    for (const item of (front.transcript as TranscriptItem[] | undefined) ?? []) {
      if (typeof item.line !== 'string') continue
      for (const w of new Set(item.line.toLowerCase().match(WORD) ?? [])) df.set(w, (df.get(w) ?? 0) + 1)
    }
  }
  const rare = (w: string): boolean => (df.get(w.toLowerCase()) ?? 0) <= 2 && w.length >= 4
  const letters = 'abcdefghijklmnopqrstuvwxyz'

  let files = 0
  let lines = 0
  for (const { name, front, body } of sources) {
    for (let copy = 0; copy < copies; copy++) {
      const out: Record<string, unknown> = { ...front }
      if (copy > 0) {
        delete out.season
        delete out.episode
        out.title = `${String(front.title ?? name)} (copy ${copy})`
        const transcript = ((front.transcript as TranscriptItem[] | undefined) ?? []).map((item) => {
          if (typeof item.line !== 'string') return item
          const words = item.line.split(/\s+/).filter(Boolean)
          for (let i = words.length - 1; i > 0; i--) {
            const j = Math.floor(rand() * (i + 1))
            const t = words[i] ?? ''
            words[i] = words[j] ?? ''
            words[j] = t
          }
          const altered = words.map((token) =>
            token.replace(WORD, (w) => {
              if (!rare(w) || rand() >= alter) return w
              const at = 1 + Math.floor(rand() * (w.length - 1))
              return w.slice(0, at) + (letters[Math.floor(rand() * 26)] ?? 'x') + w.slice(at + 1)
            }),
          )
          return { ...item, line: altered.join(' ') }
        })
        out.transcript = transcript
      }
      lines += ((out.transcript as unknown[] | undefined) ?? []).length
      // Short enough for an address (at most 100 characters).
      const file = copy === 0 ? name : `${name.replace(/(\.md)+$/i, '').slice(0, 90)}-copy-${copy}.md`
      await writeFile(path.join(outDir, file), `---\n${stringify(out, { lineWidth: 0 })}---\n${body}`)
      files++
    }
  }
  return { files, lines }
}

const main = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (main) {
  const out = process.argv[2]
  if (!out) {
    console.error('usage: npx tsx bench/corpus-10x.ts <outDir> [corpusDir]')
    process.exitCode = 2
  } else {
    generateCorpus(process.argv[3] ?? CORPUS_DIR, path.resolve(out)).then(
      (g) => console.log(`${g.files} episode files, ${g.lines} transcript items in ${out}`),
      (err: unknown) => {
        console.error(err)
        process.exitCode = 1
      },
    )
  }
}
