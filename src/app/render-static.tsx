/**
 * Renders a React tree to a complete static HTML string, waiting for every
 * lazy part (build time, Node).
 *
 * Uses the Web Streams renderer, not `renderToPipeableStream`: in React 18.3.1
 * the Node stream writes a whole buffer when a multi-byte character does not
 * fit at its end, so NUL bytes land in the HTML before characters such as ’ or →
 * (facebook/react#31134). The bytes are collected and decoded once, strictly.
 */
import type { ReactNode } from 'react'
import { renderToReadableStream } from 'react-dom/server.browser'

export async function renderStatic(node: ReactNode): Promise<string> {
  let failed: unknown = null
  const stream = await renderToReadableStream(node, {
    onError: (error: unknown) => {
      failed ??= error
    },
  })
  await stream.allReady
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed))
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    size += value.byteLength
  }
  const bytes = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    bytes.set(c, at)
    at += c.byteLength
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
}
