import type { Payload, PayloadRequest } from 'payload'

import type { MuxEffect } from '../../video'

export interface TextTrackRequest {
  kind: 'url' | 'file' | 'generated'
  languageCode: string
  name: string
  closedCaptions?: boolean
  /** `url` tracks: where Mux fetches the file. */
  url?: string
  /** `file` tracks: the spooled file, offered to Mux at a signed, expiring URL. */
  file?: string
}

/** Input of each Mux task; ids are strings so SQL and MongoDB ids both fit. */
export interface MuxTaskInputs {
  muxPushSource: { videoId: string; nonce: string }
  muxSyncVideo: { videoId: string }
  muxRelease: { kind: 'asset' | 'upload'; muxId: string; reason?: string }
  muxAddTrack: { videoId: string; track: TextTrackRequest }
  muxSyncPlaybackPolicy: { videoId: string }
  muxMaintain: Record<string, never>
}

export type MuxTaskSlug = keyof MuxTaskInputs

export const muxTaskSlugs: MuxTaskSlug[] = [
  'muxPushSource',
  'muxSyncVideo',
  'muxRelease',
  'muxAddTrack',
  'muxSyncPlaybackPolicy',
  'muxMaintain',
]

type QueueArgs = Parameters<Payload['jobs']['queue']>[0]

/**
 * Jobs with the same key never run at the same time (Payload's concurrency control): one push,
 * sync or policy change per video, one release per Mux id.
 */
export const concurrencyKeyOf = <Slug extends MuxTaskSlug>(
  task: Slug,
  input: MuxTaskInputs[Slug],
): string | null => {
  const { videoId } = input as { videoId?: string }
  switch (task) {
    case 'muxPushSource':
      return `mux-push:${videoId}`
    case 'muxSyncVideo':
      return `mux-sync:${videoId}`
    case 'muxSyncPlaybackPolicy':
      return `mux-policy:${videoId}`
    case 'muxRelease': {
      const { kind, muxId } = input as MuxTaskInputs['muxRelease']
      return `mux-release:${kind}:${muxId}`
    }
    default:
      return null
  }
}

/** Whether a job with this key is already queued and not yet running. */
const isWaiting = async (payload: Payload, key: string, req?: Partial<PayloadRequest>) => {
  const { totalDocs } = await payload.count({
    collection: 'payload-jobs',
    where: {
      and: [
        { concurrencyKey: { equals: key } },
        { completedAt: { exists: false } },
        { processing: { not_equals: true } },
        { hasError: { not_equals: true } },
      ],
    },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/**
 * Queues a Mux task. With `req`, the job is written in the caller's transaction, so it exists
 * exactly when the change that needs it was saved. `once` skips it when the same work already
 * waits (Payload's own `supersedes` deletes jobs a runner may have just picked up).
 */
export const queueMuxTask = async <Slug extends MuxTaskSlug>(
  payload: Payload,
  task: Slug,
  input: MuxTaskInputs[Slug],
  {
    req,
    waitUntil,
    once = false,
  }: { req?: Partial<PayloadRequest>; waitUntil?: Date; once?: boolean } = {},
): Promise<void> => {
  const key = concurrencyKeyOf(task, input)
  if (once && key && (await isWaiting(payload, key, req))) return
  const args = { task, input, queue: 'default', waitUntil, req } as QueueArgs
  await payload.jobs.queue(args)
}

/** Work at Mux that a state change calls for, as retried jobs so none of it is forgotten. */
export const queueEffects = async (
  payload: Payload,
  effects: MuxEffect[],
  req?: Partial<PayloadRequest>,
): Promise<void> => {
  for (const effect of effects) {
    await queueMuxTask(
      payload,
      'muxRelease',
      effect.kind === 'deleteAsset'
        ? { kind: 'asset', muxId: effect.assetId, reason: effect.reason }
        : { kind: 'upload', muxId: effect.uploadId, reason: effect.reason },
      { req, once: true },
    )
  }
}
