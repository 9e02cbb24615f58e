import type { DataFromCollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { matchKeysOf, parsePassthrough, type MuxWebhookEvent } from '../../video'
import { muxEventsSlug } from './muxEventsCollection'
import { internalRequest } from './videoRecords'

/** A stored webhook event: the generated type of the plugin's own `mux-events` collection. */
export type MuxEventRecord = DataFromCollectionSlug<typeof muxEventsSlug>

export type MuxEventStatus = MuxEventRecord['status']

const collection = muxEventsSlug

/** The event a record stores (the JSON field `payload` holds the verified envelope). */
export const eventOf = (record: MuxEventRecord): MuxWebhookEvent =>
  record.payload as MuxWebhookEvent

/** A video deleted here: its late events are acknowledged, and assets they announce deleted. */
export const releasedMarkerId = (videosSlug: string, videoId: string | number) =>
  `released:${videosSlug}:${videoId}`

export const findEventRecord = async (
  payload: Payload,
  eventId: string,
  req?: Partial<PayloadRequest>,
): Promise<MuxEventRecord | null> => {
  const { docs } = await payload.find({
    collection,
    where: { eventId: { equals: eventId } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
  })
  return docs[0] ?? null
}

export const findEventRecords = async (
  payload: Payload,
  where: Where,
  { limit = 100, req }: { limit?: number; req?: Partial<PayloadRequest> } = {},
): Promise<MuxEventRecord[]> => {
  const { docs } = await payload.find({
    collection,
    where,
    limit,
    depth: 0,
    overrideAccess: true,
    pagination: false,
    sort: 'occurredAt',
    req,
  })
  return docs
}

/** Stores a verified event as `pending`; a concurrent twin that won the insert is returned. */
export const recordEvent = async (
  payload: Payload,
  event: MuxWebhookEvent,
  req?: Partial<PayloadRequest>,
): Promise<{ record: MuxEventRecord; created: boolean }> => {
  const keys = matchKeysOf(event)
  const parsed = parsePassthrough(keys.passthrough)
  try {
    const record = await payload.create({
      collection,
      data: {
        eventId: event.id,
        type: event.type,
        status: 'pending',
        videoId: parsed?.id ?? null,
        passthrough: keys.passthrough ?? null,
        uploadId: keys.uploadId ?? null,
        assetId: keys.assetId ?? null,
        occurredAt: event.created_at,
        attempts: 0,
        payload: event,
      },
      depth: 0,
      overrideAccess: true,
      req: internalRequest(req),
    })
    return { record, created: true }
  } catch (error) {
    const twin = await findEventRecord(payload, event.id)
    if (twin) return { record: twin, created: false }
    throw error
  }
}

export const updateEventRecord = async (
  payload: Payload,
  id: number | string,
  data: Partial<Omit<MuxEventRecord, 'id'>>,
  req?: Partial<PayloadRequest>,
): Promise<void> => {
  await payload.update({
    collection,
    id,
    data,
    depth: 0,
    overrideAccess: true,
    req: internalRequest(req),
  })
}

/** An upload we let go of before any video kept it (its save failed): late events are dropped. */
export const releasedUploadMarkerId = (uploadId: string) => `released:upload:${uploadId}`

const recordReleaseMarker = async (
  payload: Payload,
  marker: {
    eventId: string
    type: string
    videoId?: string
    uploadId?: string
    note: string
    detail?: Record<string, unknown>
  },
  req?: Partial<PayloadRequest>,
): Promise<void> => {
  if (await findEventRecord(payload, marker.eventId, req)) return
  const now = new Date().toISOString()
  await payload.create({
    collection,
    data: {
      eventId: marker.eventId,
      type: marker.type,
      status: 'applied',
      videoId: marker.videoId ?? null,
      uploadId: marker.uploadId ?? null,
      occurredAt: now,
      appliedAt: now,
      note: marker.note,
      payload: marker.detail ?? {},
    },
    depth: 0,
    overrideAccess: true,
    req: internalRequest(req),
  })
}

export const recordReleasedVideo = async (
  payload: Payload,
  videosSlug: string,
  videoId: string | number,
  muxIds: string[],
  req?: Partial<PayloadRequest>,
): Promise<void> =>
  recordReleaseMarker(
    payload,
    {
      eventId: releasedMarkerId(videosSlug, videoId),
      type: 'reelhouse.video.deleted',
      videoId: String(videoId),
      note: `Video deleted; Mux ids released: ${muxIds.join(', ') || 'none'}`,
      detail: { muxIds },
    },
    req,
  )

export const recordReleasedUpload = async (
  payload: Payload,
  uploadId: string,
  req?: Partial<PayloadRequest>,
): Promise<void> =>
  recordReleaseMarker(
    payload,
    {
      eventId: releasedUploadMarkerId(uploadId),
      type: 'reelhouse.upload.discarded',
      uploadId,
      note: 'A streamed upload whose video was never saved; released at Mux.',
    },
    req,
  )

export const deleteEventRecords = async (
  payload: Payload,
  where: Where,
  req?: Partial<PayloadRequest>,
): Promise<void> => {
  await payload.delete({ collection, where, overrideAccess: true, req: internalRequest(req) })
}
