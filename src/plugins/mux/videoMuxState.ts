import type { Payload, PayloadRequest } from 'payload'

import {
  applyMuxEvent,
  knownMuxIds,
  matchKeysOf,
  parsePassthrough,
  type MuxEffect,
  type MuxEventOutcome,
  type MuxMatchKeys,
  type MuxWebhookEvent,
  type VideoMuxState,
} from '../../video'
import { nameAssetsAfterVideo } from './assetPassthrough'
import { queueEffects, queueMuxTask } from './jobs'
import {
  eventOf,
  findEventRecord,
  findEventRecords,
  recordEvent,
  releasedMarkerId,
  releasedUploadMarkerId,
  updateEventRecord,
  type MuxEventRecord,
} from './muxEventStore'
import type { MuxRuntime } from './runtime'
import { muxFieldsOf, muxStateOf, needsPolicySync, type VideoRecord } from './videoRecords'

type Req = Partial<PayloadRequest> | undefined

export interface MuxStateChange {
  state: VideoMuxState
  effects?: MuxEffect[]
  /** Other fields to write with the state, e.g. the ingest bookkeeping. */
  patch?: Partial<VideoRecord>
}

export type MuxStateTransition = (
  state: VideoMuxState,
  video: VideoRecord,
) => MuxStateChange | null | Promise<MuxStateChange | null>

/**
 * Reads a video, lets `transition` compute its next Mux state, writes it and queues the work at
 * Mux it calls for, all under the video's lock. Events that waited for ids the video now knows
 * are applied afterwards. Returns the video as written (or as found, when nothing changed).
 */
export const changeVideoMuxState = async (
  runtime: MuxRuntime,
  payload: Payload,
  videoId: number | string,
  transition: MuxStateTransition,
  req?: Req,
): Promise<VideoRecord | null> => {
  const result = await runtime.locks.run(`${runtime.videos.slug}:${videoId}`, async () => {
    const video = await runtime.videos.find(payload, videoId, req)
    if (!video) return null
    const before = muxStateOf(video)
    const next = await transition(before, video)
    if (!next) return { video, gained: [] as string[] }
    const updated = await runtime.videos.update(
      payload,
      video.id,
      { ...muxFieldsOf(next.state), muxCheckedAt: new Date().toISOString(), ...next.patch },
      req,
    )
    await queueEffects(payload, next.effects ?? [], req)
    if (needsPolicySync(updated)) {
      await queueMuxTask(
        payload,
        'muxSyncPlaybackPolicy',
        { videoId: String(video.id) },
        { req, once: true },
      )
    }
    const knownBefore = new Set(knownMuxIds(before))
    return { video: updated, gained: knownMuxIds(next.state).filter((id) => !knownBefore.has(id)) }
  })
  if (result?.gained.length) await applyPendingEvents(runtime, payload, result.video, req)
  return result?.video ?? null
}

/** The video an event is about: by our passthrough, else by an upload or asset id it knows. */
const findVideoForEvent = async (
  runtime: MuxRuntime,
  payload: Payload,
  keys: MuxMatchKeys,
  req: Req,
): Promise<VideoRecord | null> => {
  const passthrough = parsePassthrough(keys.passthrough)
  if (passthrough?.collection === runtime.videos.slug && passthrough.id) {
    const video = await runtime.videos.find(payload, passthrough.id, req)
    if (video) return video
  }
  const ids = [keys.uploadId, keys.assetId].filter((id): id is string => !!id)
  if (!ids.length) return null
  const [video] = await runtime.videos.findMany(payload, { muxIds: { in: ids } }, { limit: 1, req })
  return video ?? null
}

const producesAsset = (event: MuxWebhookEvent) =>
  event.type === 'video.upload.asset_created' ||
  (event.type.startsWith('video.asset.') &&
    !event.type.startsWith('video.asset.track.') &&
    event.type !== 'video.asset.deleted')

export type EventProcessing = 'applied' | 'ignored' | 'pending'

/**
 * Applies a stored event to its video. It stays `pending` while no video can take it yet; an
 * asset announced for a video that was deleted meanwhile is deleted at Mux.
 */
export const processEventRecord = async (
  runtime: MuxRuntime,
  payload: Payload,
  record: MuxEventRecord,
  req?: Req,
): Promise<EventProcessing> => {
  const current = await findEventRecord(payload, record.eventId, req)
  if (!current) return 'ignored'
  if (current.status !== 'pending') return current.status
  const event = eventOf(current)
  const keys = matchKeysOf(event)
  const attempts = (current.attempts ?? 0) + 1
  const video = await findVideoForEvent(runtime, payload, keys, req)

  if (!video) {
    // Let go of here: its video was deleted, or its upload was never saved (one lookup).
    const passthrough = parsePassthrough(keys.passthrough)
    const videoMarker =
      passthrough?.collection === runtime.videos.slug && passthrough.id
        ? releasedMarkerId(runtime.videos.slug, passthrough.id)
        : null
    const uploadMarker = keys.uploadId ? releasedUploadMarkerId(keys.uploadId) : null
    const markers = [videoMarker, uploadMarker].filter((marker): marker is string => !!marker)
    const released = markers.length
      ? await findEventRecords(payload, { eventId: { in: markers } }, { limit: 2, req })
      : []
    const videoReleased = released.some((marker) => marker.eventId === videoMarker)
    if (released.length) {
      if (keys.assetId && producesAsset(event)) {
        await queueEffects(
          payload,
          [{ kind: 'deleteAsset', assetId: keys.assetId, reason: 'orphaned' }],
          req,
        )
      }
      await updateEventRecord(
        payload,
        current.id,
        {
          status: 'ignored',
          attempts,
          note: videoReleased ? 'Its video was deleted.' : 'Its upload was never saved.',
        },
        req,
      )
      return 'ignored'
    }
    await updateEventRecord(
      payload,
      current.id,
      { attempts, note: 'No video knows this upload or asset yet.' },
      req,
    )
    return 'pending'
  }

  let outcome: MuxEventOutcome | null = null
  await changeVideoMuxState(
    runtime,
    payload,
    video.id,
    (state) => {
      const result = applyMuxEvent(state, event)
      outcome = result.outcome
      return result.outcome === 'unrouted' ? null : result
    },
    req,
  )
  const settled: MuxEventOutcome | null = outcome
  if (settled === null || settled === 'unrouted') {
    await updateEventRecord(
      payload,
      current.id,
      {
        videoId: String(video.id),
        attempts,
        note: 'Its video does not know this upload or asset yet.',
      },
      req,
    )
    return 'pending'
  }
  const status = settled === 'retired' ? 'ignored' : 'applied'
  await updateEventRecord(
    payload,
    current.id,
    {
      status,
      videoId: String(video.id),
      attempts,
      appliedAt: new Date().toISOString(),
      note: settled === 'retired' ? 'For an upload or asset its video let go of.' : null,
    },
    req,
  )
  if (status === 'applied') await nameAssetsAfterVideo(runtime, payload, video.id, [event])
  return status
}

/** Applies the pending events that concern a video, oldest first. */
export const applyPendingEvents = async (
  runtime: MuxRuntime,
  payload: Payload,
  video: VideoRecord,
  req?: Req,
): Promise<void> => {
  const ids = video.muxIds ?? []
  const records = await findEventRecords(
    payload,
    {
      and: [
        { status: { equals: 'pending' } },
        {
          or: [
            { videoId: { equals: String(video.id) } },
            ...(ids.length ? [{ uploadId: { in: ids } }, { assetId: { in: ids } }] : []),
          ],
        },
      ],
    },
    { limit: 200, req },
  )
  for (const record of records) await processEventRecord(runtime, payload, record, req)
}

export type WebhookOutcome = EventProcessing | 'duplicate'

/** A verified webhook: deduplicated by event id, stored, then applied if it can be. */
export const receiveMuxEvent = async (
  runtime: MuxRuntime,
  payload: Payload,
  event: MuxWebhookEvent,
  req?: Req,
): Promise<WebhookOutcome> => {
  const existing = await findEventRecord(payload, event.id, req)
  if (existing && existing.status !== 'pending') return 'duplicate'
  const record = existing ?? (await recordEvent(payload, event, req)).record
  return processEventRecord(runtime, payload, record, req)
}

/** Marks pending events about these (deleted) assets, or these uploads, as ignored. */
export const ignoreEventsFor = async (
  payload: Payload,
  assetIds: string[],
  note: string,
  req?: Req,
  uploadIds: string[] = [],
): Promise<void> => {
  if (!assetIds.length && !uploadIds.length) return
  const records = await findEventRecords(
    payload,
    {
      and: [
        { status: { equals: 'pending' } },
        {
          or: [
            ...(assetIds.length ? [{ assetId: { in: assetIds } }] : []),
            ...(uploadIds.length ? [{ uploadId: { in: uploadIds } }] : []),
          ],
        },
      ],
    },
    { limit: 200, req },
  )
  for (const record of records) {
    await updateEventRecord(payload, record.id, { status: 'ignored', note }, req)
  }
}

/** Writes other fields of a video under its lock, e.g. the ingest bookkeeping. */
export const patchVideo = async (
  runtime: MuxRuntime,
  payload: Payload,
  videoId: number | string,
  patch: (video: VideoRecord) => Partial<VideoRecord> | null,
  req?: Req,
): Promise<VideoRecord | null> =>
  changeVideoMuxState(
    runtime,
    payload,
    videoId,
    (state, video) => {
      const fields = patch(video)
      return fields ? { state, patch: fields } : null
    },
    req,
  )
