/**
 * The built site under a prefix (as on GitHub Pages), served by a plain static
 * file server, and the tags of its prerendered HTML.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildSite } from '../../scripts/build-site.ts'
import { activeLineText, fake, openUrl, playerReady, withBrowser } from './harness.ts'
import { serveStatic, type StaticServer } from './static-server.ts'

withBrowser()

const PREFIX = '/playscript/'
const SITE = 'https://example.org'
let work = ''
let dist = ''
let server: StaticServer

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'playscript-static-'))
  dist = path.join(work, 'dist')
  await buildSite({ episodesDir: 'episodes', outDir: dist, basePath: PREFIX, siteUrl: SITE })
  server = await serveStatic(dist, PREFIX)
}, 120_000)

afterAll(async () => {
  await server?.close()
  await rm(work, { recursive: true, force: true })
})

const html = (rel: string) => readFile(path.join(dist, rel), 'utf8')

describe('prerendered HTML', () => {
  it('carries the transcript, title, description, canonical, Open Graph, Twitter and JSON-LD of an episode', async () => {
    const page = await html('episodes/s11e03-from-data-science-to-dataops/index.html')
    expect(page).toContain('<title>DataOps &amp; GitOps for Data Teams')
    expect(page).toMatch(/<meta name="description" content="Master DataOps, GitOps and IaC/)
    expect(page).toContain(
      `<link rel="canonical" href="${SITE}/playscript/episodes/s11e03-from-data-science-to-dataops" />`,
    )
    expect(page).toContain('<meta property="og:title" content="DataOps &amp; GitOps for Data Teams')
    expect(page).toContain('<meta property="og:image" content="https://i.ytimg.com/vi/lem7knxqNzg/hqdefault.jpg" />')
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image" />')
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1]
    expect(JSON.parse(ld ?? 'null')).toMatchObject({
      '@type': 'PodcastEpisode',
      episodeNumber: 3,
      partOfSeason: { seasonNumber: 11 },
    })
    // The transcript is in the HTML, readable without JavaScript.
    expect(page).toContain('Tomasz is a DataOps who lives in Poland')
    // Time links are share links relative to the page, so they hold under any prefix.
    expect(page).toContain('href="?t=271"')
    expect(await html('index.html')).toContain('href="/playscript/episodes/s11e03-from-data-science-to-dataops"')
    expect(page).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' www.youtube.com/,
    )
    expect(page).not.toMatch(/\son[a-z]+="/)
    // The transcript's open formats, beside the page and linked from its head under the prefix.
    expect(page).toContain(
      `<link rel="alternate" type="text/vtt" href="${SITE}/playscript/episodes/s11e03-from-data-science-to-dataops/transcript.vtt" title="Captions (WebVTT)" />`,
    )
    expect(await html('episodes/s11e03-from-data-science-to-dataops/transcript.vtt')).toMatch(/^WEBVTT\n/)
  })

  it('writes a home page, a 404 page and short-link pages', async () => {
    expect(await html('index.html')).toContain('Every episode, every word')
    expect(await html('404.html')).toContain('Not found')
    expect(await html('s11e03/index.html')).toContain(
      'href="https://example.org/playscript/episodes/s11e03-from-data-science-to-dataops"',
    )
  })

  it('keeps each episode page within three times its text', async () => {
    const page = await html('episodes/field-notes-on-messy-transcripts/index.html')
    const source = await readFile('episodes/field-notes-on-messy-transcripts.md.md', 'utf8')
    expect(page.length).toBeLessThan(3 * source.length + 8000)
  })
})

describe('served under a prefix by a plain static server', () => {
  it('opens the home page and an episode, and the episode works', async () => {
    const { page, errors } = await openUrl(`${server.url}/`)
    await page.getByRole('link', { name: /DataOps & GitOps/ }).click()
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toBe('/playscript/episodes/s11e03-from-data-science-to-dataops')
    await playerReady(page)
    await page.getByRole('region', { name: 'Transcript' }).getByText('So you tried all these positions').click()
    await expect.poll(() => fake(page).time()).toBe(271)
    expect(errors).toEqual([])
  })

  it('hydrates a prerendered episode page opened from a share link, without errors', async () => {
    const { page, errors } = await openUrl(`${server.url}/episodes/s11e03-from-data-science-to-dataops/?t=4:31`)
    await playerReady(page)
    await expect.poll(() => activeLineText(page)).toContain('So you tried all these positions')
    expect(await fake(page).time()).toBe(271)
    expect(errors).toEqual([])
  })

  it('follows a short link, keeping the time', async () => {
    const { page } = await openUrl(`${server.url}/s11e03/?t=271`)
    await expect
      .poll(() => new URL(page.url()).pathname)
      .toBe('/playscript/episodes/s11e03-from-data-science-to-dataops')
    await playerReady(page)
    await expect.poll(() => activeLineText(page)).toContain('So you tried all these positions')
  })

  it('shows the not-found page for an unknown path', async () => {
    const { page, errors } = await openUrl(`${server.url}/no/such/page`)
    await expect.poll(() => page.getByRole('heading', { name: 'Not found' }).isVisible()).toBe(true)
    await page.getByRole('link', { name: 'See all episodes' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/playscript\/?$/)
    expect(errors).toEqual([])
  })
})
