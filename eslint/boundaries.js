/**
 * The import boundaries of src/, as one ESLint rule (`playscript/boundaries`).
 *
 * Every import (`import`, `import type`, `export … from`, `import('…')`) is resolved: a
 * relative path to the project folder it lands in, anything else to its package name.
 * So a rule holds however the path is spelled (`../transcript/x.ts` and
 * `../../features/transcript/x.ts` are the same folder).
 *
 * The rules (tests/unit/import-rules.test.ts lints a probe for each one):
 *  - browser code (all of src/ but src/pipeline/) imports neither src/pipeline/ nor the
 *    build-time packages (yaml, markdown-it, zod, the caption parsers), nor a Node built-in — except
 *    src/app/server.tsx, the prerendering entry run by Node, which may use Node built-ins;
 *  - src/lib/ imports no React, no store (zustand, src/playback/) and no UI (src/features/,
 *    src/components/, src/app/);
 *  - a feature (src/features/<name>/) imports no other feature and not src/app/;
 *  - only src/features/player/youtube-adapter.tsx (and its test) imports react-youtube;
 *  - only tests (`*.test.ts`, `*.test.tsx`) import tests/ (the fake player, the contract suite).
 */
import { isBuiltin } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const BUILD_TIME_PACKAGES = new Set(['yaml', 'js-yaml', 'markdown-it', 'zod', 'webvtt-parser', 'media-captions'])
const NODE_ENTRIES = new Set(['src/app/server.tsx'])
const YOUTUBE_ADAPTER = new Set([
  'src/features/player/youtube-adapter.tsx',
  'src/features/player/youtube-adapter.test.tsx',
])

/** `src/a/b.ts` for a file of the project, null outside it. */
function projectPath(file) {
  const rel = path.relative(ROOT, file)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null
  return rel.split(path.sep).join('/')
}

/** `src/features/<name>`'s name, or null. */
function featureOf(file) {
  const m = /^src\/features\/([^/]+)\//.exec(file)
  return m ? m[1] : null
}

/** What an import names: `{ file }` for a path in the project, `{ pkg }` for a package or built-in. */
function resolve(spec, importer) {
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const abs = spec.startsWith('/')
      ? path.join(ROOT, spec)
      : path.resolve(path.dirname(path.join(ROOT, importer)), spec)
    return { file: projectPath(abs) ?? abs }
  }
  if (isBuiltin(spec)) return { builtin: spec }
  const parts = spec.split('/')
  return { pkg: spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0] }
}

const under = (file, dir) => file === dir || file.startsWith(`${dir}/`)

/** Why `importer` may not import `target`, or null when it may. */
export function violation(importer, target) {
  if (!under(importer, 'src')) return null
  const browser = !under(importer, 'src/pipeline')
  const { file, pkg, builtin } = target

  if (browser) {
    if (file !== undefined && under(file, 'src/pipeline'))
      return 'Browser code never imports src/pipeline (build-time code stays out of the bundle).'
    if (pkg !== undefined && BUILD_TIME_PACKAGES.has(pkg))
      return `Browser code never imports ${pkg} (a build-time package).`
    if (builtin !== undefined && !NODE_ENTRIES.has(importer))
      return `Browser code never imports the Node built-in ${builtin}.`
  }
  if (under(importer, 'src/lib')) {
    if (pkg !== undefined && (pkg === 'react' || pkg.startsWith('react-') || pkg === 'zustand'))
      return `src/lib is pure TypeScript: no ${pkg}.`
    for (const dir of ['src/playback', 'src/features', 'src/components', 'src/app']) {
      if (file !== undefined && under(file, dir)) return `src/lib is pure TypeScript: it never imports ${dir}.`
    }
  }
  const feature = featureOf(importer)
  if (feature !== null && file !== undefined) {
    const other = featureOf(file)
    if (other !== null && other !== feature) return `Features never import each other: ${feature} imports ${other}.`
    if (under(file, 'src/app'))
      return 'Features never import src/app (the app composes features, not the other way round).'
  }
  if (pkg === 'react-youtube' && !YOUTUBE_ADAPTER.has(importer))
    return 'Only src/features/player/youtube-adapter.tsx imports react-youtube.'
  if (file !== undefined && under(file, 'tests') && !/\.test\.tsx?$/.test(importer))
    return 'Only tests import tests/: test helpers never ship.'
  return null
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'The import boundaries between the folders of src/' },
    schema: [],
  },
  create(context) {
    const importer = projectPath(context.filename)
    if (importer === null) return {}
    function check(node, source) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return
      const why = violation(importer, resolve(source.value, importer))
      if (why !== null) context.report({ node: source, message: `${why} ('${source.value}')` })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportEqualsDeclaration: (node) => {
        if (node.moduleReference.type === 'TSExternalModuleReference') check(node, node.moduleReference.expression)
      },
    }
  },
}

export const boundaries = { rules: { boundaries: rule } }
