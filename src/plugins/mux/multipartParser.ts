import { randomBytes } from 'node:crypto'
import fsp, { type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { finished, Readable } from 'node:stream'

import { APIError } from 'payload'

import type { Backpressure } from '../../video'

/**
 * A streaming `multipart/form-data` reader for video uploads: the file part goes to a temp file
 * in large batched writes, the other parts (Payload's `_payload` JSON) into memory. Payload's
 * own reader also hashes every byte and awaits the parser per socket chunk, which caps a
 * multi-GB upload at a fraction of the disk's speed; this one keeps memory flat and fast.
 */

export interface ReceivedFile {
  fieldName: string
  name: string
  mimetype: string
  size: number
  tempFilePath: string
}

export interface ReceivedForm {
  fields: Record<string, string>
  file: ReceivedFile | null
}

/**
 * Where the bytes of the file part go. Errors thrown by `append` (or its promise) end the
 * request; `append` returns a promise only when the reader should wait before the next chunk.
 */
export interface FileSink {
  append(chunk: Buffer): Backpressure
  /** The file part ended; the sink finishes its writes. */
  close(): Promise<void>
  /** The request failed; the sink lets go of what it holds (its temp file is removed after). */
  abort(): Promise<void>
  readonly size: number
}

export interface FilePartInfo {
  fieldName: string
  name: string
  mimetype: string
  tempFilePath: string
  /**
   * The file's size if the body's length is known and the file is its last part, as browsers
   * and fetch send it; only a guess until the closing delimiter is seen.
   */
  expectedBytes?: number
}

export type FileSinkFactory = (file: FilePartInfo) => Promise<FileSink>

export interface MultipartLimits {
  tempDir: string
  maxFileBytes: number
  maxFieldBytes?: number
  maxFields?: number
  /** Where the file goes; by default all of it to `tempFilePath`. */
  fileSink?: FileSinkFactory
  /** Told of the fields read so far, each time one is complete. */
  onFields?: (fields: Record<string, string>) => void
  /** The body's Content-Length, if given: lets the file sink guess the file's size. */
  contentLength?: number
}

const CRLF = Buffer.from('\r\n')
const HEADER_END = Buffer.from('\r\n\r\n')
const writeBatchBytes = 4 * 1024 * 1024
const maxHeaderBytes = 16 * 1024

const badRequest = (message: string) => new APIError(message, 400)

export const boundaryOf = (contentType: string): string | null => {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  return match ? (match[1] ?? match[2]).trim() : null
}

const dispositionOf = (headers: string) => {
  const line = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? ''
  const param = (key: string) => {
    const match = new RegExp(`\\b${key}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(line)
    return match ? match[1].replace(/\\(.)/g, '$1') : null
  }
  return { name: param('name'), filename: param('filename') }
}

const contentTypeOf = (headers: string) =>
  /^content-type:\s*([^\r\n;]+)/im.exec(headers)?.[1].trim() ?? 'application/octet-stream'

/**
 * Writes appended buffers to a file from `position` on in batches (one `writev` per few MB),
 * one batch on its way to the disk while the next is read from the network.
 */
export class BatchedFile {
  private batch: Buffer[] = []
  private batched = 0
  private writing: Promise<void> = Promise.resolve()
  private failure: unknown = null
  size = 0

  constructor(
    private readonly handle: FileHandle,
    private position = 0,
  ) {}

  /** Batches the chunk; a promise (to wait for) only when a full batch goes to the disk. */
  append(chunk: Buffer): Backpressure {
    if (!chunk.length) return
    this.batch.push(chunk)
    this.batched += chunk.length
    this.size += chunk.length
    if (this.batched >= writeBatchBytes) return this.flush()
  }

  async flush() {
    await this.settled()
    if (!this.batch.length) return
    const batch = this.batch
    const at = this.position
    this.position += this.batched
    this.batch = []
    this.batched = 0
    this.writing = this.handle.writev(batch, at).then(
      () => undefined,
      (error: unknown) => {
        this.failure = error
      },
    )
  }

  private async settled() {
    await this.writing
    if (this.failure) throw this.failure
  }

  /** Writes what is batched and waits for it; the file stays open. */
  async drain() {
    await this.flush()
    await this.settled()
  }

  async close() {
    try {
      await this.drain()
    } finally {
      await this.handle.close()
    }
  }
}

/** The whole file part to its temp file. */
export const diskSink: FileSinkFactory = async ({ tempFilePath }) => {
  const file = new BatchedFile(await fsp.open(tempFilePath, 'w'))
  return {
    append: (chunk) => file.append(chunk),
    close: () => file.close(),
    abort: () => file.close().catch(() => undefined),
    get size() {
      return file.size
    },
  }
}

/** The length of the longest end of `data` that is a beginning of `delimiter` (which starts with CR). */
export const delimiterPrefixAtEnd = (data: Buffer, delimiter: Buffer): number => {
  const from = Math.max(0, data.length - delimiter.length + 1)
  for (
    let at = data.indexOf(delimiter[0], from);
    at >= 0;
    at = data.indexOf(delimiter[0], at + 1)
  ) {
    if (data.subarray(at).equals(delimiter.subarray(0, data.length - at))) return data.length - at
  }
  return 0
}

/**
 * Reads (and drops) what is left of a refused body, so the answer reaches the client on a
 * connection it can reuse; past `limit` the connection is given up instead.
 */
export const discardRest = async (
  chunks: AsyncIterator<Uint8Array>,
  limit = 64 * 1024 * 1024,
): Promise<void> => {
  let discarded = 0
  try {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      discarded += next.value.byteLength
      if (discarded > limit) break
    }
  } catch {
    // the client went away
  }
  await chunks.return?.()
}

const asBuffer = (chunk: Uint8Array): Buffer =>
  Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)

/**
 * Hands every chunk of a Node stream to `take` in order, pausing the stream while a promise
 * `take` returned is pending. Unlike an async iterator, a chunk that needs no waiting costs no
 * promise: uploads of several GB arrive in tens of thousands of socket reads, and in a server
 * that tracks async context (`AsyncLocalStorage`) every promise has a price.
 */
const readNodeStream = (stream: Readable, take: (chunk: Buffer) => Backpressure): Promise<void> =>
  new Promise((resolve, reject) => {
    let settled = false
    let waiting: Promise<void> | null = null
    const settle = (error?: unknown) => {
      if (settled) return
      settled = true
      stream.off('data', onData)
      stopWatching()
      stream.pause()
      if (error) reject(error)
      else resolve()
    }
    const onData = (chunk: Uint8Array) => {
      if (settled) return
      let wait: Backpressure
      try {
        wait = take(asBuffer(chunk))
      } catch (error) {
        return settle(error)
      }
      if (!wait) return
      stream.pause()
      waiting = wait.then(() => {
        waiting = null
        if (!settled) stream.resume()
      }, settle)
    }
    // The end (or a failure) may come while a chunk is still being taken: settle after it, so
    // nothing it started (a temp file, a Mux upload) is left running behind the caller's back.
    const stopWatching = finished(stream, { writable: false }, (error) => {
      if (waiting) void waiting.then(() => settle(error))
      else settle(error)
    })
    stream.on('data', onData)
  })

/** The same for any async iterable (a Web stream), one `await` per chunk. */
const readIterator = async (
  chunks: AsyncIterator<Uint8Array>,
  take: (chunk: Buffer) => Backpressure,
): Promise<void> => {
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    await take(asBuffer(next.value))
  }
}

type Part =
  | { kind: 'field'; name: string; chunks: Buffer[]; bytes: number }
  | { kind: 'file'; file: FileSink; bytes: number; received: Omit<ReceivedFile, 'size'> }

/**
 * Reads the whole form. Throws `APIError` 400 for a malformed body and 413 beyond the limits,
 * removing any temp file it made.
 */
export const parseMultipart = async (
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  contentType: string,
  {
    tempDir,
    maxFileBytes,
    maxFieldBytes = 1024 * 1024,
    maxFields = 20,
    fileSink = diskSink,
    onFields,
    contentLength,
  }: MultipartLimits,
): Promise<ReceivedForm> => {
  const boundary = boundaryOf(contentType)
  if (!boundary) throw badRequest('The multipart body has no boundary.')
  const opening = Buffer.from(`--${boundary}`)
  const delimiter = Buffer.from(`\r\n--${boundary}`)
  const fields: Record<string, string> = {}
  let file: ReceivedFile | null = null
  let tempFilePath: string | null = null
  // Assertions keep TypeScript from narrowing these to their first values: `step` changes them.
  let stage = 'preamble' as 'preamble' | 'headers' | 'body' | 'afterDelimiter' | 'done'
  let part = null as Part | null
  let pending: Buffer = Buffer.alloc(0) as Buffer
  /** Body bytes read so far; `bytesRead - pending.length` is where `pending` starts. */
  let bytesRead = 0
  const closing = Buffer.byteLength(`\r\n--${boundary}--\r\n`)

  const appendToPart = (data: Buffer): Backpressure => {
    if (!part || !data.length) return
    if (part.kind === 'field') {
      part.bytes += data.length
      if (part.bytes > maxFieldBytes) throw new APIError('A form field is too large.', 413)
      part.chunks.push(Buffer.from(data))
      return
    }
    if (part.bytes + data.length > maxFileBytes) {
      throw new APIError('File size limit has been reached', 413)
    }
    part.bytes += data.length
    return part.file.append(data)
  }

  const finishPart = async () => {
    if (!part) return
    if (part.kind === 'field') {
      if (Object.keys(fields).length >= maxFields) throw new APIError('Too many form fields.', 413)
      fields[part.name] = Buffer.concat(part.chunks).toString('utf8')
      onFields?.({ ...fields })
    } else {
      await part.file.close()
      file = { ...part.received, size: part.file.size }
    }
    part = null
  }

  const startPart = async (headers: string, dataStart: number) => {
    const { name, filename } = dispositionOf(headers)
    if (!name) throw badRequest('A multipart part has no name.')
    if (filename === null) {
      part = { kind: 'field', name, chunks: [], bytes: 0 }
      return
    }
    if (file || tempFilePath) throw badRequest('Send one file per request.')
    await fsp.mkdir(tempDir, { recursive: true })
    tempFilePath = path.join(tempDir, `video-${randomBytes(12).toString('hex')}`)
    const guess =
      contentLength !== undefined && Number.isFinite(contentLength)
        ? contentLength - dataStart - closing
        : undefined
    const received = {
      fieldName: name,
      name: filename,
      mimetype: contentTypeOf(headers),
      tempFilePath,
      ...(guess !== undefined && guess >= 0 ? { expectedBytes: guess } : {}),
    }
    part = { kind: 'file', file: await fileSink(received), bytes: 0, received }
  }

  /**
   * Consumes what it can of `pending`; false when it needs more bytes. Synchronous for the
   * middle of a file (the common case); a promise where a part starts or ends, or the file
   * sink asks to wait.
   */
  const step = (): boolean | Promise<boolean> => {
    switch (stage) {
      case 'preamble': {
        const at = pending.indexOf(opening)
        if (at < 0) {
          pending = pending.subarray(Math.max(0, pending.length - opening.length))
          return false
        }
        pending = pending.subarray(at + opening.length)
        stage = 'afterDelimiter'
        return true
      }
      case 'afterDelimiter': {
        if (pending.length < 2) return false
        if (pending[0] === 0x2d && pending[1] === 0x2d) {
          stage = 'done'
          return false
        }
        if (!pending.subarray(0, 2).equals(CRLF)) throw badRequest('Malformed multipart body.')
        pending = pending.subarray(2)
        stage = 'headers'
        return true
      }
      case 'headers': {
        const at = pending.indexOf(HEADER_END)
        if (at < 0) {
          if (pending.length > maxHeaderBytes) throw badRequest('Multipart headers too long.')
          return false
        }
        const headers = pending.subarray(0, at).toString('utf8')
        pending = pending.subarray(at + HEADER_END.length)
        return startPart(headers, bytesRead - pending.length).then(() => {
          stage = 'body'
          return true
        })
      }
      case 'body': {
        const at = pending.indexOf(delimiter)
        if (at < 0) {
          // Keep only a tail that could be the start of a delimiter split across chunks (rare),
          // so the next chunk is usually taken as it is, without copying.
          const keep = delimiterPrefixAtEnd(pending, delimiter)
          const data = pending.subarray(0, pending.length - keep)
          pending = pending.subarray(pending.length - keep)
          return appendToPart(data)?.then(() => false) ?? false
        }
        const data = pending.subarray(0, at)
        pending = pending.subarray(at + delimiter.length)
        stage = 'afterDelimiter'
        return (async () => {
          await appendToPart(data)
          await finishPart()
          return true
        })()
      }
      default:
        return false
    }
  }

  const consume = (chunk: Buffer): Backpressure => {
    if (stage === 'done') return // the epilogue, if any
    bytesRead += chunk.length
    // At most a delimiter's length is carried over between chunks.
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk
    for (;;) {
      const more = step()
      if (more === true) continue
      if (more === false) return
      return more.then(async (again) => {
        while (again) again = await step()
      })
    }
  }
  const nodeBody = body instanceof Readable ? body : null
  const chunks = nodeBody ? null : (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
  try {
    await (nodeBody ? readNodeStream(nodeBody, consume) : readIterator(chunks!, consume))
    if (stage !== 'done') throw badRequest('The multipart body ended early.')
    return { fields, file }
  } catch (error) {
    if (part?.kind === 'file') await part.file.abort().catch(() => undefined)
    if (tempFilePath) await fsp.rm(tempFilePath, { force: true })
    await discardRest(chunks ?? (nodeBody as Readable)[Symbol.asyncIterator]())
    throw error
  }
}
