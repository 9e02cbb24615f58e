import fsp from 'node:fs/promises'

import type { PayloadRequest } from 'payload'

import {
  beginIngest,
  passthroughFor,
  putFile,
  queryUploadProgress,
  resumeFile,
  type MuxAssetData,
  type MuxIngestRef,
  type MuxEffect,
  type VideoProvider,
} from '../../video'
import { queueEffects } from './jobs'
import { notConfiguredMessage, type MuxRuntime } from './runtime'
import { changeVideoMuxState, ignoreEventsFor } from './videoMuxState'
import { policyOf, type IngestRecord, type VideoRecord } from './videoRecords'

/** A push that cannot succeed by trying again: the editor has to act. */
export class IngestFailure extends Error {
  override readonly name = 'IngestFailure'
}

export const clearedIngest = (ingest: IngestRecord | null | undefined): IngestRecord => ({
  nonce: ingest?.nonce ?? null,
  source: null,
  state: null,
  spoolFile: null,
  spoolBytes: null,
  spoolOffset: null,
  uploadId: null,
  requestedAt: null,
  heartbeatAt: null,
  message: null,
})

const shortMessage = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 300)

/** Mux answered a 4xx that will not change on a retry (bad URL, bad settings...). */
const isPermanent = (provider: VideoProvider, error: unknown): boolean => {
  if (error instanceof IngestFailure) return true
  if (provider.isRetryable(error)) return false
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' && status >= 400 && status < 500
}

type Req = Partial<PayloadRequest>

/** Updates the ingest bookkeeping of a video, if it still waits for this source (`nonce`). */
export const patchIngest = async (
  runtime: MuxRuntime,
  req: Req & { payload: PayloadRequest['payload'] },
  videoId: number | string,
  nonce: string,
  patch: IngestRecord,
  extra: Partial<VideoRecord> = {},
): Promise<boolean> => {
  let applied = false
  await changeVideoMuxState(
    runtime,
    req.payload,
    videoId,
    (state, video) => {
      if (video.ingest?.nonce !== nonce || !video.ingest.source) return null
      applied = true
      return { state, patch: { ...extra, ingest: { ...video.ingest, ...patch } } }
    },
    req,
  )
  return applied
}

/**
 * Records what Mux just made for an ingest (an upload or an asset), if the video still waits
 * for that ingest (`nonce`); otherwise lets it go at Mux. Returns whether the video took it.
 */
const adoptOrRelease = async (
  runtime: MuxRuntime,
  req: Req & { payload: PayloadRequest['payload'] },
  videoId: number | string,
  nonce: string,
  source: MuxIngestRef,
  ingestAfter: (current: IngestRecord) => IngestRecord,
): Promise<boolean> => {
  let adopted = false
  await changeVideoMuxState(
    runtime,
    req.payload,
    videoId,
    (state, current) => {
      if (current.ingest?.nonce !== nonce || !current.ingest.source) return null
      adopted = true
      const { state: next, effects } = beginIngest(state, source)
      return { state: next, effects, patch: { ingest: ingestAfter(current.ingest) } }
    },
    req,
  )
  if (!adopted) {
    const release: MuxEffect =
      'assetId' in source
        ? { kind: 'deleteAsset', assetId: source.assetId, reason: 'superseded' }
        : { kind: 'cancelUpload', uploadId: source.uploadId, reason: 'superseded' }
    await queueEffects(req.payload, [release], req)
  }
  return adopted
}

const oldestFirst = (assets: MuxAssetData[]) =>
  [...assets].sort((a, b) => Number(a.created_at ?? 0) - Number(b.created_at ?? 0))

/**
 * A retried create can leave a second asset behind (the SDK retries POSTs that timed out,
 * and Mux may have done the first). Every asset of this ingest but ours is deleted.
 */
const deleteDuplicates = async (
  runtime: MuxRuntime,
  req: Req & { payload: PayloadRequest['payload'] },
  passthrough: string,
  keep: string,
  since: Date,
) => {
  const provider = runtime.provider as VideoProvider
  const extras = (await provider.findAssets({ passthrough, createdSince: since }))
    .map((asset) => asset.id)
    .filter((id) => id !== keep)
  await queueEffects(
    req.payload,
    extras.map((assetId) => ({ kind: 'deleteAsset', assetId, reason: 'orphaned' })),
    req,
  )
  await ignoreEventsFor(req.payload, extras, 'Duplicate asset of a retried create.', req)
}

const pushUrl = async (
  runtime: MuxRuntime,
  req: Req & { payload: PayloadRequest['payload'] },
  video: VideoRecord,
  ingest: IngestRecord & { nonce: string },
  attempt: number,
): Promise<string> => {
  const provider = runtime.provider as VideoProvider
  const url = video.sourceUrl
  if (!url) throw new IngestFailure('The source URL was removed; nothing to send.')
  const passthrough = passthroughFor({
    collection: runtime.videos.slug,
    id: String(video.id),
    nonce: ingest.nonce,
  })
  const since = new Date(ingest.requestedAt ?? Date.now())
  // After a failed attempt Mux may have made the asset anyway: adopt it rather than make another.
  const earlier =
    attempt > 0 ? oldestFirst(await provider.findAssets({ passthrough, createdSince: since })) : []
  const assetId =
    earlier[0]?.id ??
    (await provider.createAsset({ url, passthrough, playbackPolicy: policyOf(video) })).assetId
  const adopted = await adoptOrRelease(
    runtime,
    req,
    video.id,
    ingest.nonce,
    { assetId },
    clearedIngest,
  )
  if (!adopted) return 'superseded'
  await deleteDuplicates(runtime, req, passthrough, assetId, since)
  return 'pushed'
}

const heartbeatMs = 30_000

/** Sends what the upload URL lacks, from the spool (which holds the file from `spoolOffset`). */
const resumeUpload = async (
  spool: MuxRuntime['spool'],
  url: string,
  file: string,
  { spoolOffset, size }: { spoolOffset: number; size: number },
) => {
  const { received, complete } = await queryUploadProgress(url)
  if (complete) return
  if (received < spoolOffset) {
    throw new IngestFailure(
      `Mux holds ${received} bytes of the upload but this server kept the file only from byte ` +
        `${spoolOffset} on; upload the file again.`,
    )
  }
  await resumeFile(url, spool.read('videos', file, received), { start: received, totalBytes: size })
}

const pushFile = async (
  runtime: MuxRuntime,
  req: Req & { payload: PayloadRequest['payload'] },
  video: VideoRecord,
  ingest: IngestRecord & { nonce: string },
): Promise<string> => {
  const provider = runtime.provider as VideoProvider
  const { spool } = runtime
  const file = ingest.spoolFile
  if (!file || !(await spool.exists('videos', file))) {
    throw new IngestFailure('The uploaded file is no longer on this server; upload it again.')
  }
  const passthrough = passthroughFor({
    collection: runtime.videos.slug,
    id: String(video.id),
    nonce: ingest.nonce,
  })
  // A streamed upload that broke off: Mux holds the file up to `spoolOffset`, the spool the rest.
  const spoolOffset = ingest.spoolOffset ?? 0
  let target: { uploadId: string; url: string } | null = null
  let delivered = false
  let resuming = false
  if (ingest.uploadId) {
    // An earlier attempt (or the request) made the upload: resume it, unless it is finished or dead.
    const upload = await provider.getUpload(ingest.uploadId)
    if (upload?.status === 'asset_created') delivered = true
    else if (upload?.status === 'waiting' && upload.url) {
      target = { uploadId: upload.id, url: upload.url }
      resuming = true
    } else if (spoolOffset > 0) {
      throw new IngestFailure(
        `Mux dropped the partly sent upload (${upload?.status ?? 'gone'}); upload the file again.`,
      )
    }
  }
  if (!delivered && !target) {
    const created = await provider.createUpload({
      passthrough,
      playbackPolicy: policyOf(video),
      timeoutSeconds: runtime.options.uploadTimeoutSeconds,
    })
    const adopted = await adoptOrRelease(
      runtime,
      req,
      video.id,
      ingest.nonce,
      { uploadId: created.uploadId },
      (current) => ({
        ...current,
        uploadId: created.uploadId,
        state: 'pushing',
        message: 'Sending the file to Mux…',
        heartbeatAt: new Date().toISOString(),
      }),
    )
    if (!adopted) return 'superseded'
    target = created
  } else if (target) {
    await patchIngest(runtime, req, video.id, ingest.nonce, {
      state: 'pushing',
      message: 'Sending the file to Mux…',
      heartbeatAt: new Date().toISOString(),
    })
  }
  if (target) {
    const heartbeat = setInterval(() => {
      void patchIngest(runtime, req, video.id, ingest.nonce, {
        heartbeatAt: new Date().toISOString(),
      }).catch(() => undefined)
    }, heartbeatMs)
    heartbeat.unref()
    try {
      const { size } = await fsp.stat(spool.pathOf('videos', file))
      if (resuming) await resumeUpload(spool, target.url, file, { spoolOffset, size })
      else await putFile(target.url, spool.read('videos', file), { sizeBytes: size })
    } finally {
      clearInterval(heartbeat)
    }
  }
  await changeVideoMuxState(
    runtime,
    req.payload,
    video.id,
    (state, current) =>
      current.ingest?.nonce === ingest.nonce
        ? { state, patch: { ingest: clearedIngest(current.ingest) } }
        : null,
    req,
  )
  await spool.remove('videos', file)
  return 'pushed'
}

/**
 * The push task: sends a video's waiting source (spooled file or URL) to Mux. Throws on
 * errors worth retrying (the job queue retries with backoff); records the others for editors.
 */
export const pushVideoSource = async (
  runtime: MuxRuntime,
  req: PayloadRequest,
  { videoId, nonce }: { videoId: string; nonce: string },
  attempt: number,
): Promise<string> => {
  const video = await runtime.videos.find(req.payload, videoId, req)
  const ingest = video?.ingest
  if (!video || !ingest?.source || ingest.nonce !== nonce) return 'superseded'
  const { provider } = runtime
  if (!provider) {
    await patchIngest(runtime, req, video.id, nonce, {
      state: 'waiting',
      message: notConfiguredMessage,
    })
    return 'waiting-for-credentials'
  }
  const current = { ...ingest, nonce }
  try {
    return ingest.source === 'url'
      ? await pushUrl(runtime, req, video, current, attempt)
      : await pushFile(runtime, req, video, current)
  } catch (error) {
    const message = shortMessage(error)
    if (!isPermanent(provider, error)) {
      await patchIngest(runtime, req, video.id, nonce, {
        state: 'retrying',
        message: `Mux could not take the video yet (${message}); retrying automatically.`,
      }).catch(() => undefined)
      throw error
    }
    const fresh = await runtime.videos.find(req.payload, video.id, req)
    const playing = fresh?.status === 'ready'
    await patchIngest(
      runtime,
      req,
      video.id,
      nonce,
      { state: 'failed', message: `Mux refused the video: ${message}` },
      playing ? {} : { status: 'errored', error: { type: 'push_failed', messages: [message] } },
    )
    return 'failed'
  }
}
