/**
 * An episode built from a WebVTT sidecar and a chapters file (tests/e2e/sidecar-episode.ts,
 * added to the build by global-setup.ts): it plays in sync like any other, its head links the
 * transcript's open formats, and its "Download transcript" menu serves all five files.
 */
import { describe, expect, it } from 'vitest'
import { EXPORT_FILES } from '../../src/lib/site/files.ts'
import { activeLineText, axeViolations, baseURL, fake, open, playerReady, withBrowser } from './harness.ts'
import { SIDECAR_SLUG } from './sidecar-episode.ts'

withBrowser()

const PAGE = `/episodes/${SIDECAR_SLUG}`

describe('an episode from a caption file', () => {
  it('shows its paragraphs and chapters and plays in sync', async () => {
    const { page, errors } = await open(PAGE)
    await playerReady(page)
    const transcript = page.getByRole('region', { name: 'Transcript' })
    await expect.poll(() => transcript.locator('li p').count()).toBe(6)
    const chapters = page.getByRole('navigation', { name: 'Chapters' })
    expect(await chapters.getByRole('link').allTextContents()).toEqual([
      expect.stringContaining('Welcome'),
      expect.stringContaining('Where captions come from'),
      expect.stringContaining('What is next'),
    ])
    await fake(page).play()
    await fake(page).setTime(16)
    await expect
      .poll(() => activeLineText(page))
      .toBe('Mostly from tools that transcribe speech. They cut sentences into short cues.')
    await fake(page).setTime(7)
    await expect.poll(() => activeLineText(page)).toBe('Thanks for having me & my notes.')
    expect(errors).toEqual([])
  })

  it('links the five files in its head and serves each from the Download transcript menu', async () => {
    const { page, errors } = await open(PAGE)
    await playerReady(page)
    // The prerendered page (the preview server answers /episodes/<slug> with the app's shell).
    const html = await (await page.request.get(`${baseURL()}${PAGE}/index.html`)).text()
    const alternates = [...html.matchAll(/<link rel="alternate" type="([^"]+)" href="([^"]+)"/g)].map((m) => [
      m[1],
      m[2],
    ])
    expect(alternates).toEqual(EXPORT_FILES.map((f) => [f.type, `/episodes/${SIDECAR_SLUG}/${f.name}`]))

    const button = page.getByRole('button', { name: 'Download transcript' })
    expect(await button.getAttribute('aria-expanded')).toBe('false')
    await button.click()
    expect(await button.getAttribute('aria-expanded')).toBe('true')
    const links = page
      .getByRole('list')
      .filter({ has: page.getByRole('link', { name: 'Captions (WebVTT)' }) })
      .getByRole('link')
    expect(await links.allTextContents()).toEqual(EXPORT_FILES.map((f) => f.label))
    expect(await axeViolations(page)).toEqual([])

    const bodies: Record<string, string> = {}
    for (const f of EXPORT_FILES) {
      const link = page.getByRole('link', { name: f.label })
      expect(await link.getAttribute('download')).toBe(`${SIDECAR_SLUG}.${f.name}`)
      const href = (await link.getAttribute('href')) ?? ''
      const response = await page.request.get(baseURL() + href)
      expect(response.status(), href).toBe(200)
      bodies[f.name] = await response.text()
    }
    expect(bodies['transcript.vtt']).toMatch(
      /^WEBVTT\n\nNOTE Chapter: Welcome\n\n1\n00:00:00\.000 --> 00:00:06\.500\n<v Alexey>Welcome to the show\./,
    )
    expect(bodies['transcript.srt']).toMatch(/^1\n00:00:00,000 --> 00:00:06,500\nAlexey: Welcome/)
    expect(JSON.parse(bodies['transcript.json'] ?? '')).toMatchObject({
      version: '1.0.0',
      segments: expect.arrayContaining([
        { speaker: 'Maria', startTime: 6.5, endTime: 12, body: 'Thanks for having me & my notes.' },
      ]),
    })
    expect(JSON.parse(bodies['chapters.json'] ?? '')).toEqual({
      version: '1.2.0',
      chapters: [
        { startTime: 0, title: 'Welcome' },
        { startTime: 12, title: 'Where captions come from' },
        { startTime: 25, title: 'What is next' },
      ],
    })
    expect(bodies['transcript.txt']).toContain(
      '## Where captions come from (0:12)\n\n[0:12] Alexey:\nSo, where do caption files come from?',
    )

    // Escape closes the menu and gives focus back to its button.
    await page.keyboard.press('Escape')
    expect(await button.getAttribute('aria-expanded')).toBe('false')
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true)
    expect(errors).toEqual([])
  })
})
