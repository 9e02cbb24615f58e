import type { CollectionAfterReadHook, CollectionSlug, PayloadRequest } from 'payload'

import { playbackIdFor, playbackUrls, signPlaybackTokens, type PlaybackPolicy } from '../../video'
import type { PlaybackMember } from './options'
import type { MuxRuntime } from './runtime'
import { policyOf, type VideoRecord } from './videoRecords'

/** Everything a player needs for one video, ready to use (the `playback` group's members). */
export interface PlaybackInfo {
  videoId: VideoRecord['id']
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

export type TitlePlayback = Record<PlaybackMember, PlaybackInfo | null>

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
    // The adapter's own id: numbers on SQL, strings on MongoDB (the playback field types
    // `videoId` from the same adapter setting).
    videoId: video.id,
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

const videoOnce = (runtime: MuxRuntime, req: PayloadRequest, id: string) => {
  let cache = videosByRequest.get(req)
  if (!cache) videosByRequest.set(req, (cache = new Map()))
  let video = cache.get(id)
  if (!video) cache.set(id, (video = runtime.videos.find(req.payload, id, req)))
  return video
}

const idOf = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return idOf((value as { id?: unknown }).id)
  return String(value)
}

/** The relationship ids the document holds, read again when `select` left them out. */
const relationValuesOf = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  doc: Record<string, unknown>,
  fields: readonly string[],
): Promise<Record<string, unknown>> => {
  if (fields.every((field) => field in doc)) return doc
  const stored = await req.payload.findByID({
    collection,
    id: doc.id as string | number,
    depth: 0,
    overrideAccess: true,
    select: Object.fromEntries(fields.map((field) => [field, true])),
    req,
  })
  return { ...stored }
}

/** The one video a coming-soon listing may play. */
const comingSoonMembers: readonly PlaybackMember[] = ['trailer']

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
  (
    runtime: MuxRuntime,
    relations: Partial<Record<PlaybackMember, string>>,
  ): CollectionAfterReadHook =>
  async ({ collection, doc, overrideAccess, req }) => {
    const { playback: gate, access } = runtime.options
    const title = doc as Record<string, unknown>
    const present = (value: TitlePlayback | null) =>
      gate.present ? gate.present(req, title.playback, value) : value
    // Left out by `select`: nothing to fill.
    if (!('playback' in title)) return doc
    // Null until filled (what a Local API read keeps instead: `present`).
    title.playback = present(null)
    const titleId = idOf(title.id)
    const comingSoon = req.context?.comingSoonPlayback === true
    if (!titleId || (overrideAccess && !comingSoon)) return doc
    const staff = access.isStaff(req)
    const state = comingSoon ? 'announced' : 'available'
    if (!staff && !(await gate.mayPlay(req, { collection: collection.slug, id: titleId, state }))) {
      return doc
    }
    const members = Object.keys(relations) as PlaybackMember[]
    const fields = members.map((member) => relations[member] as string)
    const values = await relationValuesOf(req, collection.slug, title, fields)
    const playback: TitlePlayback = { video: null, trailer: null }
    const shown = comingSoon
      ? members.filter((member) => comingSoonMembers.includes(member))
      : members
    for (const member of shown) {
      const videoId = idOf(values[relations[member] as string])
      const video = videoId ? await videoOnce(runtime, req, videoId) : null
      playback[member] = video ? await playbackFor(runtime, video) : null
    }
    const signed = members.some((member) => playback[member]?.policy === 'signed')
    if (signed && !staff) {
      // Signed URLs must not outlive their tokens in a cache, nor be served stale.
      const seconds = Math.max(0, Math.floor(runtime.options.playbackTokenTtlSeconds / 4))
      gate.limitCache(req, `public, max-age=${seconds}`)
    }
    title.playback = present(playback)
    return doc
  }
