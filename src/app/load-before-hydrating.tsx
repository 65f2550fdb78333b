import { createRoot, type Root } from 'react-dom/client'
import { LoadNotice } from '../components/LoadNotice.tsx'
import { classifyError, retriesWhenOnline } from '../lib/load/failure.ts'

export interface Notice {
  what: string
  title: string
  note: string
}

/**
 * Resolves once `prepare` (what a prerendered page needs before it hydrates) has succeeded.
 * Until then the prerendered page stays as it is, readable, and each failure shows a notice
 * above it with a Retry (and hides the controls that cannot work yet); coming back online
 * retries by itself.
 */
export function loadBeforeHydrating(
  prepare: () => Promise<unknown>,
  notice: Notice,
  container: HTMLElement,
): Promise<void> {
  return new Promise((resolve) => {
    let banner: { el: HTMLElement; root: Root } | undefined
    let busy = false
    const attempt = () => {
      if (busy) return
      busy = true
      prepare().then(
        () => {
          window.removeEventListener('online', onOnline)
          delete document.documentElement.dataset.loadFailed
          banner?.root.unmount()
          banner?.el.remove()
          resolve()
        },
        (err: unknown) => {
          busy = false
          console.warn('Playscript: the page could not load what it needs:', err)
          const kind = classifyError(err, navigator.onLine)
          // Controls that cannot work yet (play, copy, search) are hidden, as without JavaScript.
          document.documentElement.dataset.loadFailed = ''
          if (!banner) {
            const el = document.createElement('div')
            el.className = 'load-banner'
            container.before(el)
            banner = { el, root: createRoot(el) }
          }
          banner.root.render(
            <LoadNotice what={notice.what} kind={kind} title={notice.title} note={notice.note} onRetry={attempt} />,
          )
          lastKind = kind
        },
      )
    }
    let lastKind: ReturnType<typeof classifyError> | undefined
    const onOnline = () => {
      if (!lastKind || retriesWhenOnline(lastKind)) attempt()
    }
    window.addEventListener('online', onOnline)
    attempt()
  })
}
