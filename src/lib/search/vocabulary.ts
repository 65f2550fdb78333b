/**
 * The vocabulary under construction: an open-addressing table keyed by `hashKey`, so plain
 * ASCII words (most of them) are found straight from the text without making a string.
 */
import { at, atI32 } from './at.ts'
import { hashKey } from './normalize.ts'

export class VocabularyBuilder {
  readonly keys: string[] = []
  readonly ids = new Map<string, number>()
  private hashes = new Int32Array(1024)
  private table = new Int32Array(4096) // word id + 1, 0 when empty

  /** The id of the word `text[start, end)`, plain ASCII, hashed by the scanner. */
  plain(text: string, start: number, end: number, hash: number): number {
    const len = end - start
    const mask = this.table.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = atI32(this.table, slot)
      if (entry === 0) return this.add(text.slice(start, end).toLowerCase(), hash, slot)
      const key = at(this.keys, entry - 1)
      if (this.hashes[entry - 1] === hash && key.length === len && sameLowercase(text, start, key)) return entry - 1
    }
  }

  /** The id of a key already folded. */
  key(key: string): number {
    const hash = hashKey(key)
    const mask = this.table.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = atI32(this.table, slot)
      if (entry === 0) return this.add(key, hash, slot)
      if (this.hashes[entry - 1] === hash && this.keys[entry - 1] === key) return entry - 1
    }
  }

  private add(key: string, hash: number, slot: number): number {
    const id = this.keys.length
    this.keys.push(key)
    this.ids.set(key, id)
    if (id === this.hashes.length) {
      const grown = new Int32Array(id * 2)
      grown.set(this.hashes)
      this.hashes = grown
    }
    this.hashes[id] = hash
    this.table[slot] = id + 1
    if ((id + 1) * 2 > this.table.length) this.rehash()
    return id
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2)
    const mask = table.length - 1
    for (let id = 0; id < this.keys.length; id++) {
      let slot = atI32(this.hashes, id) & mask
      while (table[slot] !== 0) slot = (slot + 1) & mask
      table[slot] = id + 1
    }
    this.table = table
  }
}

/** True when `text` from `start` lowercases (ASCII) to `key`. */
function sameLowercase(text: string, start: number, key: string): boolean {
  for (let j = 0; j < key.length; j++) {
    let c = text.charCodeAt(start + j)
    if (c >= 65 && c <= 90) c += 32
    if (c !== key.charCodeAt(j)) return false
  }
  return true
}
