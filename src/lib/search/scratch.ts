/**
 * Zeroed buffers reused from one query to the next, one set per index: a query on the
 * corpus would otherwise allocate several 80 kB arrays per keystroke, and the garbage
 * collector's pauses would land in the middle of typing. Queries run one at a time.
 */
import type { TextIndex } from './text-index.ts'

export class Scratch {
  private readonly lineFloats: Float32Array[] = []
  private readonly wordFloats: Float32Array[] = []
  private usedLineFloats = 0
  private usedWordFloats = 0
  readonly lineBytes: Uint8Array
  readonly wordInts: Int32Array
  readonly lines: Int32Array
  readonly scores: Float32Array

  constructor(
    private readonly lineCount: number,
    private readonly vocab: number,
  ) {
    this.lineBytes = new Uint8Array(lineCount)
    this.wordInts = new Int32Array(vocab)
    this.lines = new Int32Array(lineCount)
    this.scores = new Float32Array(lineCount)
  }

  /** Starts a query: every buffer handed out before may be handed out again. */
  reset(): void {
    this.usedLineFloats = 0
    this.usedWordFloats = 0
  }

  /** A point to hand buffers back to: those handed out after it may be handed out again (`release`). */
  mark(): { lines: number; words: number } {
    return { lines: this.usedLineFloats, words: this.usedWordFloats }
  }

  /** Hands back every buffer handed out since `mark`. */
  release(mark: { lines: number; words: number }): void {
    this.usedLineFloats = mark.lines
    this.usedWordFloats = mark.words
  }

  /** A zeroed array with one entry per line. */
  perLine(): Float32Array {
    return take(this.lineFloats, this.usedLineFloats++, this.lineCount)
  }

  /** A zeroed array with one entry per vocabulary word. */
  perWord(): Float32Array {
    return take(this.wordFloats, this.usedWordFloats++, this.vocab)
  }
}

function take(pool: Float32Array[], slot: number, size: number): Float32Array {
  const had = pool[slot]
  if (had) return had.fill(0)
  const made = new Float32Array(size)
  pool.push(made)
  return made
}

const scratches = new WeakMap<TextIndex, Scratch>()

/** The scratch buffers of `index`, made on its first query. */
export function scratchOf(index: TextIndex): Scratch {
  let s = scratches.get(index)
  if (!s) {
    s = new Scratch(index.texts.length, index.keys.length)
    scratches.set(index, s)
  }
  return s
}
