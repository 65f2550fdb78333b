import { classifyError, classifyResponse, LoadFailure } from './failure.ts'

/**
 * Fetches JSON, or throws a `LoadFailure` saying why not (offline, network, not found, server,
 * corrupt). The page's data files and the search worker's chunks load through it.
 */
export async function fetchJson<T = unknown>(url: string): Promise<T> {
  let response: Response
  try {
    response = await fetch(url)
  } catch (err) {
    throw new LoadFailure(classifyError(err, navigator.onLine), `${url}: ${String(err)}`)
  }
  const kind = classifyResponse(response)
  if (kind) throw new LoadFailure(kind, `${url}: ${response.status} ${response.statusText}`)
  try {
    return (await response.json()) as T
  } catch (err) {
    // A body cut off mid-way is a network failure when offline, else damaged data.
    throw new LoadFailure(
      err instanceof SyntaxError ? 'corrupt' : classifyError(err, navigator.onLine),
      `${url}: ${String(err)}`,
    )
  }
}
