import { describe, expect, it } from 'vitest'
import {
  classifyError,
  classifyResponse,
  describeFailure,
  diagnoseImportFailure,
  diagnoseUrl,
  entryScript,
  importedUrl,
  isNewDeploy,
  LoadFailure,
  reloadOnceFor,
  type FailureKind,
} from './failure.ts'

function response(status: number, contentType = 'application/json'): Pick<Response, 'status' | 'ok' | 'headers'> {
  return { status, ok: status >= 200 && status < 300, headers: new Headers({ 'content-type': contentType }) }
}

describe('classifyResponse', () => {
  it('accepts a JSON 2xx', () => {
    expect(classifyResponse(response(200))).toBeNull()
    expect(classifyResponse(response(200, 'application/json; charset=utf-8'))).toBeNull()
  })
  it('calls a 404 or 410 not found, whatever its body', () => {
    expect(classifyResponse(response(404, 'text/html'))).toBe('not-found')
    expect(classifyResponse(response(410))).toBe('not-found')
  })
  it('calls a 5xx a server error, HTML or JSON', () => {
    expect(classifyResponse(response(500, 'text/html'))).toBe('server')
    expect(classifyResponse(response(503))).toBe('server')
  })
  it('calls a 2xx that is not JSON (an SPA host answering every path with the app) not found', () => {
    expect(classifyResponse(response(200, 'text/html'))).toBe('not-found')
  })
  it('calls other 4xx server errors (nothing the listener did)', () => {
    expect(classifyResponse(response(403, 'text/html'))).toBe('server')
    expect(classifyResponse(response(429))).toBe('server')
  })
})

describe('classifyError', () => {
  it('is offline when the browser says so, whatever the error', () => {
    expect(classifyError(new TypeError('Failed to fetch'), false)).toBe('offline')
  })
  it('calls a rejected fetch a network error when online', () => {
    expect(classifyError(new TypeError('Failed to fetch'), true)).toBe('network')
  })
  it('calls JSON that does not parse corrupt', () => {
    let err: unknown
    try {
      JSON.parse('{"lines": [')
    } catch (e) {
      err = e
    }
    expect(classifyError(err, true)).toBe('corrupt')
  })
  it('keeps the kind of a LoadFailure', () => {
    expect(classifyError(new LoadFailure('server', 'x'), true)).toBe('server')
    expect(classifyError(new LoadFailure('not-found', 'x'), false)).toBe('not-found')
  })
  it('calls anything else a network error', () => {
    expect(classifyError('weird', true)).toBe('network')
  })
})

describe('describeFailure', () => {
  const kinds: FailureKind[] = ['offline', 'network', 'not-found', 'server', 'corrupt']
  it.each(kinds)('says what happened in plain words for %s, with no URL, status code or error name', (kind) => {
    const text = describeFailure(kind, 'the episode list')
    expect(text.length).toBeGreaterThan(20)
    expect(text).not.toMatch(/https?:|\.js|\.json|\b[45]\d\d\b|Error|fetch|import/i)
  })
  it('gives each kind its own words', () => {
    expect(new Set(kinds.map((k) => describeFailure(k, 'x'))).size).toBe(kinds.length)
  })
  it('names what failed', () => {
    expect(describeFailure('server', 'the episode list')).toContain('the episode list')
  })
})

describe('importedUrl', () => {
  it('finds the module URL in Chromium’s, Firefox’s and Safari’s messages', () => {
    expect(importedUrl(new TypeError('Failed to fetch dynamically imported module: http://h/assets/a-1.js'))).toBe(
      'http://h/assets/a-1.js',
    )
    expect(importedUrl(new TypeError('error loading dynamically imported module: https://h/x/b.js'))).toBe(
      'https://h/x/b.js',
    )
    expect(importedUrl(new TypeError('Importing a module script failed.'))).toBeUndefined()
    expect(importedUrl(undefined)).toBeUndefined()
  })
})

describe('diagnoseImportFailure', () => {
  const err = new TypeError('Failed to fetch dynamically imported module: http://h/assets/a-1.js')
  it('is offline when the browser is', async () => {
    expect(await diagnoseImportFailure(err, { online: false, fetch: () => Promise.reject(new Error('no')) })).toBe(
      'offline',
    )
  })
  it('asks the server for the module again and classifies its answer', async () => {
    const seen: string[] = []
    const f = (status: number) => (url: string) => {
      seen.push(url)
      return Promise.resolve(response(status, 'text/javascript'))
    }
    expect(await diagnoseImportFailure(err, { online: true, fetch: f(404) })).toBe('not-found')
    expect(await diagnoseImportFailure(err, { online: true, fetch: f(500) })).toBe('server')
    // The file is there now: the first request failed on the way, or what came was not code.
    expect(await diagnoseImportFailure(err, { online: true, fetch: f(200) })).toBe('network')
    expect(seen).toEqual(['http://h/assets/a-1.js', 'http://h/assets/a-1.js', 'http://h/assets/a-1.js'])
  })
  it('is a network error when the second request fails too', async () => {
    expect(
      await diagnoseImportFailure(err, { online: true, fetch: () => Promise.reject(new TypeError('Failed to fetch')) }),
    ).toBe('network')
  })
  it('calls a module that loaded but did not run corrupt', async () => {
    expect(
      await diagnoseImportFailure(new SyntaxError("Unexpected token '<'"), {
        online: true,
        fetch: () => Promise.reject(new Error('unused')),
      }),
    ).toBe('corrupt')
  })
})

describe('diagnoseUrl', () => {
  it('classifies the server’s second answer for a file a worker could not load', async () => {
    const f = (status: number) => () => Promise.resolve(response(status, 'text/javascript'))
    expect(await diagnoseUrl('http://h/w.js', { online: true, fetch: f(404) })).toBe('not-found')
    expect(await diagnoseUrl('http://h/w.js', { online: true, fetch: f(502) })).toBe('server')
    expect(await diagnoseUrl('http://h/w.js', { online: false, fetch: f(200) })).toBe('offline')
  })
})

describe('isNewDeploy', () => {
  const page =
    '<link rel="modulepreload" href="/assets/x.js"><script type="module" crossorigin src="/assets/index-AAA.js"></script>'
  it('finds the entry script of a built page', () => {
    expect(entryScript(page)).toBe('/assets/index-AAA.js')
  })
  it('is true when the site now serves another entry script', () => {
    expect(isNewDeploy('/assets/index-AAA.js', page.replace('AAA', 'BBB'))).toBe(true)
  })
  it('is false when it is the same version, or the answer has no entry script', () => {
    expect(isNewDeploy('/assets/index-AAA.js', page)).toBe(false)
    expect(isNewDeploy('/assets/index-AAA.js', '<html>offline</html>')).toBe(false)
    expect(isNewDeploy(undefined, page)).toBe(false)
  })
})

describe('reloadOnceFor', () => {
  function memory() {
    const m = new Map<string, string>()
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) }
  }
  it('allows one reload per version, then refuses', () => {
    const s = memory()
    expect(reloadOnceFor('/assets/index-BBB.js', s)).toBe(true)
    expect(reloadOnceFor('/assets/index-BBB.js', s)).toBe(false)
    expect(reloadOnceFor('/assets/index-CCC.js', s)).toBe(true)
  })
  it('refuses when storage is unavailable (a reload loop is worse than a notice)', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('denied')
      },
    }
    expect(reloadOnceFor('x', broken)).toBe(false)
  })
})
