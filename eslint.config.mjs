import path from 'node:path'
import { fileURLToPath } from 'node:url'

import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const projectRoot = path.dirname(fileURLToPath(import.meta.url))

/**
 * Arrows point down (../shared/spec/style.md): `src/` is imported by `hooks/`, `collections/`
 * and the config, never the other way round. A relative import is resolved against the file
 * that makes it, so `../hooks/x` inside a plugin's own folder stays allowed.
 */
const importsPointDown = {
  meta: {
    type: 'problem',
    schema: [
      { type: 'object', properties: { above: { type: 'array', items: { type: 'string' } } } },
    ],
    messages: {
      upward:
        "'{{source}}' is {{target}}, above src/: arrows point down (hand it in through options, or move the shared part into src/).",
    },
  },
  create(context) {
    const above = context.options[0]?.above ?? []
    const check = (node) => {
      const source = node.source?.value
      if (typeof source !== 'string' || !source.startsWith('.')) return
      const target = path.relative(
        projectRoot,
        path.resolve(path.dirname(context.filename), source),
      )
      const hit = above.find((entry) => target === entry || target.startsWith(`${entry}/`))
      if (hit)
        context.report({ node: node.source, messageId: 'upward', data: { source, target: hit } })
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
    plugins: { reelhouse: { rules: { 'imports-point-down': importsPointDown } } },
    rules: {
      'reelhouse/imports-point-down': [
        'error',
        { above: ['hooks', 'collections', 'reelhouseConfig'] },
      ],
    },
  },
)
