import type { CollectionAfterReadHook, CollectionSlug, PayloadRequest } from 'payload'

import { nullableGroupValue } from '../../fields/nullableGroup'
import { stricterCacheControl } from '../../http/publicCacheControl'
import { isStaffUser, type RoleBearer } from '../../roles'
import { rowsInForce } from '../../rights/rowsInForce'
import { availabilityInstantOf, trustedViewerTerritoryOf } from '../../rights/viewerTerritory'
import type { PlaybackRelation } from '../../contract/titleContract'
import type { PlaybackInfo, TitlePlayback, Video } from '../../payload-types'
import { playbackIdFor, playbackUrls, signPlaybackTokens } from '../../video'
import type { MuxRuntime } from './runtime'
import { findVideo, policyOf, type VideoRecord } from './videoRecords'

export type { PlaybackInfo, TitlePlayback }

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
    // The adapter's own id, as `Video['id']` is generated for it: numbers on SQL, strings on
    // MongoDB (the playback field types `videoId` from the same adapter setting).
    videoId: video.id as Video['id'],
    policy,
    playbackId,
    duration: video.duration ?? null,
    aspectRatio: video.aspectRatio ?? null,
  }
  const bases = runtime.options.mux?.playbackBaseUrls
  if (policy === 'public') {
    return { ...common, ...playbackUrls({ playbackId, policy, bases }), expiresAt: null }
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
    ...playbackUrls({ playbackId, policy, tokens, bases }),
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

/** The relationship ids the document holds, read again when `select` left them out. */
const relationValuesOf = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  doc: Record<string, unknown>,
  relations: readonly PlaybackRelation[],
): Promise<Record<string, unknown>> => {
  if (relations.every((relation) => relation in doc)) return doc
  const stored = await req.payload.findByID({
    collection,
    id: doc.id as string | number,
    depth: 0,
    overrideAccess: true,
    select: Object.fromEntries(relations.map((relation) => [relation, true])),
    req,
  })
  return { ...stored }
}

/** The one video a coming-soon listing may play. */
const comingSoonRelations: readonly PlaybackRelation[] = ['trailer']

/**
 * The virtual `playback` group of a title: one entry per video relationship (`video`,
 * `trailer`; null where the title has none or it cannot play), signed per request, or null when
 * the viewer may not play the title. Staff always see it; the public only for titles available
 * in their trusted territory; internal reads (overrideAccess) skip the signing. A request that
 * lists coming-soon titles (`req.context.comingSoonPlayback`, set by the server only) gets the
 * trailer alone, for titles announced in the viewer's trusted territory: never the main video.
 * A collection hook rather than a field hook: Payload fills a group's members after its field
 * hooks, which cannot answer null for the whole group.
 */
export const fillPlayback =
  (runtime: MuxRuntime, relations: readonly PlaybackRelation[]): CollectionAfterReadHook =>
  async ({ collection, doc, overrideAccess, req }) => {
    const title = doc as Record<string, unknown>
    // Left out by `select`: nothing to fill.
    if (!('playback' in title)) return doc
    // Null until filled (what a Local API read keeps instead: src/fields/nullableGroup.ts).
    title.playback = nullableGroupValue(req.payloadAPI, title.playback, null)
    const titleId = idOf(title.id)
    const comingSoon = req.context?.comingSoonPlayback === true
    if (!titleId || (overrideAccess && !comingSoon)) return doc
    const staff = isStaffUser(req.user as RoleBearer)
    const contentKey = `${collection.slug}/${titleId}`
    const state = comingSoon ? 'announced' : 'available'
    if (!staff && !(await isAvailableToViewer(req, contentKey, state))) return doc
    const values = await relationValuesOf(req, collection.slug, title, relations)
    const playback: TitlePlayback = { video: null, trailer: null }
    const shown = comingSoon
      ? relations.filter((relation) => comingSoonRelations.includes(relation))
      : relations
    for (const relation of shown) {
      const videoId = idOf(values[relation])
      const video = videoId ? await videoOnce(req, videoId) : null
      playback[relation] = video ? await playbackFor(runtime, video) : null
    }
    const signed = relations.some((relation) => playback[relation]?.policy === 'signed')
    if (signed && !staff) {
      capCacheLifetime(req, Math.floor(runtime.options.playbackTokenTtlSeconds / 4))
    }
    title.playback = nullableGroupValue(req.payloadAPI, title.playback, playback)
    return doc
  }
