import type { Endpoint, PayloadRequest } from 'payload'

import {
  beginIngest,
  newIngestNonce,
  passthroughFor,
  replacementOf,
  type VideoMuxState,
} from '../../../video'
import { queueMuxTask } from '../jobs'
import { playbackFor } from '../titlePlayback'
import { clearedIngest } from '../pushSource'
import { notConfiguredMessage, type MuxRuntime } from '../runtime'
import { changeVideoMuxState, patchVideo } from '../videoMuxState'
import { muxStateOf, policyOf, type VideoRecord } from '../videoRecords'
import { json, problem, routeParam } from './responses'

const summaryOf = (runtime: MuxRuntime, video: VideoRecord, state: VideoMuxState) => {
  const ingest = video.ingest?.source ? video.ingest : null
  if (ingest?.message) return ingest.message
  if (!runtime.provider && (ingest || state.status === 'pending')) return notConfiguredMessage
  switch (state.status) {
    case 'pending':
      return ingest ? 'Waiting to be sent to Mux…' : 'No video yet: upload a file or set a URL.'
    case 'uploading':
      return 'Waiting for the file to arrive at Mux…'
    case 'preparing':
      return 'Mux is preparing the video…'
    case 'errored':
      return 'Mux could not process the video.'
    default:
      return null
  }
}

/** `GET /api/videos/:id/mux-status`: what the admin panel shows (staff only). */
const statusEndpoint = (runtime: MuxRuntime): Endpoint => ({
  path: '/:id/mux-status',
  method: 'get',
  handler: async (req) => {
    if (!runtime.options.access.isStaff(req)) return problem(403, 'Staff only.')
    const video = await runtime.videos.find(req.payload, routeParam(req, 'id'), req)
    if (!video) return problem(404, 'Not found.')
    const state = muxStateOf(video)
    const ingest = video.ingest?.source ? video.ingest : null
    return json({
      id: video.id,
      status: state.status,
      configured: Boolean(runtime.provider),
      canEdit: runtime.options.access.manageVideos(req),
      signing: Boolean(runtime.signing),
      playbackPolicy: policyOf(video),
      message: summaryOf(runtime, video, state),
      ingest: ingest && {
        source: ingest.source,
        state: ingest.state,
        bytes: ingest.spoolBytes ?? null,
        since: ingest.requestedAt ?? null,
      },
      error: state.error ?? null,
      replacement: replacementOf(state),
      duration: state.duration ?? null,
      aspectRatio: state.aspectRatio ?? null,
      maxResolution: state.maxResolution ?? null,
      tracks: state.tracks,
      lastMuxEventAt: state.lastMuxEventAt ?? null,
      preview: await playbackFor(runtime, video),
    })
  },
})

/**
 * `POST /api/videos/:id/direct-upload`: a Mux upload URL the browser PUTs a file of any size to
 * (the file never passes through this server). Replaces any source still waiting.
 */
const directUploadEndpoint = (runtime: MuxRuntime): Endpoint => ({
  path: '/:id/direct-upload',
  method: 'post',
  handler: async (req) => {
    if (!runtime.options.access.manageVideos(req)) return problem(403, 'Editors only.')
    const { provider } = runtime
    if (!provider) return problem(503, notConfiguredMessage)
    const video = await runtime.videos.find(req.payload, routeParam(req, 'id'), req)
    if (!video) return problem(404, 'Not found.')
    const nonce = newIngestNonce()
    const upload = await provider.createUpload({
      passthrough: passthroughFor({ collection: runtime.videos.slug, id: String(video.id), nonce }),
      playbackPolicy: policyOf(video),
      corsOrigin: runtime.options.corsOrigin ?? req.headers.get('origin') ?? '*',
      timeoutSeconds: runtime.options.uploadTimeoutSeconds,
    })
    let superseded: string | null = null
    await changeVideoMuxState(
      runtime,
      req.payload,
      video.id,
      (state, current) => {
        superseded = current.ingest?.spoolFile ?? null
        const { state: next, effects } = beginIngest(state, { uploadId: upload.uploadId })
        return {
          state: next,
          effects,
          patch: { ingest: { ...clearedIngest(current.ingest), nonce } },
        }
      },
      req,
    )
    await runtime.spool.remove('videos', superseded)
    return json({ uploadId: upload.uploadId, url: upload.url }, 201)
  },
})

const canRetry = (video: VideoRecord, state: VideoMuxState) =>
  state.status === 'errored' && !video.ingest?.source && Boolean(video.sourceUrl)

/**
 * `POST /api/videos/:id/mux-retry`: sends a waiting source again now, ingests the source URL
 * again after an error, or reads the video back from Mux.
 */
const retryEndpoint = (runtime: MuxRuntime): Endpoint => ({
  path: '/:id/mux-retry',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!runtime.options.access.manageVideos(req)) return problem(403, 'Editors only.')
    if (!runtime.provider) return problem(503, notConfiguredMessage)
    const video = await runtime.videos.find(req.payload, routeParam(req, 'id'), req)
    if (!video) return problem(404, 'Not found.')
    const state = muxStateOf(video)
    const videoId = String(video.id)
    if (video.ingest?.source && video.ingest.nonce) {
      const { spoolFile, source } = video.ingest
      if (source === 'file' && !(spoolFile && (await runtime.spool.exists('videos', spoolFile)))) {
        return problem(409, 'The uploaded file is no longer on this server; upload it again.')
      }
      await patchVideo(
        runtime,
        req.payload,
        video.id,
        (current) => ({
          ingest: { ...current.ingest, state: 'queued', message: 'Sending again…' },
        }),
        req,
      )
      await queueMuxTask(
        req.payload,
        'muxPushSource',
        { videoId, nonce: video.ingest.nonce },
        { req },
      )
      return json({ queued: 'push' }, 202)
    }
    if (canRetry(video, state)) {
      const nonce = newIngestNonce()
      await patchVideo(
        runtime,
        req.payload,
        video.id,
        (current) => ({
          status: 'pending',
          ingest: {
            ...clearedIngest(current.ingest),
            source: 'url',
            nonce,
            state: 'queued',
            requestedAt: new Date().toISOString(),
            message: 'Sending the source URL to Mux again…',
          },
        }),
        req,
      )
      await queueMuxTask(req.payload, 'muxPushSource', { videoId, nonce }, { req })
      return json({ queued: 'push' }, 202)
    }
    await queueMuxTask(req.payload, 'muxSyncVideo', { videoId }, { req, once: true })
    return json({ queued: 'sync' }, 202)
  },
})

/** `GET /api/videos/:id/thumbnail`: the admin's thumbnail, signed when it has to be. */
const thumbnailEndpoint = (runtime: MuxRuntime): Endpoint => ({
  path: '/:id/thumbnail',
  method: 'get',
  handler: async (req) => {
    if (!runtime.options.access.isStaff(req)) return problem(403, 'Staff only.')
    const video = await runtime.videos.find(req.payload, routeParam(req, 'id'), req)
    const playback = video ? await playbackFor(runtime, video) : null
    if (!playback) return problem(404, 'No thumbnail yet.')
    return new Response(null, {
      status: 302,
      headers: { Location: playback.thumbnail, 'Cache-Control': 'private, max-age=60' },
    })
  },
})

export const videoEndpoints = (runtime: MuxRuntime): Endpoint[] => [
  statusEndpoint(runtime),
  directUploadEndpoint(runtime),
  retryEndpoint(runtime),
  thumbnailEndpoint(runtime),
]
