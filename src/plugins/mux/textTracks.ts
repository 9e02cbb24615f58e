import type { PayloadRequest } from 'payload'

import {
  applyMuxEvent,
  generatedSubtitleLanguages,
  signFileToken,
  syncOf,
  type CreatedTrack,
  type GeneratedSubtitleLanguage,
  type MuxWebhookEvent,
  type VideoMuxState,
} from '../../video'
import type { TextTrackRequest } from './jobs'
import type { MuxRuntime } from './runtime'
import { changeVideoMuxState } from './videoMuxState'
import { muxStateOf } from './videoRecords'

export const trackFilesPath = '/track-files'

/** A URL Mux can fetch a spooled subtitle file from, valid for a while. */
export const trackFileUrl = (runtime: MuxRuntime, secret: string, file: string): string => {
  const base = runtime.options.publicServerUrl
  if (!base) throw new Error('PUBLIC_SERVER_URL (or SERVER_URL) is needed for subtitle files.')
  const expiresAt = new Date(Date.now() + runtime.options.trackUrlTtlSeconds * 1000)
  const token = signFileToken({ name: file, secret, expiresAt })
  return `${base.replace(/\/+$/, '')}/api/videos${trackFilesPath}/${file}?token=${token}`
}

const isGeneratedLanguage = (code: string): code is GeneratedSubtitleLanguage =>
  (generatedSubtitleLanguages as readonly string[]).includes(code)

/** What Mux just told us about tracks we asked for, as events, so they show at once. */
const requestedTrackEvents = (
  assetId: string,
  request: TextTrackRequest,
  tracks: CreatedTrack[],
): MuxWebhookEvent[] => {
  const at = new Date().toISOString()
  return tracks.map((track) => ({
    type: 'video.asset.track.created',
    id: `requested:${track.trackId}`,
    created_at: at,
    object: { type: 'track', id: track.trackId },
    data: {
      id: track.trackId,
      type: 'text',
      text_type: 'subtitles',
      status: track.status,
      language_code: request.languageCode,
      name: request.name,
      closed_captions: request.kind === 'generated' ? true : (request.closedCaptions ?? false),
      asset_id: assetId,
    },
    environment: null,
    attempts: [],
  }))
}

export class TrackRequestError extends Error {
  override readonly name = 'TrackRequestError'
}

/** The live asset, when it can take tracks: Mux adds tracks to ready assets only. */
export const readyAssetOf = (state: VideoMuxState): string | null => {
  const live = syncOf(state).live
  return live.asset?.facts.status === 'ready' ? live.assetId : null
}

/** The add-track task: asks Mux for the track, then records it as `preparing`. */
export const addTextTrack = async (
  runtime: MuxRuntime,
  req: PayloadRequest,
  { videoId, track }: { videoId: string; track: TextTrackRequest },
): Promise<string> => {
  const { provider } = runtime
  if (!provider) throw new Error('Mux is not configured.')
  const video = await runtime.videos.find(req.payload, videoId, req)
  if (!video) return 'gone'
  const state = muxStateOf(video)
  const assetId = readyAssetOf(state)
  if (!assetId) {
    if (state.status === 'errored') return 'video-errored'
    // Not ready yet: the job queue tries again later.
    throw new Error('The video is not ready yet; the track is added once it is.')
  }
  let created: CreatedTrack[]
  if (track.kind === 'generated') {
    if (!isGeneratedLanguage(track.languageCode)) {
      throw new TrackRequestError(`Mux cannot generate ${track.languageCode} subtitles.`)
    }
    const { tracks } = await provider.updateAsset(assetId, {
      addTextTrack: { kind: 'generated', languageCode: track.languageCode, name: track.name },
    })
    created = tracks
  } else {
    const url =
      track.kind === 'file'
        ? trackFileUrl(runtime, req.payload.secret, track.file ?? '')
        : track.url
    if (!url) throw new TrackRequestError('A text track needs a URL or a file.')
    const { tracks } = await provider.updateAsset(assetId, {
      addTextTrack: {
        kind: 'file',
        url,
        languageCode: track.languageCode,
        name: track.name,
        closedCaptions: track.closedCaptions ?? false,
      },
    })
    created = tracks
  }
  const events = requestedTrackEvents(assetId, track, created)
  await changeVideoMuxState(
    runtime,
    req.payload,
    video.id,
    (current) => ({
      state: events.reduce((next, event) => applyMuxEvent(next, event).state, current),
    }),
    req,
  )
  return 'requested'
}

/** Removes a text track at Mux and from the video. */
export const removeTextTrack = async (
  runtime: MuxRuntime,
  req: PayloadRequest,
  videoId: string,
  trackId: string,
): Promise<void> => {
  const { provider } = runtime
  if (!provider) throw new Error('Mux is not configured.')
  const video = await runtime.videos.find(req.payload, videoId, req)
  const assetId = video ? syncOf(muxStateOf(video)).live.assetId : null
  if (!video || !assetId) return
  await provider.updateAsset(assetId, { removeTrack: trackId })
  const event: MuxWebhookEvent = {
    type: 'video.asset.track.deleted',
    id: `removed:${trackId}`,
    created_at: new Date().toISOString(),
    object: { type: 'track', id: trackId },
    data: { id: trackId, type: 'text', status: 'deleted', asset_id: assetId },
    environment: null,
    attempts: [],
  }
  await changeVideoMuxState(
    runtime,
    req.payload,
    video.id,
    (state) => ({ state: applyMuxEvent(state, event).state }),
    req,
  )
}
