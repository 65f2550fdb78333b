/**
 * After a deploy, the files a running page knows by name (hashed chunks, the hashed catalog) are
 * gone. When a load finds its file missing, this checks whether the site now serves a newer version
 * and, if so, reloads into it, at most once per version in this tab.
 */
import { withBase } from '../lib/site/base.ts'
import {
  diagnoseImportFailure,
  diagnoseUrl,
  entryScript,
  isNewDeploy,
  LoadFailure,
  reloadOnceFor,
  type FailureKind,
  type ImportProbe,
} from '../lib/load/failure.ts'

let checking: Promise<boolean> | undefined

/** True when a reload into a newer version has started. */
export function reloadIfNewVersion(): Promise<boolean> {
  checking ??= (async () => {
    try {
      const response = await fetch(withBase('/'), { cache: 'no-store' })
      if (!response.ok) return false
      const running =
        document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.getAttribute('src') ?? undefined
      const latest = await response.text()
      if (!isNewDeploy(running, latest) || !reloadOnceFor(entryScript(latest) ?? '', sessionStorage)) return false
      window.location.reload()
      return true
    } catch {
      return false
    } finally {
      checking = undefined
    }
  })()
  return checking
}

/** Code that came damaged: the browser keeps a module that did not parse, so only a reload fetches it again. */
const damaged = new Set<string>()

/**
 * Loads code on demand (`() => import(…)`, named by `name`); rejects with a `LoadFailure` saying why
 * not. A missing chunk after a deploy reloads into the new version once. Nothing is cached: calling
 * again retries, and retrying code that came damaged reloads the page.
 */
export async function importChunk<T>(name: string, load: () => Promise<T>): Promise<T> {
  if (damaged.has(name)) {
    window.location.reload()
    return new Promise<T>(() => {})
  }
  try {
    return await load()
  } catch (err) {
    const kind = await diagnoseCodeFailure(err)
    if (kind === 'corrupt') damaged.add(name)
    throw new LoadFailure(kind, String(err))
  }
}

function probe(): ImportProbe {
  return { online: navigator.onLine, fetch: (url) => fetch(url, { cache: 'no-store' }) }
}

/**
 * Why code did not load: a failed `import()` (`error`), or a script at `url` (a worker's). A file
 * missing after a deploy reloads into the new version once.
 */
export async function diagnoseCodeFailure(error: unknown, url?: string): Promise<FailureKind> {
  const kind = url ? await diagnoseUrl(url, probe()) : await diagnoseImportFailure(error, probe())
  if (kind === 'not-found') await reloadIfNewVersion()
  return kind
}
