/**
 * A plain static file server, like any static host: files under a prefix,
 * `dir/` → `dir/index.html`, unknown paths → `404.html` with status 404.
 * No SPA fallback, no rewriting: what works here works on GitHub Pages.
 */
import { readFile, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
}

export interface StaticServer {
  url: string
  close(): Promise<void>
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile()
  } catch {
    return false
  }
}

export async function serveStatic(root: string, prefix = '/'): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    let rel = decodeURIComponent(url.pathname)
    if (`${rel}/` === prefix) {
      res.writeHead(301, { location: `${prefix}${url.search}` }).end()
      return
    }
    if (!rel.startsWith(prefix)) {
      res.writeHead(404).end('outside the site')
      return
    }
    rel = rel.slice(prefix.length)
    let file = path.join(root, rel)
    if (!file.startsWith(root)) {
      res.writeHead(403).end()
      return
    }
    if (!(await isFile(file)) && (await isFile(path.join(file, 'index.html')))) {
      if (!url.pathname.endsWith('/')) {
        // Like most static hosts: a folder without its slash is redirected to it.
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end()
        return
      }
      file = path.join(file, 'index.html')
    }
    if (await isFile(file)) {
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
      res.end(await readFile(file))
      return
    }
    res.writeHead(404, { 'content-type': TYPES['.html'] })
    res.end(await readFile(path.join(root, '404.html')).catch(() => 'not found'))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${prefix.replace(/\/$/, '')}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
