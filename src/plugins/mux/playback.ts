import type { FieldHook, PayloadRequest } from 'payload'

import { stricterCacheControl } from '../../http/publicCacheControl'
import { isStaffUser, type RoleBearer } from '../../roles'
import { rowsInForce } from '../../rights/rowsInForce'
import { availabilityInstantOf, trustedViewerTerritoryOf } from '../../rights/viewerTerritory'
import { playbackIdFor, playbackUrls, signPlaybackTokens, type PlaybackPolicy } from '../../video'
import type { MuxRuntime } from './runtime'
import { findVideo, policyOf, type VideoRecord } from './videoRecords'

/** Everything a player needs for one video, ready to use. */
export interface PlaybackInfo {
  videoId: string
  policy: PlaybackPolicy
  playbackId: string
  hls: string
  thumbnail: string
  storyboard: string
  duration: number | null
  aspectRatio: string | null
  /** Signed videos: when the tokens in the URLs stop working. */
  expiresAt: string | null
}

/** Playback for a ready video, signed now for signed ones; null when it cannot play. */
export const playbackFor = async (
  runtime: MuxRuntime,
  video: VideoRecord,
): Promise<PlaybackInfo | null> => {
  if (video.status !== 'ready') return null
  const policy = policyOf(video)
  // Only an id of the video's own policy: a signed video never plays from a public id.
  const playbackId = playbackIdFor(policy, video.playbackIds ?? [])
  if (!playbackId) return null
  const common = {
    videoId: String(video.id),
    policy,
    playbackId,
    duration: video.duration ?? null,
    aspectRatio: video.aspectRatio ?? null,
  }
  if (policy === 'public') {
    return { ...common, ...playbackUrls({ playbackId, policy }), expiresAt: null }
  }
  if (!runtime.signing) return null
  const ttl = runtime.options.playbackTokenTtlSeconds
  const tokens = await signPlaybackTokens({
    ...runtime.signing,
    playbackId,
    expiresInSeconds: ttl,
  })
  return {
    ...common,
    ...playbackUrls({ playbackId, policy, tokens }),
    expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
  }
}

/** Videos read once per request, however many titles point at them. */
const videosByRequest = new WeakMap<object, Map<string, Promise<VideoRecord | null>>>()

const videoOnce = (req: PayloadRequest, id: string) => {
  let cache = videosByRequest.get(req)
  if (!cache) videosByRequest.set(req, (cache = new Map()))
  let video = cache.get(id)
  if (!video) cache.set(id, (video = findVideo(req.payload, id, req)))
  return video
}

const idOf = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return idOf((value as { id?: unknown }).id)
  return String(value)
}

/**
 * Public readers get playback only for a title available to them here and now, in a territory
 * the edge vouched for: one the client named itself gets the catalog (where allowed) but no
 * playback.
 */
const isAvailableToViewer = async (
  req: PayloadRequest,
  contentKey: string,
  state: 'available' | 'announced' = 'available',
): Promise<boolean> => {
  try {
    const territory = await trustedViewerTerritoryOf(req)
    if (!territory) return false
    const at = availabilityInstantOf(req)
    const { totalDocs } = await req.payload.count({
      collection: 'availability-windows',
      where: {
        and: [{ contentKey: { equals: contentKey } }, ...rowsInForce(territory, at, '', state)],
      },
      overrideAccess: true,
      req,
    })
    return totalDocs > 0
  } catch {
    return false
  }
}

/** Signed URLs must not outlive their tokens in a cache. */
const capCacheLifetime = (req: PayloadRequest, seconds: number) => {
  req.responseHeaders ??= new Headers()
  const previous = req.responseHeaders.get('Cache-Control')
  // No stale windows either: a stale answer would hand out expired tokens.
  req.responseHeaders.set(
    'Cache-Control',
    stricterCacheControl(previous, `public, max-age=${Math.max(0, seconds)}`),
  )
}

/** The one video a coming-soon listing may play. */
const comingSoonRelations = ['trailer']

/**
 * The virtual `playback` field of a title: one entry per video relationship (`video`,
 * `trailer`), signed per request. Staff always see it; the public only for titles available
 * in their trusted territory; internal reads (overrideAccess) skip the signing. A request that
 * lists coming-soon titles (`req.context.comingSoonPlayback`, set by the server only) gets the
 * trailer alone, for titles announced in the viewer's trusted territory: never the main video.
 */
export const fillPlayback =
  (runtime: MuxRuntime, relations: readonly string[]): FieldHook =>
  async ({ collection, originalDoc, data, overrideAccess, req }) => {
    const doc = (originalDoc ?? data ?? {}) as Record<string, unknown>
    const titleId = idOf(doc.id)
    const comingSoon = req.context?.comingSoonPlayback === true
    if (!collection || !titleId || (overrideAccess && !comingSoon)) return null
    const staff = isStaffUser(req.user as RoleBearer)
    const contentKey = `${collection.slug}/${titleId}`
    if (comingSoon && !staff && !(await isAvailableToViewer(req, contentKey, 'announced'))) {
      return null
    }
    if (!comingSoon && !staff && !(await isAvailableToViewer(req, contentKey))) return null
    const playback: Record<string, PlaybackInfo | null> = {}
    const shown = comingSoon
      ? relations.filter((relation) => comingSoonRelations.includes(relation))
      : relations
    for (const relation of shown) {
      const videoId = idOf(doc[relation])
      const video = videoId ? await videoOnce(req, videoId) : null
      playback[relation] = video ? await playbackFor(runtime, video) : null
    }
    const signed = Object.values(playback).some((entry) => entry?.policy === 'signed')
    if (signed && !staff) {
      capCacheLifetime(req, Math.floor(runtime.options.playbackTokenTtlSeconds / 4))
    }
    return playback
  }
