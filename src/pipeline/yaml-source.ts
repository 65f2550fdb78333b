/**
 * The YAML of one episode file: parsed fast, located precisely.
 *
 * Reading: js-yaml (YAML 1.2 core schema, duplicate keys rejected) parses the
 * front matter about seven times faster than the `yaml` package, which matters
 * for a corpus of 9 MB. When js-yaml rejects the text, or the text uses
 * anchors, aliases or tags (which episode files never need, and which can blow
 * up in size), the `yaml` package parses it instead, with its precise messages
 * and a cap on aliases.
 *
 * Locating: a problem names the line of the field. Transcript items and their
 * fields are found by a cheap scan of the text; anything else builds the
 * `yaml` document on first use, so a clean file never pays for it.
 */
import jsYaml from 'js-yaml'
import { LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml'

export interface LocatedMessage {
  /** 1-based line in the file. */
  line: number
  message: string
}

export type LoadResult =
  { ok: true; data: unknown; warnings: LocatedMessage[] } | { ok: false; errors: LocatedMessage[] }

/** Anchors (`&a`), aliases (`*a`) and tags (`!t`) in value position: the precise parser takes those. */
const NEEDS_PRECISE = /(^|[\s[{,:-])[&*!][^\s,[\]{}]/m
const MAX_MESSAGE = 160
const MAX_ALIASES = 50

function clipMessage(message: string): string {
  const first = (message.split('\n')[0] ?? message).trim()
  return first.length > MAX_MESSAGE ? `${first.slice(0, MAX_MESSAGE - 1)}…` : first
}

type Path = readonly (string | number)[]

export class YamlSource {
  private precise?: { doc: Document.Parsed; lines: LineCounter }
  private readonly textLines: string[]
  private itemLines?: number[] | null

  constructor(
    readonly text: string,
    /** 1-based file line of the first YAML line. */
    readonly firstLine: number,
  ) {
    this.textLines = text.split('\n')
  }

  load(): LoadResult {
    if (!NEEDS_PRECISE.test(this.text)) {
      try {
        return { ok: true, data: jsYaml.load(this.text, { schema: jsYaml.CORE_SCHEMA, json: false }), warnings: [] }
      } catch {
        // Fall through: the precise parser says what is wrong, and where.
      }
    }
    return this.loadPrecisely()
  }

  private document(): { doc: Document.Parsed; lines: LineCounter } {
    if (!this.precise) {
      const lines = new LineCounter()
      const doc = parseDocument(this.text, {
        lineCounter: lines,
        logLevel: 'silent',
        prettyErrors: false,
        uniqueKeys: true,
      })
      this.precise = { doc, lines }
    }
    return this.precise
  }

  private lineAtOffset(offset: number): number {
    return this.document().lines.linePos(offset).line + this.firstLine - 1
  }

  private loadPrecisely(): LoadResult {
    const { doc } = this.document()
    const located = (list: readonly { pos: [number, number]; message: string }[]) =>
      list.map((e) => ({ line: this.lineAtOffset(e.pos[0]), message: `YAML: ${clipMessage(e.message)}` }))
    if (doc.errors.length) return { ok: false, errors: located(doc.errors) }
    try {
      return { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIASES }), warnings: located(doc.warnings) }
    } catch (err) {
      // An alias with no anchor, or one that expands too far: name the first alias.
      let line = this.firstLine
      visit(doc, {
        Alias: (_key, node) => {
          if (node.range) line = this.lineAtOffset(node.range[0])
          return visit.BREAK
        },
      })
      return {
        ok: false,
        errors: [{ line, message: `YAML: ${clipMessage(err instanceof Error ? err.message : String(err))}` }],
      }
    }
  }

  /** The file line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: Path): number {
    const fast = this.fastLineOf(path)
    if (fast !== undefined) return fast
    const { doc } = this.document()
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)
      const range = (node as YamlNode | undefined)?.range
      if (range) return this.lineAtOffset(range[0])
    }
    return this.firstLine
  }

  /** `transcript[i]` and `transcript[i].field`, from a scan of the block sequence. */
  private fastLineOf(path: Path): number | undefined {
    if (path[0] !== 'transcript' || typeof path[1] !== 'number' || path.length > 3) return undefined
    const starts = this.transcriptItemLines()
    const start = starts?.[path[1]]
    if (start === undefined) return undefined
    const field = path[2]
    if (field === undefined) return start + this.firstLine
    const end = starts?.[path[1] + 1] ?? this.textLines.length
    const re = new RegExp(`^\\s*(?:-\\s+)?${String(field)}\\s*:`)
    for (let i = start; i < end; i++) if (re.test(this.textLines[i] ?? '')) return i + this.firstLine
    return start + this.firstLine
  }

  /** Trusts the scan of transcript items only when it found as many items as the data has. */
  confirmTranscriptLength(length: number): void {
    if (this.transcriptItemLines()?.length !== length) this.itemLines = null
  }

  /** 0-based text lines where each `transcript` item starts, or null when the layout is not the plain block form. */
  transcriptItemLines(): number[] | null {
    if (this.itemLines !== undefined) return this.itemLines
    this.itemLines = null
    const lines = this.textLines
    const head = lines.findIndex((l) => /^transcript:\s*(#.*)?$/.test(l))
    if (head < 0) return null
    const starts: number[] = []
    let indent = -1
    for (let i = head + 1; i < lines.length; i++) {
      const line = lines[i] ?? ''
      if (/^\s*(#.*)?$/.test(line)) continue
      const lead = line.length - line.trimStart().length
      const item = /^\s*-(\s|$)/.test(line)
      if (indent < 0) {
        if (!item) return null
        indent = lead
      }
      if (lead < indent || (lead === indent && !item)) break
      if (lead === indent && item) starts.push(i)
    }
    this.itemLines = starts
    return starts
  }
}
