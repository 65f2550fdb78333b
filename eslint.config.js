import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'test-results'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Pure logic: no React, no browser player, no build-time Node modules.
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react-*', 'zustand', '**/features/**', '**/app/**', '**/components/**', '**/pipeline/**'], message: 'src/lib is pure TypeScript: no React, no store, no UI, no build-time code.' },
          { group: ['node:*', 'yaml', 'markdown-it', 'zod'], message: 'src/lib ships to the browser: no Node or build-time packages.' },
        ],
      }],
    },
  },
  {
    // Browser code never imports the build-time pipeline (YAML, Markdown, zod stay out of the bundle).
    files: ['src/app/**', 'src/features/**', 'src/components/**', 'src/store/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'react-youtube', message: 'Only src/features/player/youtube-adapter.tsx imports react-youtube.' },
        ],
        patterns: [
          { group: ['**/pipeline/**', 'yaml', 'markdown-it', 'zod', 'node:*'], message: 'Build-time code stays out of the browser bundle.' },
        ],
      }],
    },
  },
  {
    // The prerendering entry runs in Node at build time, never in the browser.
    files: ['src/app/server.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The adapter, and its test that stands in for react-youtube.
    files: ['src/features/player/youtube-adapter.tsx', 'src/features/player/youtube-adapter.test.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
)
