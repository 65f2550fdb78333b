/**
 * The app's base path (`/` at a host's root, `/prefix/` under one), set at build time by
 * `BASE_PATH` (Vite's `base`). The one place that reads it: the router's basename, absolute
 * links and asset URLs come from here.
 */

/** The base without its trailing slash: `''` at the root, `/prefix` under one. */
export function basePath(): string {
  return import.meta.env.BASE_URL.replace(/\/$/, '')
}

/** A path relative to the app (starting with `/`) or a site file (`data/…`) as a URL path on this host. */
export function withBase(path: string): string {
  return `${basePath()}${path.startsWith('/') ? '' : '/'}${path}`
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
