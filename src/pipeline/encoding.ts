/** Telling whether a file's bytes are UTF-8 text, and where and why not (UTF-16, Latin-1). */

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function invalidUtf8At(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return -1
  } catch {
    // Find where: decode growing prefixes would be slow; walk the sequences instead.
  }
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
    }
    const b1 = bytes[i + 1] ?? 0
    // Overlong forms, surrogates and code points above U+10FFFF.
    if (
      (b === 0xe0 && b1 < 0xa0) ||
      (b === 0xed && b1 > 0x9f) ||
      (b === 0xf0 && b1 < 0x90) ||
      (b === 0xf4 && b1 > 0x8f)
    )
      return i
    i += need + 1
  }
  return -1
}

/** Why these bytes are not an episode file's text, or undefined when they are UTF-8. */
export function encodingProblem(bytes: Uint8Array): { reason: string; line: number; message: string } | undefined {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
  // UTF-16 without a byte-order mark: ASCII text with every other byte 0.
  const head = bytes.subarray(0, 200)
  const zeros = head.filter((b) => b === 0).length
  if (utf16 || (head.length >= 8 && zeros >= head.length / 3)) {
    return { reason: 'UTF-16', line: 1, message: 'the file is UTF-16, not UTF-8: save it as UTF-8 (skipped)' }
  }
  const at = invalidUtf8At(bytes)
  if (at < 0) return undefined
  let line = 1
  let lineStart = 0
  for (let i = 0; i < at; i++) {
    if (bytes[i] !== 0x0a) continue
    line++
    lineStart = i + 1
  }
  const hex = Array.from(bytes.subarray(at, at + 4), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')
  return {
    reason: 'not UTF-8',
    line,
    message: `the file is not valid UTF-8 (bytes ${hex} at column ${at - lineStart + 1}; Latin-1 or Windows-1252?): save it as UTF-8 (skipped)`,
  }
}
