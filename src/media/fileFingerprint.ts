import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

/** What a stored file's URL and validators are made of: its bytes' SHA-256. */
export type FileFingerprint = {
  /** SHA-256 of the file's bytes, base64url. */
  hash: string
  size: number
  modified: Date
}

type Remembered = { size: number; mtimeMs: number; fingerprint: FileFingerprint }

// Hashing reads the whole file: done once per file version (size and mtime), not per request.
const remembered = new Map<string, Remembered>()
const rememberAtMost = 20_000

const remember = (filePath: string, entry: Remembered) => {
  if (remembered.size >= rememberAtMost) {
    const oldest = remembered.keys().next()
    if (!oldest.done) remembered.delete(oldest.value)
  }
  remembered.set(filePath, entry)
}

/** The path of `filename` inside `dir`, or undefined when the name would leave it. */
export const fileInside = (dir: string, filename: string): string | undefined => {
  const root = path.resolve(dir)
  const filePath = path.resolve(root, filename)
  return filePath.startsWith(root + path.sep) ? filePath : undefined
}

/** The fingerprint of a file on disk; undefined when there is no such file. */
export const fingerprintFile = async (filePath: string): Promise<FileFingerprint | undefined> => {
  const stats = await fs.promises.stat(filePath).catch(() => undefined)
  if (!stats?.isFile()) return undefined
  const known = remembered.get(filePath)
  if (known && known.size === stats.size && known.mtimeMs === stats.mtimeMs) {
    return known.fingerprint
  }
  const digest = createHash('sha256')
  try {
    await pipeline(fs.createReadStream(filePath), digest)
  } catch {
    return undefined
  }
  const fingerprint = { hash: digest.digest('base64url'), size: stats.size, modified: stats.mtime }
  remember(filePath, { size: stats.size, mtimeMs: stats.mtimeMs, fingerprint })
  return fingerprint
}

/** The token a file's URL carries (`?v=`): 96 bits of its hash, new whenever its bytes are. */
export const versionOf = (fingerprint: FileFingerprint): string => fingerprint.hash.slice(0, 16)

/** `url` with `v=<version>` in its query (absolute or root-relative URLs alike). */
export const withVersion = (url: string, version: string): string => {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(url)
  const parsed = new URL(url, 'http://relative.invalid')
  parsed.searchParams.set('v', version)
  return absolute ? parsed.toString() : `${parsed.pathname}${parsed.search}${parsed.hash}`
}

/** The URL of another file in the same directory as the one `url` names. */
export const siblingFileUrl = (url: string, filename: string): string => {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(url)
  const parsed = new URL(url, 'http://relative.invalid')
  parsed.search = ''
  parsed.pathname = parsed.pathname.replace(/[^/]*$/, encodeURIComponent(filename))
  return absolute ? parsed.toString() : `${parsed.pathname}${parsed.search}${parsed.hash}`
}
