/**
 * The search worker's memory in Chromium, after a set of queries on one page: the worker's
 * JavaScript heap (objects, strings) and its array buffers (the typed arrays of the index),
 * read over the DevTools protocol after a garbage collection.
 */
import type { Browser, CDPSession } from 'playwright-core'
import { installFakeYoutube } from '../tests/e2e/fake-youtube.ts'

export interface WorkerMemory {
  /** JavaScript heap in use, bytes. */
  heap: number
  /** Array buffers (typed arrays), bytes. */
  buffers: number
}

interface Attached {
  sessionId: string
  targetInfo: { type: string; url: string }
}

/** Sends one protocol command to a worker attached through `session` (non-flat attachment). */
function sendToWorker(session: CDPSession, sessionId: string, method: string): Promise<unknown> {
  const id = Math.floor(Math.random() * 1e9)
  return new Promise((resolve, reject) => {
    const onMessage = (e: { sessionId: string; message: string }) => {
      const reply = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } }
      if (e.sessionId !== sessionId || reply.id !== id) return
      session.off('Target.receivedMessageFromTarget', onMessage)
      if (reply.error) reject(new Error(`${method}: ${reply.error.message}`))
      else resolve(reply.result)
    }
    session.on('Target.receivedMessageFromTarget', onMessage)
    void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) })
  })
}

/** Opens the search page at `base`, runs `queries` one after the other, and reads the worker's memory. */
export async function measureWorkerMemory(
  browser: Browser,
  base: string,
  queries: readonly string[],
): Promise<WorkerMemory> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    await installFakeYoutube(page)
    let inFlight = 0
    let lastActivity = Date.now()
    page.on('request', () => {
      inFlight++
      lastActivity = Date.now()
    })
    const settle = () => {
      inFlight--
      lastActivity = Date.now()
    }
    page.on('requestfinished', settle)
    page.on('requestfailed', settle)
    await page.goto(`${base}search`)
    const box = page.getByRole('searchbox', { name: 'Search all transcripts' })
    await box.click()
    for (const q of queries) {
      await box.fill(q)
      // Quiet: nothing in flight for 300 ms.
      await new Promise((r) => setTimeout(r, 150))
      while (inFlight > 0 || Date.now() - lastActivity < 300) await new Promise((r) => setTimeout(r, 50))
    }
    const session = await context.newCDPSession(page)
    const attached: Attached[] = []
    session.on('Target.attachedToTarget', (e: Attached) => void attached.push(e))
    await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false })
    for (let i = 0; i < 40 && !attached.some((a) => a.targetInfo.type === 'worker'); i++)
      await new Promise((r) => setTimeout(r, 50))
    const worker = attached.find((a) => a.targetInfo.type === 'worker' && /corpus\.worker/.test(a.targetInfo.url))
    if (!worker) throw new Error('the search worker is not running')
    await sendToWorker(session, worker.sessionId, 'HeapProfiler.collectGarbage')
    const usage = (await sendToWorker(session, worker.sessionId, 'Runtime.getHeapUsage')) as {
      usedSize: number
      backingStorageSize?: number
    }
    return { heap: usage.usedSize, buffers: usage.backingStorageSize ?? 0 }
  } finally {
    await context.close()
  }
}
