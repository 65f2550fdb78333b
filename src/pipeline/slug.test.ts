import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SLUG, slugFor } from './slug.ts'

const slug = (name: string) => {
  const r = slugFor(name)
  return r.ok ? r.slug : null
}

describe('slugFor', () => {
  it('keeps a well-formed name as it is', () => {
    expect(slugFor('s11e03-from-data-science-to-dataops.md')).toEqual({
      ok: true,
      slug: 's11e03-from-data-science-to-dataops',
      changed: false,
    })
    expect(slugFor('dir/field-notes.md.md')).toEqual({ ok: true, slug: 'field-notes', changed: false })
  })

  it('lowercases, transliterates and hyphenates other names', () => {
    expect(slug('my episode.md')).toBe('my-episode')
    expect(slug('Case.md')).toBe('case')
    expect(slug('épisode-ünïcödé-日本語.md')).toBe('episode-unicode')
    expect(slug('Straße & Æsir -- Łódź!.md')).toBe('strasse-aesir-lodz')
    expect(slug('  a__b  .md')).toBe('a-b')
    expect(slugFor('my episode.md')).toMatchObject({ changed: true })
  })

  it('gives no slug for names without a letter or digit, or far too long', () => {
    for (const bad of ['...md', '..md', '.md', '日本語.md', '---.md', ' .md']) expect(slugFor(bad).ok).toBe(false)
    expect(slugFor(`${'a'.repeat(101)}.md`).ok).toBe(false)
  })

  it('always gives a safe slug or a refusal (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (name) => {
        const r = slugFor(`${name}.md`)
        if (r.ok) {
          expect(r.slug).toMatch(SLUG)
          expect(encodeURIComponent(r.slug)).toBe(r.slug)
          expect(r.slug).not.toMatch(/^\.+$/)
        }
      }),
    )
  })
})
