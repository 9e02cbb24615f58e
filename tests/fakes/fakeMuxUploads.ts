import type { IncomingMessage, ServerResponse } from 'node:http'

import type { ApiFailures } from './fakeMuxFailures'
import { errorResponse, FakeHttpError, send, type FakeResponse } from './fakeMuxHttp'
import type { FakeMuxStore } from './fakeMuxStore'

// The signed upload URL of a direct upload: a resumable upload session of Google Cloud Storage
// behind real Mux. Accepts one streamed PUT of the whole file, or chunks with Content-Range
// (`bytes a-b/total`, `bytes a-b/*` while the size is unknown) answered by 308 with the bytes
// kept so far (`Range: bytes=0-n`) until the last one; `bytes */*` (or `*/total`) asks how much
// arrived, or finishes the upload when all of it did. Bytes sent again are skipped, as GCS does.

type ContentRange =
  | { kind: 'chunk'; start: number; end: number; total: number | null }
  | { kind: 'query'; total: number | null }

const parseContentRange = (header: string | undefined): ContentRange | null | 'invalid' => {
  if (header === undefined) return null
  const value = header.trim()
  const chunk = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(value)
  if (chunk) {
    const [start, end] = [Number(chunk[1]), Number(chunk[2])]
    if (end < start) return 'invalid'
    return { kind: 'chunk', start, end, total: chunk[3] === '*' ? null : Number(chunk[3]) }
  }
  const query = /^bytes \*\/(\d+|\*)$/.exec(value)
  if (query) return { kind: 'query', total: query[1] === '*' ? null : Number(query[1]) }
  return 'invalid'
}

/** Reads the body, keeping the bytes from `skip` on; stops early (dropping the socket) at `limit`. */
const receiveBody = async (
  req: IncomingMessage,
  keep: (chunk: Buffer) => void,
  { skip = 0, limit = Infinity }: { skip?: number; limit?: number } = {},
): Promise<'complete' | 'dropped'> => {
  let seen = 0
  for await (const raw of req) {
    const chunk = raw as Buffer
    const from = Math.max(0, skip - seen)
    const to = Math.min(chunk.length, limit - seen)
    if (to > from) keep(chunk.subarray(from, to))
    seen += chunk.length
    if (seen >= limit) {
      req.socket.destroy()
      return 'dropped'
    }
  }
  return 'complete'
}

export const receiveUpload = async (
  req: IncomingMessage,
  res: ServerResponse,
  uploadId: string,
  store: FakeMuxStore,
  failures: ApiFailures,
): Promise<void> => {
  const upload = store.uploads.get(uploadId)
  const cors = {
    'access-control-allow-origin': upload?.cors_origin || '*',
    'access-control-allow-methods': 'PUT, OPTIONS',
    'access-control-allow-headers': 'content-type, content-range, content-length',
    'access-control-expose-headers': 'range',
  }
  const answer = (response: FakeResponse) =>
    send(res, { ...response, headers: { ...response.headers, ...cors } })
  if (req.method === 'OPTIONS') return answer({ status: 204 })
  if (req.method !== 'PUT') return answer(errorResponse(405, 'method_not_allowed', 'PUT only'))

  // Failure switches (`path: '/upload/*'`): an error status, a hang, or a dropped connection
  // once the upload holds `afterBytes`.
  const received = () => store.uploadedBytes.get(uploadId) ?? 0
  const declared = Number(req.headers['content-length'] ?? NaN)
  const failure = failures.take('PUT', `/upload/${uploadId}`, {
    explicitOnly: true,
    // A reset at `afterBytes` waits for the request that reaches it.
    trips: (rule) =>
      rule.mode !== 'reset' ||
      rule.afterBytes === undefined ||
      !Number.isFinite(declared) ||
      received() + declared > rule.afterBytes,
  })
  if (failure?.mode === 'hang') return void req.resume()
  if (failure?.mode === 'status') {
    req.resume()
    return answer(errorResponse(failure.status ?? 503, 'injected', 'Injected upload failure'))
  }
  if (!upload) {
    req.resume()
    return answer(errorResponse(404, 'not_found', 'Upload not found'))
  }
  const range = parseContentRange(req.headers['content-range'])
  if (range === 'invalid') {
    req.resume()
    return answer(errorResponse(400, 'invalid_range', 'Malformed Content-Range'))
  }
  if (upload.status === 'asset_created' && range) {
    req.resume()
    return answer({ status: 200, body: { asset_id: upload.asset_id } })
  }
  if (upload.status !== 'waiting') {
    req.resume()
    return answer(errorResponse(410, 'gone', `Upload is ${upload.status}`))
  }

  const keep = (chunk: Buffer) => store.receiveUploadChunk(uploadId, chunk)
  // A `reset` drops the connection once the upload holds `afterBytes` (skipped bytes aside).
  const limitAfter = (skip: number) =>
    failure?.mode === 'reset'
      ? skip + Math.max(0, (failure.afterBytes ?? 0) - received())
      : Infinity
  let total: number | null
  if (!range) {
    if ((await receiveBody(req, keep, { limit: limitAfter(0) })) === 'dropped') return
    total = received()
  } else if (range.kind === 'query') {
    req.resume()
    total = range.total
  } else {
    if (range.start > received()) {
      req.resume()
      return answer(
        errorResponse(400, 'invalid_range', `Chunk starts at ${range.start}; ${received()} kept`),
      )
    }
    const skip = received() - range.start
    if ((await receiveBody(req, keep, { skip, limit: limitAfter(skip) })) === 'dropped') return
    total = range.total
  }
  if (total === null || received() < total) {
    const kept = received()
    return answer({ status: 308, headers: kept ? { range: `bytes=0-${kept - 1}` } : {} })
  }
  if (received() > total) {
    return answer(errorResponse(400, 'invalid_range', `More than ${total} bytes received`))
  }
  try {
    const asset = store.completeUpload(uploadId)
    answer({ status: 200, body: { asset_id: asset.id } })
  } catch (error) {
    if (!(error instanceof FakeHttpError)) throw error
    answer(errorResponse(error.status, error.type, error.message))
  }
}
