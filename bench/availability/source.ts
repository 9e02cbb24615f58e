import fs from 'node:fs'
import path from 'node:path'

/** What the server will load: if any of it changes during a run, the backends ran different code. */
const watched = ['src', 'collections', 'hooks', 'migrations', 'payload.config.ts']

export type SourceFingerprint = Map<string, string>

export const sourceFingerprint = (root = process.cwd()): SourceFingerprint => {
  const fingerprint: SourceFingerprint = new Map()
  const visit = (relative: string) => {
    const absolute = path.join(root, relative)
    let stat: fs.Stats
    try {
      stat = fs.statSync(absolute)
    } catch {
      return
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(absolute)) visit(path.join(relative, entry))
    } else if (/\.(ts|tsx|js|mjs|json)$/.test(relative)) {
      fingerprint.set(relative, `${stat.size}:${stat.mtimeMs}`)
    }
  }
  watched.forEach(visit)
  return fingerprint
}

/** Files added, removed or modified between two fingerprints. */
export const changedFiles = (before: SourceFingerprint, after: SourceFingerprint): string[] =>
  [...new Set([...before.keys(), ...after.keys()])]
    .filter((file) => before.get(file) !== after.get(file))
    .sort()
