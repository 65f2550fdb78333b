/** Which page a path (relative to the app's base) is, for preloading and prerendering. */
export function episodeSlugFromPath(path: string): string | undefined {
  const m = /^\/episodes\/([^/?#]+)\/?$/.exec(path)
  if (!m?.[1]) return undefined
  try {
    return decodeURIComponent(m[1])
  } catch {
    return undefined
  }
}

/** The app's base without its trailing slash: `''` at the root, `/prefix` under one. */
export function basePath(): string {
  return import.meta.env.BASE_URL.replace(/\/$/, '')
}

/** `location.pathname` relative to the app's base. */
export function pathInApp(pathname: string): string {
  const base = basePath()
  const rest = base && pathname.startsWith(base) ? pathname.slice(base.length) : pathname
  return rest.startsWith('/') ? rest : `/${rest}`
}

/** `/episodes/a/` → `/episodes/a`; the root stays `/`. */
export function normalisePath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path
}
