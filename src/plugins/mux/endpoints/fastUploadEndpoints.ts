import fsp from 'node:fs/promises'
import os from 'node:os'

import {
  APIError,
  isolateObjectProperty,
  type Endpoint,
  type PayloadHandler,
  type PayloadRequest,
} from 'payload'

import { receiveMultipart } from '../multipartUpload'
import { videosSlug } from '../videoRecords'

/**
 * `POST /api/videos` and `PATCH /api/videos/:id` with a multipart body: the body is read by
 * `receiveMultipart` (flat memory, several times faster than Payload's reader for multi-GB
 * files), then Payload's own create/update handler runs with `req.data` and `req.file` set, so
 * everything after the parsing (access, validation, hooks, the answer) is Payload's. Other
 * bodies (JSON) go to Payload's handler untouched.
 */
const payloadsOwn = (req: PayloadRequest, method: string, path: string, self: PayloadHandler) => {
  const endpoints = req.payload.collections[videosSlug]?.config.endpoints || []
  const own = endpoints.find(
    (endpoint) => endpoint.method === method && endpoint.path === path && endpoint.handler !== self,
  )
  if (!own) throw new Error(`Payload's ${method.toUpperCase()} ${path} handler is missing.`)
  return own.handler
}

const withFastMultipart = (
  method: 'post' | 'patch',
  path: string,
  afterUpload: (req: PayloadRequest) => Promise<void>,
): Endpoint => {
  const handler: PayloadHandler = async (req) => {
    const delegate = payloadsOwn(req, method, path, handler)
    const contentType = req.headers.get('content-type') ?? ''
    if (!contentType.toLowerCase().startsWith('multipart/form-data') || !req.body) {
      return delegate(req)
    }
    const { upload } = req.payload.config
    const form = await receiveMultipart(req.body, contentType, {
      tempDir: upload.tempFileDir || os.tmpdir(),
      maxFileBytes: upload.limits?.fileSize ?? Infinity,
    })
    if (form.fields._payload) {
      try {
        req.data = JSON.parse(form.fields._payload) as Record<string, unknown>
      } catch {
        if (form.file) await fsp.rm(form.file.tempFilePath, { force: true })
        throw new APIError('_payload must be JSON.', 400)
      }
    }
    if (form.file) {
      // Payload deletes the temp file after the operation (`upload.useTempFiles`).
      req.file = { ...form.file, data: Buffer.alloc(0) }
    }
    // The body is read: Payload's handler must not try to read it again.
    const parsed = isolateObjectProperty(req, 'body')
    ;(parsed as { body: unknown }).body = null
    const response = await delegate(parsed)
    if (form.file && response.ok) await afterUpload(req)
    return response
  }
  return { path, method, handler }
}

/** @param afterUpload Runs once the upload is saved (and its push job queued). */
export const fastUploadEndpoints = (
  afterUpload: (req: PayloadRequest) => Promise<void>,
): Endpoint[] => [
  withFastMultipart('post', '/', afterUpload),
  withFastMultipart('patch', '/:id', afterUpload),
]
