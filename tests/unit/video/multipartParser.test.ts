import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { boundaryOf, parseMultipart } from '../../../src/plugins/mux/multipartParser'

const boundary = '----WebKitFormBoundaryab12CD'
const contentType = `multipart/form-data; boundary=${boundary}`

const form = (
  parts: Array<{ name: string; filename?: string; type?: string; body: Buffer | string }>,
) =>
  Buffer.concat([
    Buffer.from('preamble to ignore\r\n'),
    ...parts.flatMap(({ name, filename, type, body }) => [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"` +
          (filename !== undefined
            ? `; filename="${filename}"\r\nContent-Type: ${type ?? 'video/mp4'}`
            : '') +
          '\r\n\r\n',
      ),
      Buffer.from(body),
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ])

async function* chunked(bytes: Buffer, size: number) {
  for (let at = 0; at < bytes.length; at += size)
    yield new Uint8Array(bytes.subarray(at, at + size))
}

/** The same chunks as a Node stream (as the Express route hands over a request). */
const nodeStream = (bytes: Buffer, size: number) =>
  Readable.from(chunked(bytes, size), { objectMode: false })

const bodySources = [
  ['an async iterable', chunked],
  ['a Node stream', nodeStream],
] as const

describe('parseMultipart', () => {
  let tempDir: string
  beforeEach(() => {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'multipart-test-'))
  })
  afterEach(() => fs.rmSync(tempDir, { recursive: true, force: true }))

  // Bytes that look like the delimiter's start, CRLFs and dashes: only the real delimiter ends it.
  const fileBytes = Buffer.concat([
    Buffer.from('\r\n--\r\n-'),
    Buffer.from(`\r\n--${boundary.slice(0, -1)}X`),
    Buffer.alloc(70_000, 9),
    Buffer.from('\r\n'),
  ])
  const body = form([
    { name: '_payload', body: JSON.stringify({ title: 'Tür' }) },
    { name: 'file', filename: 'clip one – ü.mp4', body: fileBytes },
    { name: 'after', body: 'last' },
  ])

  it.each(
    bodySources.flatMap(([source, from]) =>
      [1, 2, 3, 7, 64, 1000, 65_536, body.length].map((size) => [source, size, from] as const),
    ),
  )(
    'reads fields and the file exactly, from %s in chunks of %i bytes',
    async (_source, size, from) => {
      const { fields, file } = await parseMultipart(from(body, size), contentType, {
        tempDir,
        maxFileBytes: 1e9,
      })
      expect(fields).toEqual({ _payload: '{"title":"Tür"}', after: 'last' })
      expect(file).toMatchObject({
        fieldName: 'file',
        name: 'clip one – ü.mp4',
        mimetype: 'video/mp4',
      })
      expect(file?.size).toBe(fileBytes.length)
      expect(fs.readFileSync(file?.tempFilePath ?? '').equals(fileBytes)).toBe(true)
    },
  )

  it('takes an empty file and a form without a file', async () => {
    const empty = await parseMultipart(
      chunked(form([{ name: 'file', filename: 'e.mp4', body: '' }]), 5),
      contentType,
      { tempDir, maxFileBytes: 10 },
    )
    expect(empty.file?.size).toBe(0)
    const none = await parseMultipart(chunked(form([{ name: 'a', body: 'b' }]), 5), contentType, {
      tempDir,
      maxFileBytes: 10,
    })
    expect(none).toEqual({ fields: { a: 'b' }, file: null })
  })

  it.each(bodySources)(
    'refuses a file over the limit, a cut-off body and a second file from %s, leaving no temp file',
    async (_source, from) => {
      await expect(
        parseMultipart(from(body, 4096), contentType, { tempDir, maxFileBytes: 1000 }),
      ).rejects.toMatchObject({ status: 413 })
      await expect(
        parseMultipart(from(body.subarray(0, 5000), 4096), contentType, {
          tempDir,
          maxFileBytes: 1e9,
        }),
      ).rejects.toMatchObject({ status: 400 })
      const twoFiles = form([
        { name: 'file', filename: 'a.mp4', body: 'a' },
        { name: 'file', filename: 'b.mp4', body: 'b' },
      ])
      await expect(
        parseMultipart(from(twoFiles, 10), contentType, { tempDir, maxFileBytes: 1e9 }),
      ).rejects.toMatchObject({ status: 400 })
      expect(fs.readdirSync(tempDir)).toEqual([])
    },
  )

  it('waits for a file sink that pushes back, and keeps every byte in order', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024)
    for (let at = 0; at < big.length; at += 4) big.writeUInt32BE(at, at)
    const received: Buffer[] = []
    let waits = 0
    let busy = false
    const { file } = await parseMultipart(
      nodeStream(form([{ name: 'file', filename: 'a.mp4', body: big }]), 65_536),
      contentType,
      {
        tempDir,
        maxFileBytes: 1e9,
        fileSink: async () => ({
          size: 0,
          append(chunk) {
            // A chunk while the previous wait is pending would mean the stream was not paused.
            if (busy) throw new Error('a chunk arrived while the sink pushed back')
            received.push(Buffer.from(chunk))
            if (received.length % 3) return undefined
            waits += 1
            busy = true
            return new Promise<void>((resolve) =>
              setTimeout(() => {
                busy = false
                resolve()
              }, 2),
            )
          },
          close: async () => undefined,
          abort: async () => undefined,
        }),
      },
    )
    expect(file).not.toBeNull()
    expect(waits).toBeGreaterThan(10)
    expect(Buffer.concat(received).equals(big)).toBe(true)
  })

  it('passes on a broken Node stream and a sink failure as errors, leaving no temp file', async () => {
    const broken = new Readable({
      read() {
        this.push(
          form([{ name: 'file', filename: 'a.mp4', body: Buffer.alloc(10_000) }]).subarray(0, 5000),
        )
        this.destroy(new Error('client went away'))
      },
    })
    await expect(
      parseMultipart(broken, contentType, { tempDir, maxFileBytes: 1e9 }),
    ).rejects.toThrow('client went away')
    const failingSink = parseMultipart(
      nodeStream(form([{ name: 'file', filename: 'a.mp4', body: Buffer.alloc(100_000) }]), 1000),
      contentType,
      {
        tempDir,
        maxFileBytes: 1e9,
        fileSink: async () => ({
          size: 0,
          append: (chunk) => (chunk.length ? Promise.reject(new Error('disk full')) : undefined),
          close: async () => undefined,
          abort: async () => undefined,
        }),
      },
    )
    await expect(failingSink).rejects.toThrow('disk full')
    expect(fs.readdirSync(tempDir)).toEqual([])
  })

  it('reads the boundary, quoted or not', () => {
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe('a b')
    expect(boundaryOf('multipart/form-data; boundary=xyz; charset=utf-8')).toBe('xyz')
    expect(boundaryOf('multipart/form-data')).toBeNull()
  })
})

describe('delimiterPrefixAtEnd', () => {
  const delimiter = Buffer.from('\r\n--abc')
  it('finds how much of the end could start the delimiter', async () => {
    const { delimiterPrefixAtEnd } = await import('../../../src/plugins/mux/multipartParser')
    expect(delimiterPrefixAtEnd(Buffer.from('data'), delimiter)).toBe(0)
    expect(delimiterPrefixAtEnd(Buffer.from('data\r'), delimiter)).toBe(1)
    expect(delimiterPrefixAtEnd(Buffer.from('data\r\n-'), delimiter)).toBe(3)
    expect(delimiterPrefixAtEnd(Buffer.from('data\r\n--ab'), delimiter)).toBe(6)
    expect(delimiterPrefixAtEnd(Buffer.from('\r\n--x\r'), delimiter)).toBe(1)
    expect(delimiterPrefixAtEnd(Buffer.from('da\rta'), delimiter)).toBe(0)
  })
})
