import type { IncomingMessage, ServerResponse } from 'node:http'

import { errorResponse, FakeHttpError, send } from './fakeMuxHttp'
import type { FakeMuxStore } from './fakeMuxStore'

// The signed upload URL of a direct upload (Google Cloud Storage behind real Mux). Accepts one
// streamed PUT, or UpChunk-style chunks with Content-Range answered by 308 until the last one.

const parseContentRange = (header: string | undefined) => {
  const match = header ? /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim()) : null
  if (!match) return null
  return { end: Number(match[2]), total: match[3] === '*' ? null : Number(match[3]) }
}

export const receiveUpload = async (
  req: IncomingMessage,
  res: ServerResponse,
  uploadId: string,
  store: FakeMuxStore,
): Promise<void> => {
  const upload = store.uploads.get(uploadId)
  const cors = {
    'access-control-allow-origin': upload?.cors_origin || '*',
    'access-control-allow-methods': 'PUT, OPTIONS',
    'access-control-allow-headers': 'content-type, content-range, content-length',
    'access-control-expose-headers': 'range',
  }
  if (req.method === 'OPTIONS') return send(res, { status: 204, headers: cors })
  if (req.method !== 'PUT')
    return send(res, { ...errorResponse(405, 'method_not_allowed', 'PUT only'), headers: cors })
  if (!upload) {
    req.resume()
    return send(res, { ...errorResponse(404, 'not_found', 'Upload not found'), headers: cors })
  }
  if (upload.status !== 'waiting') {
    req.resume()
    return send(res, { ...errorResponse(410, 'gone', `Upload is ${upload.status}`), headers: cors })
  }

  for await (const chunk of req) store.receiveUploadChunk(uploadId, chunk as Buffer)

  const range = parseContentRange(req.headers['content-range'])
  if (range && (range.total === null || range.end + 1 < range.total)) {
    return send(res, { status: 308, headers: { ...cors, range: `bytes=0-${range.end}` } })
  }
  try {
    const asset = store.completeUpload(uploadId)
    send(res, { status: 200, body: { asset_id: asset.id }, headers: cors })
  } catch (error) {
    if (!(error instanceof FakeHttpError)) throw error
    send(res, { ...errorResponse(error.status, error.type, error.message), headers: cors })
  }
}
