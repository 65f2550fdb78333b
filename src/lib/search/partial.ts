/**
 * The words of a partial result, in words: when no line has every typed word, the search
 * lists lines with all but one, and says which words they lack.
 */

function quoted(word: string): string {
  return `“${word}”`
}

function list(words: readonly string[], joiner: 'and' | 'or'): string {
  const q = words.map(quoted)
  if (q.length <= 1) return q.join('')
  return `${q.slice(0, -1).join(', ')} ${joiner} ${q[q.length - 1] ?? ''}`
}

/**
 * "Results without “foo”" for the words the listed lines lack (`perLine`: each line's, in
 * typed order; `words`: all of them, in typed order): "and" when every line lacks them all,
 * "or" when lines lack different ones. Empty when no line lacks a word.
 */
export function withoutLabel(words: readonly string[], perLine: readonly (readonly string[])[]): string {
  if (words.length === 0) return ''
  const all = perLine.every((w) => w.length === words.length)
  return `No line has every word: results without ${list(words, all ? 'and' : 'or')}`
}
