import path from 'node:path'
import { fileURLToPath } from 'node:url'

import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const projectRoot = path.dirname(fileURLToPath(import.meta.url))

/**
 * Import boundaries (README "Layout", ../shared/spec/style.md "Arrows point down"). Each zone
 * names a folder and either the only places its files may import (`allow`) or the places they
 * may not (`forbid`); paths are relative to the project root. A relative import (and the
 * `@payload-config` alias) is resolved against the file that makes it, so `../x` means the same
 * wherever it is written. An import is reported once, for the first zone it breaks. Packages
 * (Payload in the pure engine) are the job of `no-restricted-imports` below.
 */
const importBoundaries = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: {
          zones: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                from: { type: 'string' },
                allow: { type: 'array', items: { type: 'string' } },
                forbid: { type: 'array', items: { type: 'string' } },
                because: { type: 'string' },
              },
              required: ['from', 'because'],
            },
          },
        },
      },
    ],
    messages: {
      outside: "'{{source}}' is {{target}}: {{from}}/ may import only {{allowed}} ({{because}}).",
      forbidden: "'{{source}}' is {{target}}: {{from}}/ may not import {{hit}}/ ({{because}}).",
    },
  },
  create(context) {
    const zones = context.options[0]?.zones ?? []
    const within = (target, entry) => target === entry || target.startsWith(`${entry}/`)
    const file = path.relative(projectRoot, context.filename)
    const mine = zones.filter((zone) => within(file, zone.from))
    if (mine.length === 0) return {}
    const check = (node) => {
      const source = node.source?.value
      if (typeof source !== 'string') return
      const resolved = source.startsWith('.')
        ? path.resolve(path.dirname(context.filename), source)
        : source === '@payload-config'
          ? path.join(projectRoot, 'payload.config')
          : null
      if (resolved === null) return
      const target = path.relative(projectRoot, resolved).replace(/\.(m?[jt]sx?)$/, '')
      for (const zone of mine) {
        const data = { source, target, from: zone.from, because: zone.because }
        if (zone.allow && !zone.allow.some((entry) => within(target, entry))) {
          const allowed = zone.allow.map((entry) => `${entry}/`).join(', ')
          context.report({ node: node.source, messageId: 'outside', data: { ...data, allowed } })
          return
        }
        const hit = zone.forbid?.find((entry) => within(target, entry))
        if (hit) {
          context.report({ node: node.source, messageId: 'forbidden', data: { ...data, hit } })
          return
        }
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    }
  },
}

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'data/**',
      'media/**',
      'src/payload-types.ts',
      'src/app/(payload)/admin/importMap.js',
      'migrations/**',
      'next-env.d.ts',
      'tests/e2e/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { reelhouse: { rules: { 'import-boundaries': importBoundaries } } },
    rules: {
      'reelhouse/import-boundaries': [
        'error',
        {
          zones: [
            {
              from: 'src',
              forbid: ['hooks', 'collections', 'reelhouseConfig'],
              because: 'arrows point down: hooks/, collections/ and the config sit above src/',
            },
            {
              from: 'src/availability',
              allow: ['src/availability'],
              because: 'the rights engine is pure and stands alone',
            },
            {
              from: 'src/video',
              forbid: ['collections', 'src/plugins'],
              because: 'the Mux port knows no Payload collections and no plugin',
            },
            {
              from: 'src/plugins/mux',
              allow: ['src/plugins/mux', 'src/video'],
              because: 'the plugin takes what it needs from the app through its options',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/availability/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['payload', 'payload/*', '@payloadcms/*'],
              message: 'src/availability is pure TypeScript: no Payload imports.',
            },
          ],
        },
      ],
    },
  },
)
