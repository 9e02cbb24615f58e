import fsp from 'node:fs/promises'
import os from 'node:os'

import {
  APIError,
  isolateObjectProperty,
  type Endpoint,
  type PayloadHandler,
  type PayloadRequest,
} from 'payload'

import type { PlaybackPolicy } from '../../../video'
import { relayedBodyHeader, takeRelayedBody } from '../relayedBodies'
import { parseMultipart, type FileSinkFactory } from '../multipartParser'
import type { MuxRuntime } from '../runtime'
import { discardStreamedUpload, MuxStreamingSink, type StreamedUpload } from '../muxStreamingSink'
import { applyPendingEvents } from '../videoMuxState'
import { policyOf } from '../videoRecords'

/**
 * `POST /api/videos` and `PATCH /api/videos/:id` with a multipart body: the body is read by
 * `parseMultipart` (flat memory, several times faster than Payload's reader for multi-GB
 * files) and, for staff allowed to save, the file goes on to a Mux direct upload while it
 * arrives (`MuxStreamingSink`). Then Payload's own create/update handler runs with `req.data`
 * and `req.file` set, so everything after the parsing (access, validation, hooks, the answer)
 * is Payload's. Other bodies (JSON) go to Payload's handler untouched.
 */
const payloadsOwn = (
  runtime: MuxRuntime,
  req: PayloadRequest,
  method: string,
  path: string,
  self: PayloadHandler,
) => {
  const endpoints = req.payload.collections[runtime.videos.slug]?.config.endpoints || []
  const own = endpoints.find(
    (endpoint) => endpoint.method === method && endpoint.path === path && endpoint.handler !== self,
  )
  if (!own) throw new Error(`Payload's ${method.toUpperCase()} ${path} handler is missing.`)
  return own.handler
}

const parsedPayload = (json: string | undefined): Record<string, unknown> | null => {
  if (json === undefined) return null
  try {
    const parsed: unknown = JSON.parse(json)
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/**
 * Whether this request's file may go to Mux before Payload has checked the save: only for a
 * signed-in user whom the collection lets create (or update this video). Anyone else's bytes
 * are spooled, and Payload refuses the save as usual.
 */
const streamingTarget = async (
  runtime: MuxRuntime,
  req: PayloadRequest,
  id: string | null,
): Promise<{ id: string | null; policy: PlaybackPolicy | null } | null> => {
  if (!runtime.provider || !runtime.options.streamUploads || !req.user) return null
  const { access } = req.payload.collections[runtime.videos.slug].config
  if (!id) return (await access.create({ req })) ? { id: null, policy: null } : null
  // The generated types say SQL ids are numbers; Payload's own handler passes the route param.
  const args = { req, id } as unknown as Parameters<typeof access.update>[0]
  if (!(await access.update(args))) return null
  const video = await runtime.videos.find(req.payload, id, req)
  return video ? { id: String(video.id), policy: policyOf(video) } : null
}

/** Events that came before the video was saved are applied now that it knows the upload. */
const claimEarlyEvents = async (runtime: MuxRuntime, req: PayloadRequest, uploadId: string) => {
  const [video] = await runtime.videos.findMany(
    req.payload,
    { muxIds: { in: [uploadId] } },
    { limit: 1 },
  )
  if (video) await applyPendingEvents(runtime, req.payload, video)
}

const withFastMultipart = (
  runtime: MuxRuntime,
  method: 'post' | 'patch',
  path: string,
  afterSpooledUpload: (req: PayloadRequest) => Promise<void>,
): Endpoint => {
  const handler: PayloadHandler = async (req) => {
    const delegate = payloadsOwn(runtime, req, method, path, handler)
    const contentType = req.headers.get('content-type') ?? ''
    const body = takeRelayedBody(req.headers.get(relayedBodyHeader)) ?? req.body
    if (!contentType.toLowerCase().startsWith('multipart/form-data') || !body) {
      return delegate(req)
    }
    const id = method === 'patch' ? String(req.routeParams?.id ?? '') : null
    const target = await streamingTarget(runtime, req, id)
    const { upload } = req.payload.config
    let sink: MuxStreamingSink | null = null
    let fieldsSoFar: Record<string, string> = {}
    const streamingSink: FileSinkFactory = async (file) => {
      const policy =
        target?.policy ??
        (parsedPayload(fieldsSoFar._payload)?.playbackPolicy === 'public' ? 'public' : 'signed')
      sink = await MuxStreamingSink.open(runtime, req, file, {
        id: target?.id ?? null,
        playbackPolicy: policy,
      })
      return sink
    }
    let streamed: StreamedUpload | null = null
    let saved = false
    try {
      const form = await parseMultipart(body, contentType, {
        tempDir: upload.tempFileDir || os.tmpdir(),
        maxFileBytes: upload.limits?.fileSize ?? Infinity,
        onFields: (fields) => (fieldsSoFar = fields),
        contentLength: Number(req.headers.get('content-length') ?? NaN),
        ...(target ? { fileSink: streamingSink } : {}),
      })
      streamed = (sink as MuxStreamingSink | null)?.outcome() ?? null
      if (form.fields._payload) {
        const data = parsedPayload(form.fields._payload)
        if (!data) {
          if (form.file) await fsp.rm(form.file.tempFilePath, { force: true })
          throw new APIError('_payload must be a JSON object.', 400)
        }
        req.data = data
      }
      if (form.file) {
        // Payload deletes the temp file after the operation (`upload.useTempFiles`).
        req.file = { ...form.file, data: Buffer.alloc(0) }
      }
      if (streamed) {
        req.context.muxStreamedUpload = streamed
        if (streamed.interruption) {
          req.payload.logger.warn(
            { uploadId: streamed.uploadId, spoolOffset: streamed.spoolOffset },
            `Streaming to Mux stopped at byte ${streamed.spoolOffset} (${streamed.interruption}); ` +
              'the rest is spooled for a push job',
          )
        }
      }
      // The body is read: Payload's handler must not try to read it again.
      const parsed = isolateObjectProperty(req, 'body')
      ;(parsed as { body: unknown }).body = null
      const response = await delegate(parsed)
      saved = response.ok
      if (form.file && saved) {
        if (streamed?.delivered && streamed.uploadId) {
          // Not on the answer's path: the client has its 201 while the events that came before
          // the save (kept, not lost) are applied; the webhook of the next one would too.
          const { uploadId } = streamed
          void claimEarlyEvents(runtime, req, uploadId).catch((error: unknown) =>
            req.payload.logger.error({ err: error, uploadId }, 'Could not apply early Mux events'),
          )
        } else {
          await afterSpooledUpload(req)
        }
      }
      return response
    } finally {
      // A save that failed (or a body that broke) leaves nothing at Mux.
      const uploadId = streamed?.uploadId ?? (sink as MuxStreamingSink | null)?.outcome().uploadId
      if (!saved && uploadId) {
        await discardStreamedUpload(req, uploadId).catch((error: unknown) =>
          req.payload.logger.error({ err: error, uploadId }, 'Could not release a Mux upload'),
        )
      }
    }
  }
  return { path, method, handler }
}

/** @param afterSpooledUpload Runs once a spooled upload is saved (and its push job queued). */
export const multipartSaveEndpoints = (
  runtime: MuxRuntime,
  afterSpooledUpload: (req: PayloadRequest) => Promise<void>,
): Endpoint[] => [
  withFastMultipart(runtime, 'post', '/', afterSpooledUpload),
  withFastMultipart(runtime, 'patch', '/:id', afterSpooledUpload),
]
