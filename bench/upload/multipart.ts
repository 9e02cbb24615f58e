import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'

/**
 * A `multipart/form-data` body (the admin's shape: `_payload` JSON and `file`) streamed around a
 * file stream, with its exact length, so nothing of the file is ever held in memory.
 */
export const multipartBody = ({
  fields,
  file,
  fileBytes,
  fileName,
  mimeType,
}: {
  fields: Record<string, string>
  file: Readable
  fileBytes: number
  fileName: string
  mimeType: string
}) => {
  const boundary = `----reelhouse-bench-${randomBytes(8).toString('hex')}`
  const head = Buffer.from(
    [
      ...Object.entries(fields).flatMap(([name, value]) => [
        `--${boundary}`,
        `Content-Disposition: form-data; name="${name}"`,
        '',
        value,
      ]),
      `--${boundary}`,
      `Content-Disposition: form-data; name="file"; filename="${fileName}"`,
      `Content-Type: ${mimeType}`,
      '',
      '',
    ].join('\r\n'),
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const body = Readable.from(
    (async function* () {
      yield head
      for await (const chunk of file) yield chunk as Buffer
      yield tail
    })(),
  )
  return {
    body,
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: head.length + fileBytes + tail.length,
  }
}
