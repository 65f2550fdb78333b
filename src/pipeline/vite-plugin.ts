/**
 * Vite plugin: reads the episodes folder at build (and dev) time and serves
 * typed data as virtual modules, so the browser never ships a YAML parser.
 *
 * - `virtual:playscript/catalog`: in the browser, only the name of the catalog
 *   file (every episode's metadata); each episode's data has a file of its own
 *   (both named in `lib/site/files.ts`). Both are emitted with the build, so
 *   no page's code carries episode data. When prerendering, the metadata and
 *   a module per episode.
 * - `virtual:playscript/episode/<slug>`: one episode's full data (prerendering).
 * - `virtual:playscript/search-index`: the name of the search data's meta file, for the
 *   search worker; the search data itself is chunks (`src/lib/search/chunks.ts`), each
 *   named by its content (`searchDataFile` in `src/lib/site/files.ts`), fetched only when a search across
 *   episodes starts, and then only the chunks a query needs.
 *
 * Errors fail the build with compiler-style messages (`file:line: error: …`);
 * warnings are printed and do not. In dev, editing an episode file reloads
 * the page with fresh data, and errors show in the terminal and the overlay.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import type { Plugin, ViteDevServer } from 'vite'
import type { CatalogEntry, EpisodeData, EpisodeMeta } from '../lib/episode/types.ts'
import { exportEpisode } from '../lib/formats/export.ts'
import { buildSearchChunks, type SearchMeta, type SearchPostingsFiles } from '../lib/search/chunks.ts'
import { buildCorpusIndex, type CorpusIndexData } from '../lib/search/corpus-search.ts'
import { lineShareTime } from '../lib/timeline/lookup.ts'
import {
  catalogFile,
  dataFileAt,
  episodeDataFile,
  EXPORT_FILES,
  exportFile,
  hasExports,
  numberedChunkName,
  SEARCH_DATA_DIR,
  searchChunkName,
  searchDataFile,
  type SearchChunkKind,
} from '../lib/site/files.ts'
import { isEpisodeFile, isSidecarFile, loadEpisodeDir, type LoadedDir } from './load.ts'
import { formatProblem, hasErrors } from './problems.ts'

const CATALOG = 'virtual:playscript/catalog'
const EPISODE = 'virtual:playscript/episode/'
const SEARCH_INDEX = 'virtual:playscript/search-index'
const RESOLVED = '\0'

export interface EpisodesPluginOptions {
  /** The episodes folder; defaults to `EPISODES_DIR` or `episodes`. */
  dir?: string
}

export function resolveEpisodesDir(dir?: string): string {
  return path.resolve(dir ?? process.env.EPISODES_DIR ?? 'episodes')
}

/** An episode's data as JSON, as the browser fetches it. */
export function episodeJson(episode: EpisodeData): string {
  return JSON.stringify(episode)
}

/** Serialises data as a module that parses fast (JSON.parse beats an object literal for large data). */
export function jsonModule(value: unknown): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))})`
}

/**
 * The cross-episode search data, built here and loaded by the search worker on the first
 * search. Each line's start is its share time, so a result's link selects exactly that line.
 */
export function searchIndexData(episodes: readonly EpisodeData[]): CorpusIndexData {
  return buildCorpusIndex(
    episodes.map((e) => ({
      slug: e.meta.slug,
      title: e.meta.title,
      lines: e.timeline.lines.map((l) => ({ ...l, start: lineShareTime(e.timeline, l.index) })),
    })),
  )
}

export interface SearchDataFiles {
  /** The meta file's path, relative to the site's base (the worker's first fetch). */
  metaFile: string
  /** What the worker knows of the postings chunks before the meta has loaded (built into it). */
  postings: SearchPostingsFiles
  /** Every chunk, meta included: path relative to the site's base → JSON. */
  files: Map<string, string>
}

/** The search data as chunk files, each named by its content (cacheable forever). */
export function searchDataFiles(episodes: readonly EpisodeData[]): SearchDataFiles {
  const built = buildSearchChunks(searchIndexData(episodes))
  const files = new Map<string, string>()
  // Each named by its content; the meta file names the others by their name in their folder.
  const put = (kind: SearchChunkKind, content: unknown): string => {
    const json = JSON.stringify(content)
    const hash = createHash('sha256').update(json).digest('hex').slice(0, 12)
    files.set(searchDataFile(kind, hash), json)
    return searchChunkName(kind, hash)
  }
  // The postings and line chunks are many: one hash of each set, and a number each.
  const numbered = (kind: SearchChunkKind, chunks: readonly unknown[]): { hash: string; count: number } => {
    const json = chunks.map((c) => JSON.stringify(c))
    const hash = createHash('sha256').update(json.join('\n')).digest('hex').slice(0, 12)
    json.forEach((j, k) => files.set(`${SEARCH_DATA_DIR}/${numberedChunkName(kind, hash, k)}`, j))
    return { hash, count: chunks.length }
  }
  const postings = numbered('words', built.postings)
  const meta: SearchMeta = {
    ...built.meta,
    files: { postings, lines: numbered('lines', built.lines), speakers: put('speakers', built.speakers) },
  }
  const metaJson = JSON.stringify(meta)
  const metaFile = searchDataFile('meta', createHash('sha256').update(metaJson).digest('hex').slice(0, 12))
  files.set(metaFile, metaJson)
  return { metaFile, postings: { ...postings, from: built.postingsFrom }, files }
}

/** The catalog ships the metadata the home page needs, not each episode's long fields. */
export function catalogEntry(meta: EpisodeMeta): CatalogEntry {
  const { description: _description, speakers: _speakers, ...entry } = meta
  return entry
}

/** Warnings already printed by this process. */
const reported = new Set<string>()

export function playscriptEpisodes(options: EpisodesPluginOptions = {}): Plugin {
  const dir = resolveEpisodesDir(options.dir)
  let loaded: LoadedDir | undefined
  let bySlug = new Map<string, EpisodeData>()
  let server: ViteDevServer | undefined

  // The catalog, made once per load of the folder: the dev server asks for its name on every request.
  let catalog = { entries: [] as CatalogEntry[], json: '[]', file: '' }
  // The search data's chunks, made when first asked for (once per load of the folder).
  let searchData: SearchDataFiles | undefined
  const search = (): SearchDataFiles => (searchData ??= searchDataFiles([...bySlug.values()]))

  async function load(): Promise<LoadedDir> {
    loaded = await loadEpisodeDir(dir)
    bySlug = new Map(loaded.episodes.map((e) => [e.meta.slug, e]))
    searchData = undefined
    const entries = loaded.episodes.map((e) => catalogEntry(e.meta))
    const json = JSON.stringify(entries)
    // Named by content: the one file whose name the code must know, so it caches forever.
    catalog = {
      entries,
      json,
      file: catalogFile(createHash('sha256').update(json).digest('hex').slice(0, 10)),
    }
    return loaded
  }

  function report(result: LoadedDir, log: (msg: string) => void, once = true): void {
    // `scripts/build-site.ts` checks and reports the episodes before it runs the bundler.
    if (process.env.PLAYSCRIPT_EPISODES_CHECKED) return
    for (const p of result.problems) {
      if (p.severity === 'error') continue
      // Once per process when building: the worker build runs this plugin again on the same files.
      const line = formatProblem(p)
      if (!once || !reported.has(line)) log(line)
      reported.add(line)
    }
  }

  return {
    name: 'playscript-episodes',

    async buildStart() {
      let result: LoadedDir
      try {
        result = await load()
      } catch (err) {
        this.error(`cannot read the episodes folder ${dir}: ${err instanceof Error ? err.message : String(err)}`)
      }
      report(result, (m) => this.warn(m))
      if (hasErrors(result.problems)) {
        const errors = result.problems.filter((p) => p.severity === 'error').map(formatProblem)
        const message = `${errors.length} error(s) in episode files:\n${errors.join('\n')}`
        if (server) server.config.logger.error(message)
        else {
          // The messages name each file and line; a stack trace of the bundler would only bury them.
          const error = new Error(message)
          error.stack = message
          this.error(error)
        }
      }
      this.addWatchFile(dir)
    },

    generateBundle(options) {
      if (options.format !== 'es' || !loaded || this.environment?.config.consumer === 'server') return
      this.emitFile({ type: 'asset', fileName: catalog.file, source: catalog.json })
      for (const episode of bySlug.values()) {
        this.emitFile({ type: 'asset', fileName: episodeDataFile(episode.meta.slug), source: episodeJson(episode) })
        // The transcript in open formats, beside the episode's page (src/lib/formats).
        if (!hasExports(episode.meta)) continue
        for (const file of EXPORT_FILES)
          this.emitFile({
            type: 'asset',
            fileName: exportFile(episode.meta.slug, file),
            source: exportEpisode(episode, file.format),
          })
      }
      for (const [fileName, source] of search().files) this.emitFile({ type: 'asset', fileName, source })
    },

    configureServer(devServer) {
      server = devServer
      // The dev server answers episode data files from memory.
      devServer.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? ''
        const base = devServer.config.base
        const file = url.startsWith(base) ? dataFileAt(url.slice(base.length)) : undefined
        if (file?.kind === 'export') {
          const data = bySlug.get(file.slug)
          if (!data || !hasExports(data.meta)) {
            res.statusCode = 404
            res.end('no such file')
            return
          }
          res.setHeader('content-type', `${file.file.type}; charset=utf-8`)
          res.end(exportEpisode(data, file.file.format))
          return
        }
        let body: string | undefined
        if (file?.kind === 'catalog' && catalogFile(file.hash) === catalog.file) body = catalog.json
        else if (file?.kind === 'search-data') {
          body = search().files.get(url.slice(base.length))
          if (body === undefined) {
            res.statusCode = 404
            res.end('no such search data file')
            return
          }
        } else if (file?.kind === 'episode-data') {
          const data = bySlug.get(file.slug)
          if (!data) {
            res.statusCode = 404
            res.end('no such episode')
            return
          }
          body = episodeJson(data)
        }
        if (body === undefined) return next()
        res.setHeader('content-type', 'application/json')
        res.end(body)
      })
      devServer.watcher.add(dir)
      const onChange = async (file: string) => {
        if (!file.startsWith(dir) || !(isEpisodeFile(file) || isSidecarFile(file))) return
        const result = await load()
        // After an edit, the whole folder's warnings again: the author is looking at them now.
        report(result, (m) => devServer.config.logger.warn(m), false)
        for (const p of result.problems) if (p.severity === 'error') devServer.config.logger.error(formatProblem(p))
        for (const mod of devServer.moduleGraph.idToModuleMap.values()) {
          if (mod.id?.startsWith(RESOLVED + 'virtual:playscript/')) devServer.moduleGraph.invalidateModule(mod)
        }
        devServer.ws.send({ type: 'full-reload' })
      }
      devServer.watcher.on('change', onChange)
      devServer.watcher.on('add', onChange)
      devServer.watcher.on('unlink', onChange)
    },

    resolveId(id) {
      if (id === CATALOG || id === SEARCH_INDEX || id.startsWith(EPISODE)) return RESOLVED + id
      return undefined
    },

    async load(id, options) {
      if (!id.startsWith(RESOLVED + 'virtual:playscript/')) return undefined
      if (!loaded) await load()
      const vid = id.slice(RESOLVED.length)
      if (vid === CATALOG) {
        if (options?.ssr) {
          // Prerendering (Node) reads the catalog and each episode from modules.
          const episodes = catalog.entries
          const loaders = episodes.map(
            (m) =>
              `  ${JSON.stringify(m.slug)}: () => import(${JSON.stringify(EPISODE + encodeURIComponent(m.slug))}).then((m) => m.default),`,
          )
          return `export const episodes = JSON.parse(${JSON.stringify(JSON.stringify(episodes))})\nexport const loaders = {\n${loaders.join('\n')}\n}\nexport const catalogFile = ''\n`
        }
        // The browser fetches the catalog and each episode as JSON files: data, not code.
        return `export const episodes = []\nexport const loaders = {}\nexport const catalogFile = ${JSON.stringify(catalog.file)}\n`
      }
      if (vid === SEARCH_INDEX) {
        const { metaFile, postings } = search()
        return `export const metaFile = ${JSON.stringify(metaFile)}\nexport const postings = ${JSON.stringify(postings)}\n`
      }
      const slug = decodeURIComponent(vid.slice(EPISODE.length))
      const episode = bySlug.get(slug)
      if (!episode) this.error(`no episode with slug "${slug}" in ${dir}`)
      return jsonModule(episode)
    },
  }
}
