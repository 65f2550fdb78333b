/**
 * Every failed load says what happened and recovers: each request is failed on purpose (a 404,
 * a 500 as HTML or JSON, damaged data, a dropped connection, being offline), then allowed, and
 * Retry (or coming back online) must recover without a reload.
 */
import type { Page, Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { open, SEED, withBrowser } from './harness.ts'
import { dataFileAt } from '../../src/lib/site/files.ts'

withBrowser()

type Failure = 'not-found' | 'server-html' | 'server-json' | 'corrupt' | 'network'

const FAILURES: { failure: Failure; says: RegExp }[] = [
  { failure: 'not-found', says: /missing from the site right now/ },
  { failure: 'server-html', says: /site had a problem/ },
  { failure: 'server-json', says: /site had a problem/ },
  { failure: 'corrupt', says: /arrived damaged/ },
  { failure: 'network', says: /connection dropped/ },
]

function answer(route: Route, failure: Failure): Promise<void> {
  switch (failure) {
    case 'not-found':
      return route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>Not found</title>' })
    case 'server-html':
      return route.fulfill({
        status: 500,
        contentType: 'text/html',
        body: '<!doctype html><h1>Internal Server Error</h1>',
      })
    case 'server-json':
      return route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"internal"}' })
    case 'corrupt':
      return route.fulfill({ status: 200, contentType: 'application/json', body: '{"meta": {"title": "cut off' })
    case 'network':
      return route.abort('connectionreset')
  }
}

/** Fails every request matching `pattern` until the returned function is called; counts requests. */
async function failUntilAllowed(
  page: Page,
  pattern: RegExp | ((url: URL) => boolean),
  failure: Failure,
): Promise<{ allow(): void; requests(): number }> {
  let failing = true
  let requests = 0
  await page.route(pattern, (route) => {
    requests++
    return failing ? answer(route, failure) : route.fallback()
  })
  return { allow: () => void (failing = false), requests: () => requests }
}

/** The site's data files, as the data-file table names them. */
const EPISODE_DATA = (url: URL) => {
  const file = dataFileAt(url.pathname)
  return file?.kind === 'episode-data' && file.slug === 's11e03-from-data-science-to-dataops'
}
const CATALOG = (url: URL) => dataFileAt(url.pathname)?.kind === 'catalog'
const EPISODE_CHUNK = /\/assets\/EpisodePage-[^/]*\.js$/
const LINE = 'So you tried all these positions'

/** The prerendered page of an episode, as a static host serves `/episodes/<slug>/`. */
const PRERENDERED = `${SEED}/`

const visible = (page: Page, text: string | RegExp) => () => page.getByText(text).first().isVisible()
const SLOW = { timeout: 15_000 }

/** The player is ready and connected (Play enabled); a failed load retried takes a few requests. */
async function playerReady(page: Page): Promise<void> {
  await expect
    .poll(() => page.getByRole('region', { name: 'Player' }).getByRole('button', { name: 'Play' }).isEnabled(), SLOW)
    .toBe(true)
}

describe('episode data fails on a direct load (a shared link)', () => {
  it.each(FAILURES)(
    'keeps the prerendered transcript, says what happened ($failure), and Retry starts playback',
    async ({ failure, says }) => {
      let gate: Awaited<ReturnType<typeof failUntilAllowed>> | undefined
      const { page, errors } = await open(PRERENDERED, {
        before: async (p) => {
          gate = await failUntilAllowed(p, EPISODE_DATA, failure)
        },
      })
      const alert = page.getByRole('alert').filter({ hasText: 'Playback and sync are unavailable' })
      await expect.poll(() => alert.isVisible(), SLOW).toBe(true)
      expect(await alert.textContent()).toMatch(says)
      // The transcript the reader could already see stays, and no false "Not found".
      expect(await page.getByRole('region', { name: 'Transcript' }).getByText(LINE).isVisible()).toBe(true)
      expect(await page.getByRole('heading', { name: 'Not found' }).count()).toBe(0)
      // No control that cannot work yet: no disabled Play, no endless "Loading the video…".
      expect(await page.getByText('Loading the video…').isVisible()).toBe(false)
      expect(await page.getByRole('button', { name: 'Play' }).isVisible()).toBe(false)

      gate?.allow()
      await alert.getByRole('button', { name: 'Retry' }).click()
      await playerReady(page)
      expect(await alert.count()).toBe(0)
      expect(await page.getByText('Loading the video…').count()).toBe(0)
      expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1)
      expect(errors).toEqual([])
    },
  )

  it('retries by itself when the browser comes back online', async () => {
    let gate: Awaited<ReturnType<typeof failUntilAllowed>> | undefined
    const { page, context, errors } = await open(PRERENDERED, {
      before: async (p) => {
        gate = await failUntilAllowed(p, EPISODE_DATA, 'network')
      },
    })
    await expect.poll(visible(page, 'Playback and sync are unavailable'), SLOW).toBe(true)
    await context.setOffline(true)
    gate?.allow()
    await context.setOffline(false)
    await playerReady(page)
    expect(errors).toEqual([])
  })

  it('loads the episode page’s code again when it failed', async () => {
    let gate: Awaited<ReturnType<typeof failUntilAllowed>> | undefined
    const { page, errors } = await open(PRERENDERED, {
      before: async (p) => {
        gate = await failUntilAllowed(p, EPISODE_CHUNK, 'network')
      },
    })
    const alert = page.getByRole('alert').filter({ hasText: 'Playback and sync are unavailable' })
    await expect.poll(() => alert.isVisible(), SLOW).toBe(true)
    expect(gate?.requests()).toBeGreaterThan(0)
    gate?.allow()
    await alert.getByRole('button', { name: 'Retry' }).click()
    await playerReady(page)
    expect(errors).toEqual([])
  })
})

describe('episode data fails during in-app navigation', () => {
  it.each(FAILURES)('says what happened ($failure), and Retry opens the episode', async ({ failure, says }) => {
    let gate: Awaited<ReturnType<typeof failUntilAllowed>> | undefined
    const { page, errors } = await open('/', {
      before: async (p) => {
        gate = await failUntilAllowed(p, EPISODE_DATA, failure)
      },
    })
    await page
      .getByRole('link', { name: /DataOps & GitOps/ })
      .first()
      .click()
    await expect.poll(visible(page, 'This episode could not be loaded'), SLOW).toBe(true)
    expect(await page.getByRole('alert').textContent()).toMatch(says)
    expect(await page.getByRole('heading', { name: 'Not found' }).count()).toBe(0)
    expect(await page.getByText(/reload the page/i).count()).toBe(0)
    gate?.allow()
    await page.getByRole('button', { name: 'Retry' }).click()
    await playerReady(page)
    expect(await page.getByRole('region', { name: 'Transcript' }).getByText(LINE).isVisible()).toBe(true)
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1)
    expect(new URL(page.url()).pathname).toBe(SEED)
    expect(errors).toEqual([])
  })

  it('says the listener is offline, and loads by itself once back online', async () => {
    const { page, context, errors } = await open('/')
    await context.setOffline(true)
    await page
      .getByRole('link', { name: /DataOps & GitOps/ })
      .first()
      .click()
    await expect.poll(visible(page, /You seem to be offline/), SLOW).toBe(true)
    await context.setOffline(false)
    await playerReady(page)
    expect(errors).toEqual([])
  })

  it('loads the episode page’s code again when it failed', async () => {
    let gate: Awaited<ReturnType<typeof failUntilAllowed>> | undefined
    const { page, errors } = await open('/', {
      before: async (p) => {
        gate = await failUntilAllowed(p, EPISODE_CHUNK, 'server-html')
      },
    })
    await page
      .getByRole('link', { name: /DataOps & GitOps/ })
      .first()
      .click()
    await expect.poll(visible(page, 'This episode could not be loaded'), SLOW).toBe(true)
    expect(await page.getByRole('alert').textContent()).toMatch(/site had a problem/)
    gate?.allow()
    await page.getByRole('button', { name: 'Retry' }).click()
    await playerReady(page)
    expect(errors).toEqual([])
  })

  it('still says "Not found" for an episode that is not in the catalog', async () => {
    const { page } = await open('/')
    // The router listens once the page is live: a history change before that goes unseen.
    await page.locator('html[data-app="ready"]').waitFor(SLOW)
    await page.evaluate(() => {
      window.history.pushState({}, '', '/episodes/no-such-episode')
      window.dispatchEvent(new PopStateEvent('popstate'))
    })
    await expect.poll(() => page.getByRole('heading', { name: 'Not found' }).isVisible(), SLOW).toBe(true)
  })
})

describe('the catalog fails', () => {
  it.each(FAILURES)(
    'on a direct load of the home page ($failure): the list stays, filters come back with Retry',
    async ({ failure, says }) => {
      let gate: Awaited<ReturnType<typeof failUntilAllowed>> | undefined
      const { page, errors } = await open('/', {
        before: async (p) => {
          gate = await failUntilAllowed(p, CATALOG, failure)
        },
      })
      const alert = page.getByRole('alert')
      await expect.poll(() => alert.isVisible(), SLOW).toBe(true)
      expect(await alert.textContent()).toMatch(says)
      expect(await page.getByRole('link', { name: /DataOps & GitOps/ }).count()).toBe(1)
      expect(await page.getByText(/Add episode files/).count()).toBe(0)
      gate?.allow()
      await alert.getByRole('button', { name: 'Retry' }).click()
      // Hydrated: the notice is gone and the filters work.
      await expect.poll(() => alert.count(), SLOW).toBe(0)
      const filters = page.getByRole('search', { name: 'Filter episodes' })
      await filters.getByRole('searchbox').fill('messy')
      await expect.poll(() => page.getByRole('article').count()).toBe(1)
      expect(errors).toEqual([])
    },
  )

  it.each(FAILURES)(
    'when going home from an episode ($failure): a message, then Retry lists the episodes',
    async ({ failure, says }) => {
      let gate: Awaited<ReturnType<typeof failUntilAllowed>> | undefined
      const { page, errors } = await open(SEED, {
        before: async (p) => {
          gate = await failUntilAllowed(p, CATALOG, failure)
        },
      })
      await playerReady(page)
      await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'All episodes' }).click()
      await expect.poll(() => page.getByRole('alert').isVisible(), SLOW).toBe(true)
      expect(await page.getByRole('alert').textContent()).toMatch(says)
      expect(await page.getByText(/Add episode files/).count()).toBe(0)
      const before = gate?.requests() ?? 0
      // Leaving and coming back asks again (no failure is remembered).
      await page.goBack()
      await playerReady(page)
      await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'All episodes' }).click()
      await expect.poll(() => page.getByRole('alert').isVisible(), SLOW).toBe(true)
      expect(gate?.requests()).toBeGreaterThan(before)
      gate?.allow()
      await page.getByRole('button', { name: 'Retry' }).click()
      await expect.poll(() => page.getByRole('link', { name: /DataOps & GitOps/ }).count(), SLOW).toBe(1)
      expect(await page.getByText('Loading the episodes…').count()).toBe(0)
      expect(errors).toEqual([])
    },
  )

  it('on a short link: a message, then Retry opens the episode', async () => {
    let gate: Awaited<ReturnType<typeof failUntilAllowed>> | undefined
    const { page, errors } = await open('/s11e03?t=271', {
      before: async (p) => {
        gate = await failUntilAllowed(p, CATALOG, 'network')
      },
    })
    await expect.poll(() => page.getByRole('alert').isVisible(), SLOW).toBe(true)
    expect(await page.getByRole('alert').textContent()).toMatch(/connection dropped/)
    gate?.allow()
    await page.getByRole('button', { name: 'Retry' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(SEED)
    expect(new URL(page.url()).search).toBe('?t=271')
    await playerReady(page)
    expect(errors).toEqual([])
  })
})

/** The search data's meta file: the first thing the search worker fetches (its name is built into the worker). */
const SEARCH_META = (url: URL) => {
  const file = dataFileAt(url.pathname)
  return file?.kind === 'search-data' && file.chunk === 'meta'
}
const SEARCH_WORKER = /\/assets\/corpus\.worker-[^/]*\.js$/
const EPISODE_SEARCH = /\/assets\/episode-search-[^/]*\.js$/

/** Answers a code request as failed: missing, a server error, code cut off, or a dropped connection. */
async function failCodeUntilAllowed(
  page: Page,
  pattern: RegExp,
  failure: 'not-found' | 'server-html' | 'corrupt' | 'network',
) {
  let failing = true
  let requests = 0
  await page.route(pattern, (route) => {
    requests++
    if (!failing) return route.fallback()
    if (failure === 'corrupt')
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: 'export default { "lines": [' })
    return answer(route, failure)
  })
  return { allow: () => void (failing = false), requests: () => requests }
}

const CODE_FAILURES = [
  { failure: 'network', says: /connection dropped/ },
  { failure: 'server-html', says: /site had a problem/ },
  { failure: 'corrupt', says: /arrived damaged/ },
] as const

describe('search data fails', () => {
  it.each(FAILURES)(
    'across episodes ($failure): says so in plain words, and the next query tries again',
    async ({ failure, says }) => {
      let gate: Awaited<ReturnType<typeof failUntilAllowed>> | undefined
      const { page, errors } = await open('/search', {
        before: async (p) => {
          gate = await failUntilAllowed(p, SEARCH_META, failure)
        },
      })
      const box = page.getByRole('searchbox', { name: 'Search all transcripts' })
      await box.fill('terrafrom')
      const status = page.locator('.corpus-status')
      await expect.poll(() => status.textContent(), SLOW).toMatch(/Search is unavailable/)
      const text = (await status.textContent()) ?? ''
      expect(text).toMatch(says)
      expect(text).not.toMatch(/https?:|\.js|fetch|import|module/i)
      gate?.allow()
      await box.fill('terraform')
      const results = page.getByRole('region', { name: 'Results by episode' })
      await expect
        .poll(() => results.getByRole('heading', { level: 3 }).first().textContent(), SLOW)
        .toContain('DataOps & GitOps')
      expect(await status.textContent()).toMatch(/matching line/)
      expect(errors).toEqual([])
    },
  )

  it('across episodes: Retry loads the search (its worker failed to load) without a new query', async () => {
    let gate: Awaited<ReturnType<typeof failCodeUntilAllowed>> | undefined
    const { page, errors } = await open('/', {
      before: async (p) => {
        gate = await failCodeUntilAllowed(p, SEARCH_WORKER, 'server-html')
      },
    })
    await page.getByRole('searchbox', { name: 'Search all transcripts' }).fill('terrafrom')
    const status = page.locator('.corpus-status')
    await expect.poll(() => status.textContent(), SLOW).toMatch(/Search is unavailable.*site had a problem/)
    gate?.allow()
    await page.getByRole('button', { name: 'Retry' }).click()
    const results = page.getByRole('region', { name: 'Results by episode' })
    await expect
      .poll(() => results.getByRole('heading', { level: 3 }).first().textContent(), SLOW)
      .toContain('DataOps & GitOps')
    expect(errors).toEqual([])
  })

  it.each(CODE_FAILURES.filter((f) => f.failure !== 'corrupt'))(
    'in an episode ($failure): no endless "Searching…", a message, and Retry searches',
    async ({ failure, says }) => {
      let gate: Awaited<ReturnType<typeof failCodeUntilAllowed>> | undefined
      const { page, errors } = await open(SEED, {
        before: async (p) => {
          gate = await failCodeUntilAllowed(p, EPISODE_SEARCH, failure)
        },
      })
      await playerReady(page)
      await page.getByRole('searchbox', { name: 'Search transcript' }).fill('terrafrom')
      const transcript = page.getByRole('region', { name: 'Transcript' })
      await expect.poll(() => transcript.getByRole('alert').isVisible(), SLOW).toBe(true)
      expect(await transcript.getByRole('alert').textContent()).toMatch(says)
      expect(await transcript.getByText('Searching…').count()).toBe(0)
      gate?.allow()
      await transcript.getByRole('alert').getByRole('button', { name: 'Retry' }).click()
      await expect.poll(() => transcript.getByRole('status').first().textContent(), SLOW).toMatch(/^1 of \d+ lines?\b/)
      expect(errors).toEqual([])
    },
  )
})

describe('code that arrives damaged', () => {
  it('in an episode: says so, and Retry reloads the page (the browser keeps a module that did not parse)', async () => {
    let gate: Awaited<ReturnType<typeof failCodeUntilAllowed>> | undefined
    const { page, errors } = await open(`${SEED}?q=terrafrom`, {
      before: async (p) => {
        gate = await failCodeUntilAllowed(p, EPISODE_SEARCH, 'corrupt')
      },
    })
    const transcript = page.getByRole('region', { name: 'Transcript' })
    await expect.poll(() => transcript.getByRole('alert').isVisible(), SLOW).toBe(true)
    expect(await transcript.getByRole('alert').textContent()).toMatch(/arrived damaged/)
    gate?.allow()
    await Promise.all([
      page.waitForEvent('load'),
      transcript.getByRole('alert').getByRole('button', { name: 'Retry' }).click(),
    ])
    await expect.poll(() => transcript.getByRole('status').first().textContent(), SLOW).toMatch(/^1 of \d+ lines?\b/)
    expect(new URL(page.url()).searchParams.get('q')).toBe('terrafrom')
    expect(errors).toEqual([])
  })
})

/** Seconds on the player's clock ("4:31 / 1:06:10" → 271). */
async function clockSeconds(page: Page): Promise<number> {
  const text =
    (await page
      .getByRole('region', { name: 'Player' })
      .getByLabel('Current time')
      .locator('span')
      .first()
      .textContent()) ?? ''
  return text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0)
}

describe('the YouTube API fails', () => {
  it('is remembered for the session: a later episode falls back to the read-along clock at once', async () => {
    const { page, errors } = await open(SEED, { fake: { blocked: true } })
    const player = page.getByRole('region', { name: 'Player' })
    await expect.poll(() => player.getByText('The video can’t play here.').isVisible(), SLOW).toBe(true)
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'All episodes' }).click()
    await page
      .getByRole('link', { name: /Messy Transcripts/ })
      .first()
      .click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Messy Transcripts/)
    const started = Date.now()
    // Before, every later visit waited the full 8 s.
    await expect.poll(() => player.getByText('The video can’t play here.').isVisible(), { timeout: 3_000 }).toBe(true)
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(await player.getByRole('button', { name: 'Play' }).isEnabled()).toBe(true)
    expect(errors).toEqual([])
  })

  it('arriving late, keeps the read-along session and offers to switch to the video at the same time', async () => {
    let release = () => {}
    const hold = new Promise<void>((resolve) => (release = resolve))
    const { page, errors } = await open(SEED, { fake: { hold } })
    const player = page.getByRole('region', { name: 'Player' })
    // The API does not come within the timeout: the read-along clock takes over.
    await expect.poll(() => player.getByText('The video can’t play here.').isVisible(), { timeout: 12_000 }).toBe(true)
    await page.getByRole('region', { name: 'Transcript' }).getByText(LINE).click()
    await expect.poll(() => player.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true)
    const before = await clockSeconds(page)
    expect(before).toBeGreaterThanOrEqual(270)
    release()
    const offer = player.getByRole('button', { name: 'Switch to the video here' })
    await expect.poll(() => offer.isVisible(), SLOW).toBe(true)
    // The read-along session goes on: still playing, the notice stays, the clock did not jump back.
    expect(await player.getByText('The video can’t play here.').isVisible()).toBe(true)
    expect(await player.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true)
    expect(await clockSeconds(page)).toBeGreaterThanOrEqual(before)
    const at = await clockSeconds(page)
    await offer.click()
    await expect.poll(() => player.getByText('The video can’t play here.').count(), SLOW).toBe(0)
    await expect.poll(() => player.getByRole('button', { name: 'Play' }).isEnabled(), SLOW).toBe(true)
    const videoTime = await page.evaluate(() => (window as unknown as { __fakeYT: { time(): number } }).__fakeYT.time())
    expect(Math.abs(videoTime - at)).toBeLessThan(3)
    expect(errors).toEqual([])
  })
})

describe('a file gone after a new deploy', () => {
  /** Serves the site's page, when fetched by the app to look for a new version, as a newer build. */
  async function newDeployServed(page: Page): Promise<{ documents(): number }> {
    let documents = 0
    page.on('request', (r) => {
      if (r.resourceType() === 'document') documents++
    })
    await page.route(/^http:\/\/[^/]+\/$/, async (route) => {
      if (route.request().resourceType() !== 'fetch') return route.fallback()
      const response = await route.fetch()
      const html = (await response.text()).replace(/(<script type="module"[^>]*src="[^"]*index-)[^".]+/, '$1NEWBUILD')
      return route.fulfill({ response, body: html })
    })
    return { documents: () => documents }
  }

  it('reloads into the new version once when the catalog is missing, then says so with a Retry', async () => {
    let gate: Awaited<ReturnType<typeof failUntilAllowed>> | undefined
    let deploy: Awaited<ReturnType<typeof newDeployServed>> | undefined
    const { page, errors } = await open('/', {
      before: async (p) => {
        gate = await failUntilAllowed(p, CATALOG, 'not-found')
        deploy = await newDeployServed(p)
      },
    })
    const alert = page.getByRole('alert')
    await expect.poll(() => alert.isVisible(), SLOW).toBe(true)
    // One reload into the new version; the second time the same version is not reloaded again.
    expect(deploy?.documents()).toBe(2)
    expect(await alert.textContent()).toMatch(/missing from the site/)
    await page.waitForTimeout(500)
    expect(deploy?.documents()).toBe(2)
    gate?.allow()
    await alert.getByRole('button', { name: 'Retry' }).click()
    await expect.poll(() => alert.count(), SLOW).toBe(0)
    expect(errors).toEqual([])
  })

  it('reloads into the new version once when the episode page’s code is missing', async () => {
    let deploy: Awaited<ReturnType<typeof newDeployServed>> | undefined
    const { page } = await open('/', {
      before: async (p) => {
        await failUntilAllowed(p, EPISODE_CHUNK, 'not-found')
        deploy = await newDeployServed(p)
      },
    })
    await page
      .getByRole('link', { name: /DataOps & GitOps/ })
      .first()
      .click()
    await expect.poll(() => deploy?.documents(), SLOW).toBe(2)
    expect(new URL(page.url()).pathname).toBe(SEED)
  })
})
