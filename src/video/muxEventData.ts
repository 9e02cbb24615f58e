import type {
  AssetFacts,
  AssetLifecycle,
  PlaybackIdEntry,
  UploadFacts,
  UploadStatus,
  VideoError,
  VideoTrack,
} from './types'

// Webhook `data` is untrusted JSON: these readers never assume a field has the documented type.

type Json = Record<string, unknown>

export const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const readString = (source: unknown, key: string): string | null => {
  if (!isRecord(source)) return null
  const value = source[key]
  return typeof value === 'string' && value !== '' ? value : null
}

const readNumber = (source: Json, key: string): number | null => {
  const value = source[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

const readBoolean = (source: Json, key: string): boolean | null => {
  const value = source[key]
  return typeof value === 'boolean' ? value : null
}

const readRecords = (source: Json, key: string): Json[] => {
  const value = source[key]
  return Array.isArray(value) ? value.filter(isRecord) : []
}

export const readRecord = (source: unknown, key: string): Json | null => {
  if (!isRecord(source)) return null
  const value = source[key]
  return isRecord(value) ? value : null
}

const assetLifecycles: readonly string[] = ['preparing', 'ready', 'errored']
const uploadStatuses: readonly string[] = [
  'waiting',
  'asset_created',
  'errored',
  'cancelled',
  'timed_out',
]

export const readAssetLifecycle = (data: Json): AssetLifecycle | null => {
  const status = readString(data, 'status')
  return status && assetLifecycles.includes(status) ? (status as AssetLifecycle) : null
}

export const readUploadStatus = (data: Json): UploadStatus | null => {
  const status = readString(data, 'status')
  return status && uploadStatuses.includes(status) ? (status as UploadStatus) : null
}

const readPlaybackIds = (data: Json): PlaybackIdEntry[] =>
  readRecords(data, 'playback_ids').flatMap((entry) => {
    const playbackId = readString(entry, 'id')
    const policy = readString(entry, 'policy')
    // DRM playback ids are out of scope: never hand them to a player as public or signed.
    if (!playbackId || (policy !== 'public' && policy !== 'signed')) return []
    return [{ playbackId, policy }]
  })

const readErrorMessages = (errors: Json): string[] | null => {
  const messages = errors.messages
  if (Array.isArray(messages)) return messages.filter((m): m is string => typeof m === 'string')
  const message = readString(errors, 'message')
  return message ? [message] : null
}

/** Asset `errors` ({ type, messages }) or upload/track `error` ({ type, message(s) }). */
export const readError = (data: Json): VideoError | null => {
  const errors = readRecord(data, 'errors') ?? readRecord(data, 'error')
  if (!errors) return null
  return { type: readString(errors, 'type'), messages: readErrorMessages(errors) }
}

/** A Mux track object as one of our tracks; video tracks and malformed entries give null. */
export const readTrack = (track: Json, statusOverride?: string): VideoTrack | null => {
  const muxTrackId = readString(track, 'id')
  const kind = readString(track, 'type')
  if (!muxTrackId || (kind !== 'audio' && kind !== 'text')) return null
  return {
    kind,
    languageCode: readString(track, 'language_code'),
    name: readString(track, 'name'),
    closedCaptions: readBoolean(track, 'closed_captions'),
    status: statusOverride ?? readString(track, 'status'),
    muxTrackId,
  }
}

export const readTracks = (data: Json): VideoTrack[] =>
  readRecords(data, 'tracks').flatMap((track) => readTrack(track) ?? [])

export const readAssetFacts = (data: Json, status: AssetLifecycle): AssetFacts => ({
  status,
  duration: readNumber(data, 'duration'),
  aspectRatio: readString(data, 'aspect_ratio'),
  // resolution_tier is what Mux actually stored; max_resolution_tier only the ceiling asked for.
  maxResolution: readString(data, 'resolution_tier') ?? readString(data, 'max_resolution_tier'),
  playbackIds: readPlaybackIds(data),
  error: status === 'errored' ? readError(data) : null,
  trackIds: readTracks(data).map((track) => track.muxTrackId),
})

export const readUploadFacts = (data: Json, status: UploadStatus): UploadFacts => ({
  status,
  error: status === 'waiting' || status === 'asset_created' ? null : readError(data),
})
