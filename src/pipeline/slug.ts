/**
 * The slug rule: an episode's address comes from its file name.
 *
 * The file name loses its `.md` extension (a doubled `.md.md` loses both), then
 * letters with accents lose the accents (`é` → `e`, `ü` → `u`; `ß` → `ss`,
 * `æ` → `ae`, `ø` → `o`, `œ` → `oe`, `ł` → `l`, `đ` → `d`, `þ` → `th`), ASCII is
 * lowercased, and every run of other characters (spaces, punctuation, letters of
 * other scripts) becomes one `-`, with none at either end. A slug is therefore
 * lowercase ASCII letters, digits and single inner hyphens, at most 100 characters:
 * safe as a folder name and as a URL segment, with nothing to percent-encode.
 * A name that gives no letter or digit (`...md`, `日本語.md`) gives no slug.
 */

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const MAX_SLUG_LENGTH = 100

const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  ø: 'o',
  Ø: 'o',
  œ: 'oe',
  Œ: 'oe',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
}

/** The file's name without folders and without its `.md` extension(s). */
export function baseName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  return base.replace(/(\.md)+$/i, '')
}

export type SlugResult = { ok: true; slug: string; changed: boolean } | { ok: false; message: string }

export function slugFor(fileName: string): SlugResult {
  const name = baseName(fileName)
  const slug = name
    .replace(/[ßæÆøØœŒłŁđĐþÞı]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (!slug)
    return {
      ok: false,
      message: `the file name ${JSON.stringify(name)} has no letter or digit to make an address from; rename the file (lowercase letters, digits and hyphens, like "s11e03-dataops.md")`,
    }
  if (slug.length > MAX_SLUG_LENGTH)
    return {
      ok: false,
      message: `the file name gives an address of ${slug.length} characters (at most ${MAX_SLUG_LENGTH}); rename the file to something shorter`,
    }
  return { ok: true, slug, changed: slug !== name }
}
