import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../../..')
const sourceRoots = ['src', 'collections', 'hooks', 'reelhouseConfig.ts', 'payload.config.ts']

const sourceFiles = (entry: string): string[] => {
  const full = path.join(root, entry)
  if (statSync(full).isFile()) return [full]
  return readdirSync(full).flatMap((name) =>
    /\.(ts|tsx)$/.test(name) || statSync(path.join(full, name)).isDirectory()
      ? sourceFiles(path.join(entry, name))
      : [],
  )
}

/** Every `env.NAME`, `env['NAME']` and `process.env.NAME` the application reads. */
const variablesRead = () => {
  const names = new Set<string>()
  for (const file of sourceRoots.flatMap(sourceFiles)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\benv(?:\.|\[')([A-Z][A-Z0-9_]+)/g)) {
      names.add(match[1])
    }
  }
  return [...names].sort()
}

describe('.env.example', () => {
  it('documents every environment variable the application reads', () => {
    const example = readFileSync(path.join(root, '.env.example'), 'utf8')
    const documented = new Set(
      [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]),
    )
    const read = variablesRead()
    expect(read.length).toBeGreaterThan(20)
    expect(read.filter((name) => !documented.has(name))).toEqual([])
  })
})
