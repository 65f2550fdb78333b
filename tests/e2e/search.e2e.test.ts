import type { Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { activeLineText, fake, open, playerReady, SEED, withBrowser } from './harness.ts'

withBrowser()

describe('search in an episode', () => {
  it('finds a misspelt word as you type, counts, steps through results and seeks from one', async () => {
    const { page, errors } = await open(SEED)
    await playerReady(page)
    const box = page.getByRole('searchbox', { name: 'Search transcript' })
    await box.fill('terrafrom')
    const count = page.getByRole('region', { name: 'Transcript' }).getByRole('status')
    // "1 of 5 lines", and the chapter titles listed too when some match ("· 1 chapter").
    await expect.poll(() => count.textContent()).toMatch(/^1 of \d+ lines?( · \d+ chapters?)?$/)
    const total = Number(/ of (\d+) /.exec((await count.textContent()) ?? '')?.[1])
    expect(total).toBeGreaterThan(3)
    const results = page.getByRole('list', { name: 'Search results' })
    expect(await results.locator('mark').first().textContent()).toMatch(/terraform/i)
    // The transcript marks the matched characters too.
    expect(await page.locator('.transcript-pane mark').count()).toBeGreaterThan(3)
    await box.press('Enter')
    await expect.poll(() => count.textContent()).toMatch(new RegExp(`^2 of ${total} lines`))
    await box.press('Shift+Enter')
    await expect.poll(() => count.textContent()).toMatch(new RegExp(`^1 of ${total} lines`))
    await page.getByRole('button', { name: 'Previous result' }).click()
    await expect.poll(() => count.textContent()).toMatch(new RegExp(`^${total} of ${total} lines`))
    // The result moved to is marked in the transcript and scrolled into view.
    const marked = page.locator('.transcript-pane .line-search-current')
    await expect.poll(() => marked.count()).toBe(1)
    // Clicking a result seeks the video to its line.
    const first = results
      .getByRole('button')
      .filter({ hasText: /terraform/i })
      .first()
    const label = (await first.locator('.result-time').textContent()) ?? ''
    await first.click()
    await expect.poll(() => fake(page).state()).toBe(1)
    const [m, s] = label.split(':').map(Number)
    expect(Math.floor(await fake(page).time())).toBeGreaterThanOrEqual((m ?? 0) * 60 + (s ?? 0))
    expect(new URL(page.url()).searchParams.get('q')).toBe('terrafrom')
    expect(errors).toEqual([])
  })

  it('keeps the query in the URL, so a shared ?q= link opens with the search', async () => {
    const { page, errors } = await open(`${SEED}?q=poznan`)
    await playerReady(page)
    await expect.poll(() => page.getByRole('searchbox', { name: 'Search transcript' }).inputValue()).toBe('poznan')
    const results = page.getByRole('list', { name: 'Search results' })
    await expect.poll(() => results.locator('mark').allTextContents()).toContain('Poznan')
    expect(errors).toEqual([])
  })

  it('filters by speaker, and with no query lists only their lines', async () => {
    const { page } = await open(SEED)
    await playerReady(page)
    await page.getByText('Speakers', { exact: true }).click()
    await page.getByRole('checkbox', { name: /Tomasz/ }).check()
    await expect.poll(() => new URL(page.url()).searchParams.getAll('who')).toEqual(['Tomasz'])
    // The filter applies once the search engine has loaded.
    await expect
      .poll(async () => [...new Set(await page.locator('.transcript-pane .speaker').allTextContents())])
      .toEqual(['Tomasz'])
  })

  it('is focused by / and takes special characters as text', async () => {
    const { page, errors } = await open(SEED)
    await playerReady(page)
    await page.locator('body').press('/')
    const box = page.getByRole('searchbox', { name: 'Search transcript' })
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true)
    for (const q of ['(', '*', '\\', '[a-z', '"unclosed']) {
      await box.fill(q)
      await page.waitForTimeout(50)
    }
    expect(errors).toEqual([])
  })

  it('holds follow-scroll while searching, and resumes when cleared', async () => {
    const { page } = await open(SEED)
    await playerReady(page)
    await fake(page).play()
    const box = page.getByRole('searchbox', { name: 'Search transcript' })
    await box.fill('kubernetes')
    const pane = page.locator('.transcript-pane')
    await page.waitForTimeout(200)
    const before = await pane.evaluate((el) => el.scrollTop)
    await fake(page).setTime(3900)
    await expect.poll(() => activeLineText(page)).toBeTruthy()
    await page.waitForTimeout(300)
    expect(await pane.evaluate((el) => el.scrollTop)).toBe(before)
    await box.fill('')
    await expect.poll(() => pane.evaluate((el) => el.scrollTop)).toBeGreaterThan(before + 500)
  })
})

describe('search across all episodes', () => {
  it('finds lines in every episode, grouped by episode, and opens one at its line', async () => {
    const { page, errors } = await open('/')
    const box = page.getByRole('searchbox', { name: 'Search all transcripts' })
    await box.fill('terrafrom')
    const results = page.getByRole('region', { name: 'Results by episode' })
    await expect
      .poll(() => results.getByRole('heading', { level: 3 }).first().textContent(), { timeout: 15_000 })
      .toContain('DataOps & GitOps')
    expect(await page.getByRole('status').filter({ hasText: 'matching line' }).textContent()).toMatch(
      /^\d+ matching lines? in 1 episode/,
    )
    expect(new URL(page.url()).searchParams.get('q')).toBe('terrafrom')
    const hit = results
      .getByRole('link')
      .filter({ hasText: /Terraform/ })
      .first()
    const text = ((await hit.locator('mark').first().textContent()) ?? '').toLowerCase()
    expect(text).toBe('terraform')
    const href = (await hit.getAttribute('href')) ?? ''
    expect(href).toMatch(/^\/episodes\/s11e03-from-data-science-to-dataops\?t=[\d.]+$/)
    await hit.click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/episodes/s11e03-from-data-science-to-dataops')
    await playerReady(page)
    await expect.poll(() => activeLineText(page)).toMatch(/Terraform/)
    expect(errors).toEqual([])
  })

  it('filters by a speaker picked by a misspelt name', async () => {
    const { page, errors } = await open('/search')
    const box = page.getByRole('searchbox', { name: 'Search all transcripts' })
    await box.fill('data')
    const results = page.getByRole('region', { name: 'Results by episode' })
    await expect.poll(() => results.locator('.speaker').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    await page.getByRole('textbox', { name: 'Said by' }).fill('Tomas')
    await page
      .getByRole('list', { name: 'Speaker suggestions' })
      .getByRole('button', { name: /^Tomasz/ })
      .click()
    await expect.poll(() => new URL(page.url()).searchParams.getAll('who')).toEqual(['Tomasz'])
    await expect
      .poll(async () => new Set(await results.locator('.speaker').allTextContents()))
      .toEqual(new Set(['Tomasz: ']))
    expect(errors).toEqual([])
  })

  it('lists the best episodes first, and more on asking, fetching the lines of those listed only', async () => {
    const { page, errors } = await open('/search')
    const lineFiles: string[] = []
    page.on('request', (r) => {
      if (/search-index\/lines\./.test(r.url())) lineFiles.push(r.url())
    })
    await page.getByRole('searchbox', { name: 'Search all transcripts' }).fill('the')
    const results = page.getByRole('region', { name: 'Results by episode' })
    const hits = results.locator('li')
    const status = page.locator('.corpus-status')
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/the best \d+ shown/)
    const first = await hits.allTextContents()
    // A page: about 20 lines, whole episodes (at most 10 lines each).
    expect(first.length).toBeGreaterThanOrEqual(20)
    expect(first.length).toBeLessThan(30)
    expect(status).not.toBeNull()
    expect(await status.textContent()).toContain(`the best ${first.length} shown`)
    const fetchedFirst = lineFiles.length
    expect(fetchedFirst).toBeLessThanOrEqual(first.length)
    await page.getByRole('button', { name: 'Show more results' }).click()
    await expect.poll(() => hits.count()).toBeGreaterThan(first.length)
    const second = await hits.allTextContents()
    // Those listed stay as they were; the new ones come after them.
    expect(second.slice(0, first.length)).toEqual(first)
    expect(await status.textContent()).toContain(`the best ${second.length} shown`)
    expect(lineFiles.length).toBeGreaterThan(fetchedFirst)
    expect(new Set(lineFiles).size).toBe(lineFiles.length)
    expect(errors).toEqual([])
  })

  it('shows the first lines of a page as soon as theirs are in, then the rest of the page', async () => {
    // Every line file waits until the test lets it through, one at a time.
    const held: Route[] = []
    const { page, errors } = await open('/search', {
      before: async (p) => {
        await p.route(/search-index\/lines\./, (route) => void held.push(route))
      },
    })
    await page.getByRole('searchbox', { name: 'Search all transcripts' }).fill('the')
    const results = page.getByRole('region', { name: 'Results by episode' })
    const hits = results.locator('li')
    const status = page.locator('.corpus-status')
    await expect.poll(() => held.length, { timeout: 15_000 }).toBeGreaterThan(3)
    let released = 0
    while ((await hits.count()) === 0 && held.length > 0) {
      await held.shift()?.fallback()
      released++
      await page.waitForTimeout(150)
    }
    // Some of the page's line files are still on their way: the first lines show, the page says it is not done.
    expect(held.length).toBeGreaterThan(0)
    const first = await hits.allTextContents()
    expect(first.length).toBeGreaterThanOrEqual(8)
    expect(first.length).toBeLessThan(20)
    expect(await status.textContent()).toBe('Searching…')
    expect(await results.getAttribute('aria-busy')).toBe('false')
    expect(await page.getByRole('button', { name: 'Show more results' }).count()).toBe(0)
    while (held.length > 0) await held.shift()?.fallback()
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/the best \d+ shown/)
    const page1 = await hits.allTextContents()
    expect(page1.length).toBeGreaterThanOrEqual(20)
    // The first lines stay where they were; the rest of the page comes after them.
    expect(page1.slice(0, first.length)).toEqual(first)
    expect(released).toBeGreaterThan(0)
    await expect.poll(() => page.getByRole('button', { name: 'Show more results' }).count()).toBe(1)
    expect(errors).toEqual([])
  })

  it("fetches the first query's postings beside the meta file, not after it", async () => {
    // The meta file (the dictionary) waits until the test lets it through.
    let heldMeta: Route | undefined
    const requested: string[] = []
    const { page, errors } = await open('/search', {
      before: async (p) => {
        p.on('request', (r) => requested.push(r.url()))
        await p.route(/search-index\/meta\./, (route) => void (heldMeta = route))
      },
    })
    await page.getByRole('searchbox', { name: 'Search all transcripts' }).fill('terraform')
    await expect.poll(() => heldMeta !== undefined, { timeout: 15_000 }).toBe(true)
    // The postings of "terraform" are asked for while the meta file is still held.
    await expect.poll(() => requested.filter((u) => /search-index\/words\./.test(u)).length).toBeGreaterThan(0)
    await heldMeta?.fallback()
    const results = page.getByRole('region', { name: 'Results by episode' })
    await expect
      .poll(() => results.getByRole('heading', { level: 3 }).first().textContent(), { timeout: 15_000 })
      .toContain('DataOps & GitOps')
    // Each postings file once: those fetched early are the ones the search used.
    const words = requested.filter((u) => /search-index\/words\./.test(u))
    expect(new Set(words).size).toBe(words.length)
    expect(errors).toEqual([])
  })

  it('is reachable from every page, and loads no search data until a search starts', async () => {
    const { page } = await open(SEED)
    const requested: string[] = []
    page.on('request', (r) => requested.push(r.url()))
    await playerReady(page)
    expect(requested.filter((u) => /search-index|corpus\.worker/.test(u))).toEqual([])
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Search' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Search every episode')
    expect(requested.some((u) => /search-index/.test(u))).toBe(false)
    await page.getByRole('searchbox', { name: 'Search all transcripts' }).fill('kubernets')
    await expect.poll(() => requested.some((u) => /search-index/.test(u))).toBe(true)
  })
})
