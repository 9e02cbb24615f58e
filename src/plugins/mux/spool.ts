import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'

export type SpoolKind = 'videos' | 'tracks'

/** An uploaded file as Payload hands it over: on disk (`useTempFiles`) or in memory. */
export interface IncomingFile {
  name: string
  size?: number
  tempFilePath?: string
  data?: Buffer
}

const safeExtension = (name: string): string => {
  const extension = path.extname(name).toLowerCase()
  return /^\.[a-z0-9]{1,8}$/.test(extension) ? extension : ''
}

const isSpoolName = (name: string) => /^[A-Za-z0-9_-]+(\.[a-z0-9]{1,8})?$/.test(name)

/**
 * Uploaded files wait here until they are pushed, so a job can still read them after the
 * request has ended (Payload deletes its temp file then) and after a restart.
 */
export class VideoSpool {
  constructor(readonly dir: string) {}

  pathOf(kind: SpoolKind, name: string): string {
    if (!isSpoolName(name)) throw new Error(`Not a spool file name: ${name}`)
    return path.join(this.dir, kind, name)
  }

  /**
   * Takes a copy of the upload without reading it into memory: a hard link when the temp file
   * is on the same file system (instant), else a kernel-side copy. Payload still deletes its
   * temp file afterwards; ours survives.
   */
  async adopt(kind: SpoolKind, file: IncomingFile, stem = randomBytes(9).toString('base64url')) {
    const name = `${stem}${safeExtension(file.name)}`
    const target = this.pathOf(kind, name)
    await fsp.mkdir(path.dirname(target), { recursive: true })
    if (file.tempFilePath) {
      await fsp.link(file.tempFilePath, target).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EXDEV' && error.code !== 'EPERM' && error.code !== 'ENOTSUP') {
          throw error
        }
        await fsp.copyFile(file.tempFilePath as string, target)
      })
    } else if (file.data) {
      await fsp.writeFile(target, file.data)
    } else {
      throw new Error('The uploaded file has neither a temp file nor data.')
    }
    const { size } = await fsp.stat(target)
    return { name, bytes: size }
  }

  async exists(kind: SpoolKind, name: string): Promise<boolean> {
    return fsp.stat(this.pathOf(kind, name)).then(
      () => true,
      () => false,
    )
  }

  /** Reads a spooled file, from byte `start` on. */
  read(kind: SpoolKind, name: string, start = 0): fs.ReadStream {
    return fs.createReadStream(this.pathOf(kind, name), { highWaterMark: 1024 * 1024, start })
  }

  async remove(kind: SpoolKind, name: string | null | undefined): Promise<void> {
    if (!name || !isSpoolName(name)) return
    await fsp.rm(this.pathOf(kind, name), { force: true })
  }

  /** Deletes files older than `olderThanMs` that `keep` does not name; returns their names. */
  async sweep(kind: SpoolKind, keep: Set<string>, olderThanMs: number): Promise<string[]> {
    const dir = path.join(this.dir, kind)
    const names = await fsp.readdir(dir).catch(() => [] as string[])
    const removed: string[] = []
    for (const name of names) {
      if (keep.has(name) || !isSpoolName(name)) continue
      const stat = await fsp.stat(path.join(dir, name)).catch(() => null)
      if (!stat || Date.now() - stat.mtimeMs < olderThanMs) continue
      await this.remove(kind, name)
      removed.push(name)
    }
    return removed
  }
}
