import type { DataFromCollectionSlug, PayloadRequest, Where } from 'payload'

import { queueMuxTask, type MuxTaskInputs, type MuxTaskSlug } from './jobs'
import { parsePassthrough } from '../../video'
import {
  deleteEventRecords,
  findEventRecords,
  updateEventRecord,
  type MuxEventRecord,
} from './muxEventStore'
import type { MuxRuntime } from './runtime'
import { discardStreamedUpload } from './muxStreamingSink'
import { processEventRecord } from './videoMuxState'
import type { VideoRecord } from './videoRecords'

const jobsSlug = 'payload-jobs' as const
const batch = 50
const staleHeartbeatMs = 5 * 60_000

type JobRow = DataFromCollectionSlug<typeof jobsSlug>

const findJobs = async (
  req: PayloadRequest,
  task: MuxTaskSlug,
  where: Where,
): Promise<JobRow[]> => {
  const { docs } = await req.payload.find({
    collection: jobsSlug,
    where: { and: [{ taskSlug: { equals: task } }, where] },
    limit: 1000,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs
}

const unfinished: Where = {
  and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }],
}

const inputOf = <Slug extends MuxTaskSlug>(job: JobRow): Partial<MuxTaskInputs[Slug]> =>
  (job.input && typeof job.input === 'object' ? job.input : {}) as Partial<MuxTaskInputs[Slug]>

/**
 * Sources still waiting for Mux get a push job again: after a restart with credentials now
 * set, after the queue gave up on a retry, or when a push died with its process.
 */
const requeueWaitingSources = async (runtime: MuxRuntime, req: PayloadRequest) => {
  const waiting = await runtime.videos.findMany(
    req.payload,
    {
      and: [
        { 'ingest.source': { in: ['file', 'url'] } },
        { 'ingest.state': { not_equals: 'failed' } },
      ],
    },
    { limit: batch, req },
  )
  if (!waiting.length) return 0
  const jobs = await findJobs(req, 'muxPushSource', unfinished)
  const byVideo = new Map(jobs.map((job) => [String(inputOf<'muxPushSource'>(job).videoId), job]))
  let queued = 0
  for (const video of waiting) {
    const nonce = video.ingest?.nonce
    if (!nonce) continue
    const job = byVideo.get(String(video.id))
    const heartbeat = Date.parse(video.ingest?.heartbeatAt ?? '') || 0
    const dead = job?.processing && Date.now() - heartbeat > staleHeartbeatMs
    if (job && !dead) continue
    if (job && dead) {
      // Its process is gone (no heartbeat): let the queue run it again.
      await req.payload.update({
        collection: jobsSlug,
        id: job.id,
        data: { processing: false },
        overrideAccess: true,
        req,
      })
      continue
    }
    await queueMuxTask(req.payload, 'muxPushSource', { videoId: String(video.id), nonce }, { req })
    queued += 1
  }
  return queued
}

/** Videos Mux should have finished with by now are read back from Mux. */
const queueStuckSyncs = async (runtime: MuxRuntime, req: PayloadRequest) => {
  const cutoff = new Date(Date.now() - runtime.options.reconcileAfterSeconds * 1000).toISOString()
  const stuck: VideoRecord[] = await runtime.videos.findMany(
    req.payload,
    {
      and: [
        { muxAwaiting: { equals: true } },
        { or: [{ muxCheckedAt: { less_than: cutoff } }, { muxCheckedAt: { exists: false } }] },
      ],
    },
    { limit: batch, req },
  )
  for (const video of stuck) {
    await queueMuxTask(
      req.payload,
      'muxSyncVideo',
      { videoId: String(video.id) },
      { req, once: true },
    )
  }
  return stuck.length
}

/** Deletes at Mux that used up their retries are tried again (Mux may have been down long). */
const requeueFailedReleases = async (req: PayloadRequest) => {
  const failed = await findJobs(req, 'muxRelease', { hasError: { equals: true } })
  for (const job of failed) {
    const input = inputOf<'muxRelease'>(job)
    if (!input.kind || !input.muxId) continue
    await queueMuxTask(
      req.payload,
      'muxRelease',
      { kind: input.kind, muxId: input.muxId },
      { req, once: true },
    )
    await req.payload.delete({ collection: jobsSlug, id: job.id, overrideAccess: true, req })
  }
  return failed.length
}

/** How long a streamed upload may wait for the save of its video before it counts as orphaned. */
const unsavedUploadGraceMs = 3600_000

const isUnclaimedStreamedUpload = (record: MuxEventRecord) =>
  !!record.uploadId &&
  parsePassthrough(record.passthrough)?.id === null &&
  Date.now() - Date.parse(record.createdAt ?? '') > unsavedUploadGraceMs

/** Events that waited for their video are tried again; very old ones are let go. */
const settleEvents = async (runtime: MuxRuntime, req: PayloadRequest) => {
  const retention = runtime.options.eventRetentionDays * 24 * 3600 * 1000
  const expiry = new Date(Date.now() - retention).toISOString()
  const recent = new Date(Date.now() - 10_000).toISOString()
  const pending = await findEventRecords(
    req.payload,
    { and: [{ status: { equals: 'pending' } }, { createdAt: { less_than: recent } }] },
    { limit: 200, req },
  )
  let applied = 0
  for (const record of pending) {
    if ((record.createdAt ?? '') < expiry) {
      await updateEventRecord(
        req.payload,
        record.id,
        { status: 'ignored', note: 'Expired: no video ever claimed it.' },
        req,
      )
      continue
    }
    if ((await processEventRecord(runtime, req.payload, record, req)) !== 'pending') applied += 1
    else if (isUnclaimedStreamedUpload(record)) {
      // Its request died between the last byte and the save: nobody will ever own this upload.
      await discardStreamedUpload(req, record.uploadId as string)
      await updateEventRecord(
        req.payload,
        record.id,
        { status: 'ignored', note: 'Its upload was never saved; released at Mux.' },
        req,
      )
    }
  }
  await deleteEventRecords(
    req.payload,
    { and: [{ status: { not_equals: 'pending' } }, { createdAt: { less_than: expiry } }] },
    req,
  )
  return applied
}

/**
 * Subtitle files are only fetched by Mux while their URL is valid. (Spooled videos are removed
 * explicitly: after their push, when replaced, when their video or its save goes away.)
 */
const sweepTrackFiles = async (runtime: MuxRuntime) => {
  const olderThanMs = Math.max(runtime.options.trackUrlTtlSeconds * 2000, 3600_000)
  return (await runtime.spool.sweep('tracks', new Set(), olderThanMs)).length
}

/**
 * The scheduled safety net: nothing waits forever on a lost webhook, a dead process, missing
 * credentials or an outage longer than a job's retries.
 */
export const maintainMuxVideos = async (runtime: MuxRuntime, req: PayloadRequest) => {
  const withMux = runtime.provider
  return {
    requeuedPushes: withMux ? await requeueWaitingSources(runtime, req) : 0,
    syncsQueued: withMux ? await queueStuckSyncs(runtime, req) : 0,
    releasesRequeued: withMux ? await requeueFailedReleases(req) : 0,
    eventsApplied: await settleEvents(runtime, req),
    trackFilesRemoved: await sweepTrackFiles(runtime),
  }
}
