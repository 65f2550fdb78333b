/**
 * Key moments (the episode files' `quotableClips`) on the longest corpus episode: each plays as
 * a quote; the built episode page lists them as `Clip` items of its video in JSON-LD; each has a
 * prerendered page with its own preview tags that opens the episode playing the moment.
 * Skipped when the corpus is absent.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import type { EpisodeData } from '../../src/lib/episode/types.ts'
import { parseEpisodeFile } from '../../src/pipeline/parse-episode.ts'
import { CORPUS_DIR } from '../unit/corpus-dir.ts'
import { baseURL, fake, open, playerReady, withBrowser } from './harness.ts'

withBrowser()

const slug = inject('longestSlug')
const EPISODE = `/episodes/${slug}`

const moments = (page: Page) => page.getByRole('navigation', { name: 'Key moments' })
const quoteBar = (page: Page) => page.getByRole('region', { name: /^Quote/ })

/** The key moments the pipeline keeps from the corpus file (every valid clip). */
async function expectedMoments() {
  const file = `${slug}.md`
  const r = parseEpisodeFile(file, await readFile(path.join(CORPUS_DIR, file), 'utf8'))
  return r.episode?.moments ?? []
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

describe.skipIf(!slug)('key moments', () => {
  it('a key moment plays its range as a quote, pausing at its end', async () => {
    const { page, errors } = await open(EPISODE)
    await playerReady(page)
    const list = moments(page)
    expect(await list.getByRole('heading', { name: 'Key moments' }).isVisible()).toBe(true)
    const third = list.getByRole('link', { name: /^Audio Setup/ })
    expect(await third.getAttribute('href')).toBe('?t=343,415')
    await third.click()
    await expect.poll(() => fake(page).state()).toBe(1)
    expect(await fake(page).time()).toBe(343)
    expect(await quoteBar(page).getByText('Quote 5:43–6:55').isVisible()).toBe(true)
    expect(await third.getAttribute('aria-current')).toBe('true')
    expect(await page.locator('li[data-quote]').count()).toBeGreaterThan(0)
    await fake(page).setTime(414.8)
    await page.waitForTimeout(200)
    await fake(page).setTime(415.1)
    await expect.poll(() => fake(page).state()).toBe(2)
    // Its own link, copied.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await list.getByRole('button', { name: /^Copy link to Audio Setup/ }).click()
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`${baseURL()}${EPISODE}?t=343,415`)
    expect(errors).toEqual([])
  })

  it('the built episode page carries one Clip per valid clip in its VideoObject', async () => {
    const expected = await expectedMoments()
    expect(expected.length).toBeGreaterThan(10)
    const html = await (await fetch(`${baseURL()}${EPISODE}/`)).text()
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null') as {
      associatedMedia: {
        '@type': string
        hasPart: { '@type': string; name: string; startOffset: number; url: string }[]
      }
    }
    const video = ld.associatedMedia
    expect(video).toMatchObject({
      '@type': 'VideoObject',
      thumbnailUrl: expect.stringContaining('i.ytimg.com') as unknown,
      embedUrl: expect.stringContaining('youtube-nocookie.com/embed/') as unknown,
      duration: expect.stringMatching(/^PT\d+S$/) as unknown,
      uploadDate: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) as unknown,
      description: expect.any(String) as unknown,
    })
    expect(video.hasPart).toHaveLength(expected.length)
    expect(video.hasPart.every((c) => c['@type'] === 'Clip')).toBe(true)
    expect(video.hasPart.map((c) => c.name)).toEqual(expected.map((m) => m.name))
    expect(video.hasPart[2]).toMatchObject({ startOffset: 343, endOffset: 415, url: `${EPISODE}?t=343,415` })
    // The data the page loads has the same moments.
    const data = (await (await fetch(`${baseURL()}/data/episodes/${slug}.json`)).json()) as EpisodeData
    expect(data.moments).toEqual(expected)
  })

  it("a moment's page previews the moment and opens the episode playing it", async () => {
    const html = await (await fetch(`${baseURL()}${EPISODE}/moments/3/`)).text()
    const tag = (re: RegExp) => decode(re.exec(html)?.[1] ?? '')
    expect(tag(/<meta property="og:title" content="([^"]*)"/)).toBe('Audio Setup: Microphone, Preamp & Pop Filtering')
    expect(tag(/<meta name="twitter:title" content="([^"]*)"/)).toBe('Audio Setup: Microphone, Preamp & Pop Filtering')
    expect(tag(/<meta property="og:description" content="([^"]*)"/)).toMatch(/^Will: “I have a Rode XLR microphone/)
    expect(tag(/<meta name="twitter:description" content="([^"]*)"/)).toMatch(/^Will: “I have a Rode XLR/)
    expect(tag(/<meta property="og:url" content="([^"]*)"/)).toBe(`${EPISODE}/moments/3`)
    expect(html).toContain('<meta property="og:image"')

    const { page, errors } = await open(`${EPISODE}/moments/3/`)
    await expect.poll(() => new URL(page.url()).pathname).toBe(EPISODE)
    await playerReady(page)
    expect(await fake(page).time()).toBe(343)
    await expect.poll(() => quoteBar(page).getByText('Quote 5:43–6:55').isVisible()).toBe(true)
    expect(errors).toEqual([])
  })
})
