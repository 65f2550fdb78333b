/**
 * Why a download failed, in the words a listener needs, and what to do about it. No React, no
 * DOM: the browser's answers (a Response, a thrown error, `navigator.onLine`, storage) are passed
 * in, so every case is tested here.
 *
 * Kinds:
 * - `offline`: the browser knows it has no network.
 * - `network`: the request failed on the way (a dropped connection, a timeout, a blocked request).
 * - `not-found`: the server has no such file (404, or a host that answers every path with the app).
 * - `server`: the server failed (5xx, or another refusal the listener did nothing to cause).
 * - `corrupt`: the file came but is not what it should be (JSON or code that does not parse).
 */
export type FailureKind = 'offline' | 'network' | 'not-found' | 'server' | 'corrupt'

/** A failed load, with its kind. `detail` is for the console, never for the listener. */
export class LoadFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`)
    this.name = 'LoadFailure'
  }
}

type ResponseLike = Pick<Response, 'status' | 'ok' | 'headers'>

/** The kind of failure a response to a request for JSON is, or null when it is usable. */
export function classifyResponse(response: ResponseLike): FailureKind | null {
  if (response.status === 404 || response.status === 410) return 'not-found'
  if (!response.ok) return 'server'
  // A missing file on hosts that answer every path with the app's page: HTML, not JSON.
  if (!(response.headers.get('content-type') ?? '').includes('json')) return 'not-found'
  return null
}

/** The kind of failure a thrown error is. `online` is `navigator.onLine`. */
export function classifyError(error: unknown, online: boolean): FailureKind {
  if (error instanceof LoadFailure) return error.kind
  if (!online) return 'offline'
  if (error instanceof SyntaxError) return 'corrupt'
  return 'network'
}

/** What the listener reads: what happened to `what` ("the episode list"), and what happens next. */
export function describeFailure(kind: FailureKind, what: string): string {
  switch (kind) {
    case 'offline':
      return `You seem to be offline, so ${what} could not be downloaded. It will load again as soon as you are back online.`
    case 'network':
      return `The connection dropped while downloading ${what}. Check your connection and try again.`
    case 'not-found':
      return `${capitalise(what)} is missing from the site right now; it may be in the middle of an update. Try again in a moment.`
    case 'server':
      return `The site had a problem sending ${what}. This is on our side; try again in a moment.`
    case 'corrupt':
      return `${capitalise(what)} arrived damaged and could not be read. Try again; it usually comes through whole the second time.`
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** Whether coming back online should retry a load that failed this way (all but a missing file). */
export function retriesWhenOnline(kind: FailureKind): boolean {
  return kind !== 'not-found'
}

/** The URL in a failed dynamic import's message (Chromium, Firefox), if any. */
export function importedUrl(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : ''
  return /dynamically imported module:\s*(\S+)/i.exec(message)?.[1]
}

export interface ImportProbe {
  online: boolean
  /** `fetch`, bypassing the cache. */
  fetch(url: string): Promise<ResponseLike>
}

/**
 * A dynamic import (or a worker's script) says only that it failed. Asks the server for the file
 * again to tell a missing file (a new version of the site was deployed) from a server error or a
 * dropped connection.
 */
export async function diagnoseImportFailure(error: unknown, probe: ImportProbe): Promise<FailureKind> {
  if (!probe.online) return 'offline'
  // The module came but did not run: `import()` of HTML or a cut file.
  if (error instanceof SyntaxError) return 'corrupt'
  const url = importedUrl(error)
  return url ? diagnoseUrl(url, probe) : 'network'
}

/** Why the file at `url` did not load, asking the server for it again. */
export async function diagnoseUrl(url: string, probe: ImportProbe): Promise<FailureKind> {
  if (!probe.online) return 'offline'
  try {
    const response = await probe.fetch(url)
    if (response.status === 404 || response.status === 410) return 'not-found'
    if (!response.ok) return 'server'
    return 'network'
  } catch {
    return 'network'
  }
}

/** The page's entry script (`/assets/index-….js`), which every deploy renames. */
export function entryScript(html: string): string | undefined {
  return /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/.exec(html)?.[1]
}

/**
 * Whether the site is a newer version than the one running: `runningEntry` is this page's entry
 * script, `latest` the site's page fetched afresh.
 */
export function isNewDeploy(runningEntry: string | undefined, latest: string): boolean {
  const a = runningEntry
  const b = entryScript(latest)
  return a !== undefined && b !== undefined && a !== b
}

interface SessionStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

const RELOADED_KEY = 'playscript:reloaded-for'

/**
 * Reload at most once per new version: true the first time it is asked for `version` in this
 * tab, false after (and false when storage is unavailable, since a reload loop is worse than a notice).
 */
export function reloadOnceFor(version: string, storage: SessionStore): boolean {
  try {
    if (storage.getItem(RELOADED_KEY) === version) return false
    storage.setItem(RELOADED_KEY, version)
    return true
  } catch {
    return false
  }
}
