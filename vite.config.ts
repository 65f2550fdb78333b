/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { playscriptEpisodes } from './src/pipeline/vite-plugin.ts'

export default defineConfig(({ mode }) => ({
  // BASE_PATH=/some/prefix/ builds a site that works under that prefix (GitHub Pages).
  base: (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/'),
  // Vitest's own server (mode "test") needs no episodes: the e2e set-up builds the site itself.
  // The server build (prerendering) bundles react-youtube: its CommonJS default export does not survive Node's ESM interop.
  ssr: { noExternal: ['react-youtube'] },
  // The search worker imports the names of the search data's files, a virtual module of the episodes plugin.
  worker: { format: 'es', plugins: () => [playscriptEpisodes()] },
  plugins: [react(), ...(mode === 'test' ? [] : [playscriptEpisodes()])],
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'logic',
          environment: 'node',
          // Worker threads start faster than forked processes, and both cores are used (the default
          // leaves one of two idle): sixty-odd files in about two thirds of the time on 2 cores.
          pool: 'threads',
          maxWorkers: '100%',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          pool: 'threads',
          maxWorkers: '100%',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['tests/setup-dom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // One after another in one worker: the modules every file imports (playwright-core, the
          // harness) load once, not once per file. Each file launches and closes its own Chromium.
          isolate: false,
        },
      },
    ],
  },
}))
