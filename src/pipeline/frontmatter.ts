/**
 * Splits an episode file into its YAML front matter and its Markdown body,
 * keeping track of where each starts so messages can name file lines.
 */
export interface SplitFile {
  /** The YAML text between the `---` fences. */
  yaml: string
  /** 1-based file line of the first YAML line. */
  yamlLine: number
  body: string
  /** 1-based file line of the first body line. */
  bodyLine: number
}

export type SplitResult = { ok: true; value: SplitFile } | { ok: false; line: number; message: string }

const FENCE = /^---[ \t]*$/

export function splitFrontMatter(text: string): SplitResult {
  // Tolerate a byte-order mark and Windows line endings.
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const lines = src.split('\n')
  if (lines.length === 0 || !FENCE.test(lines[0] ?? '')) {
    return {
      ok: false,
      line: 1,
      message:
        'no front matter: the file must start with a line "---", then YAML (title, ids.youtube, transcript), then "---"',
    }
  }
  for (let i = 1; i < lines.length; i++) {
    if (FENCE.test(lines[i] ?? '')) {
      return {
        ok: true,
        value: {
          yaml: lines.slice(1, i).join('\n'),
          yamlLine: 2,
          body: lines.slice(i + 1).join('\n'),
          bodyLine: i + 2,
        },
      }
    }
  }
  return { ok: false, line: 1, message: 'front matter is not closed: the "---" on line 1 has no closing "---"' }
}
