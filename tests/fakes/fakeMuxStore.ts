import { createHash, type Hash } from 'node:crypto'
import {
  FakeHttpError,
  invalid,
  muxLikeId,
  notFound,
  optionalString,
  type TimerSet,
} from './fakeMuxHttp'
import type { EncodedAsset } from './fakeMuxEncoder'
import type { FakeMuxMedia } from './fakeMuxMedia'

// In-memory Mux Video: direct uploads, assets, playback ids and tracks, with the lifecycle and
// the webhooks the real service produces. JSON shapes follow the @mux/mux-node types.

/** Mux keeps at most this much of a passthrough. */
const maxPassthroughLength = 255

export interface FakePlaybackId {
  id: string
  policy: string
}

export interface FakeTrack {
  id: string
  type: 'video' | 'audio' | 'text'
  status: 'preparing' | 'ready' | 'errored'
  text_type?: 'subtitles'
  text_source?: 'uploaded' | 'generated_vod'
  language_code?: string
  name?: string
  closed_captions?: boolean
  passthrough?: string
  primary?: boolean
  max_width?: number
  max_height?: number
  max_frame_rate?: number
  max_channels?: number
  duration?: number
  error?: { type: string; messages: string[] }
}

export interface FakeAsset {
  id: string
  status: 'preparing' | 'ready' | 'errored'
  created_at: string
  passthrough?: string
  upload_id?: string
  playback_ids: FakePlaybackId[]
  tracks: FakeTrack[]
  max_resolution_tier: string
  video_quality: string
  encoding_tier: string
  master_access: 'none'
  mp4_support: 'none'
  ingest_type: 'on_demand_url' | 'on_demand_direct_upload'
  progress: { state: string; progress: number }
  test?: boolean
  meta?: Record<string, unknown>
  duration?: number
  aspect_ratio?: string
  resolution_tier?: string
  max_stored_resolution?: string
  max_stored_frame_rate?: number
  errors?: { type: string; messages: string[] }
}

export interface FakeUpload {
  id: string
  status: 'waiting' | 'asset_created' | 'errored' | 'cancelled' | 'timed_out'
  timeout: number
  cors_origin: string
  url: string
  new_asset_settings?: Record<string, unknown>
  asset_id?: string
  error?: { type: string; message: string }
  test?: boolean
}

export interface FakeMuxStoreOptions {
  uploadUrl: (uploadId: string) => string
  readyDelayMs: () => number
  autoReady: () => boolean
  errorMarker: string
  /** Hash every uploaded byte (`uploadDigests`); benchmarks turn it off to measure transfer only. */
  digestUploads: boolean
  timers: TimerSet
  /** With ffmpeg: uploads are kept and encoded, and the asset is ready once they are. */
  media?: FakeMuxMedia | null
  publish: (
    type: string,
    object: { type: string; id: string },
    data: Record<string, unknown>,
  ) => void
}

type Json = Record<string, unknown>

const scannedHeadBytes = 64 * 1024

const playbackPolicies = new Set(['public', 'signed', 'drm'])

const policiesOf = (settings: Json): string[] => {
  const listed = settings.playback_policies ?? settings.playback_policy ?? []
  const policies = typeof listed === 'string' ? [listed] : Array.isArray(listed) ? listed : []
  for (const policy of policies) {
    if (!playbackPolicies.has(String(policy))) throw invalid(`Invalid playback policy: ${policy}`)
  }
  return policies.map(String)
}

const inputsOf = (settings: Json): Json[] => {
  const inputs = settings.inputs ?? settings.input
  if (typeof inputs === 'string') return [{ url: inputs }]
  return Array.isArray(inputs)
    ? inputs.filter((input): input is Json => typeof input === 'object')
    : []
}

const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a)

const aspectRatioOf = (width: number, height: number) => {
  const divisor = gcd(width, height) || 1
  return `${width / divisor}:${height / divisor}`
}

const clone = <T>(value: T): Json => structuredClone(value) as Json

export class FakeMuxStore {
  readonly uploads = new Map<string, FakeUpload>()
  readonly assets = new Map<string, FakeAsset>()
  /** Bytes PUT to each upload URL so far; the bytes themselves are thrown away. */
  readonly uploadedBytes = new Map<string, number>()
  /** SHA-256 (hex) of each upload's bytes, in order, once it is complete. */
  readonly uploadDigests = new Map<string, string>()
  private readonly uploadHashes = new Map<string, Hash>()
  /** The first bytes of each upload, searched for the error marker; memory stays flat. */
  private readonly uploadHeads = new Map<string, Buffer>()
  private readonly doomedAssets = new Set<string>()

  constructor(private readonly options: FakeMuxStoreOptions) {}

  reset() {
    this.uploads.clear()
    this.assets.clear()
    this.uploadedBytes.clear()
    this.uploadDigests.clear()
    this.uploadHashes.clear()
    this.uploadHeads.clear()
    this.doomedAssets.clear()
  }

  // Direct uploads

  createUpload(body: Json): FakeUpload {
    const settings = (body.new_asset_settings ?? {}) as Json
    policiesOf(settings)
    if (
      inputsOf(settings).some(
        (input) => input.url && input.type !== 'text' && input.type !== 'audio',
      )
    ) {
      throw invalid('new_asset_settings must not contain a video input url')
    }
    const id = muxLikeId()
    const timeout = typeof body.timeout === 'number' ? body.timeout : 3600
    if (timeout < 60 || timeout > 604800) throw invalid('timeout must be between 60 and 604800')
    const upload: FakeUpload = {
      id,
      status: 'waiting',
      timeout,
      cors_origin: optionalString(body.cors_origin) ?? '',
      url: this.options.uploadUrl(id),
      new_asset_settings: settings,
      ...(body.test === true ? { test: true } : {}),
    }
    this.uploads.set(id, upload)
    this.uploadedBytes.set(id, 0)
    this.options.timers.after(timeout * 1000, () => this.timeOutUpload(id))
    this.publishUpload('video.upload.created', upload)
    return upload
  }

  upload(id: string): FakeUpload {
    const upload = this.uploads.get(id)
    if (!upload) throw notFound('Upload')
    return upload
  }

  cancelUpload(id: string): FakeUpload {
    const upload = this.upload(id)
    if (upload.status !== 'waiting') {
      throw invalid(`Upload is ${upload.status}; only a waiting upload can be cancelled`)
    }
    upload.status = 'cancelled'
    this.options.media?.forgetUpload(id)
    this.publishUpload('video.upload.cancelled', upload)
    return upload
  }

  /** Mux marks an upload nobody finished as timed out; it sends no webhook for that. */
  timeOutUpload(id: string) {
    const upload = this.uploads.get(id)
    if (upload?.status === 'waiting') upload.status = 'timed_out'
  }

  receiveUploadChunk(id: string, chunk: Buffer) {
    this.uploadedBytes.set(id, (this.uploadedBytes.get(id) ?? 0) + chunk.length)
    if (this.options.digestUploads) {
      const hash = this.uploadHashes.get(id) ?? createHash('sha256')
      this.uploadHashes.set(id, hash.update(chunk))
    }
    this.options.media?.keepChunk(id, chunk)
    const head = this.uploadHeads.get(id) ?? Buffer.alloc(0)
    if (head.length < scannedHeadBytes) {
      this.uploadHeads.set(
        id,
        Buffer.concat([head, chunk.subarray(0, scannedHeadBytes - head.length)]),
      )
    }
  }

  /** The file is in: the upload turns into an asset, which errors if the file had the marker. */
  completeUpload(id: string): FakeAsset {
    const upload = this.upload(id)
    if (upload.status !== 'waiting') throw invalid(`Upload is ${upload.status}`)
    const asset = this.buildAsset(upload.new_asset_settings ?? {}, {
      uploadId: id,
      doomed: this.uploadHeads.get(id)?.includes(this.options.errorMarker) ?? false,
      ingestType: 'on_demand_direct_upload',
    })
    upload.status = 'asset_created'
    upload.asset_id = asset.id
    const hash = this.uploadHashes.get(id)
    if (hash) this.uploadDigests.set(id, hash.digest('hex'))
    this.uploadHashes.delete(id)
    this.publishUpload('video.upload.asset_created', upload)
    this.startAsset(asset, this.options.media?.uploadSource(id))
    return asset
  }

  // Assets

  createAsset(body: Json): FakeAsset {
    const inputs = inputsOf(body)
    const video = inputs.find((input) => input.type !== 'text' && input.type !== 'audio')
    const url = optionalString(video?.url)
    if (!url) throw invalid('inputs must contain a url for the video')
    const asset = this.buildAsset(body, {
      doomed: url.includes(this.options.errorMarker),
      ingestType: 'on_demand_url',
    })
    this.startAsset(asset, { url })
    return asset
  }

  asset(id: string): FakeAsset {
    const asset = this.assets.get(id)
    if (!asset) throw notFound('Asset')
    return asset
  }

  /** Newest first, like Mux. */
  listAssets({ uploadId }: { uploadId?: string }): FakeAsset[] {
    return [...this.assets.values()]
      .filter((asset) => !uploadId || asset.upload_id === uploadId)
      .reverse()
  }

  /** `PATCH /video/v1/assets/{id}`: Mux lets `passthrough` (and `meta`) change at any time. */
  updateAsset(id: string, body: Json): FakeAsset {
    const asset = this.asset(id)
    if (body.passthrough !== undefined) {
      if (typeof body.passthrough !== 'string') throw invalid('passthrough must be a string')
      if (body.passthrough.length > maxPassthroughLength) {
        throw invalid(`passthrough must be at most ${maxPassthroughLength} characters`)
      }
      asset.passthrough = body.passthrough
    }
    if (typeof body.meta === 'object' && body.meta) asset.meta = body.meta as Json
    this.publishAsset('video.asset.updated', asset)
    return asset
  }

  deleteAsset(id: string) {
    const asset = this.asset(id)
    this.assets.delete(id)
    this.options.media?.forget(id)
    this.publishAsset('video.asset.deleted', asset)
  }

  /** Ready with what the encoder found, or (without ffmpeg) made-up 1080p facts. */
  markAssetReady(id: string, encoded?: EncodedAsset): FakeAsset {
    const asset = this.asset(id)
    if (asset.status !== 'preparing') return asset
    const duration = encoded?.duration ?? 23.857
    const width = encoded?.width ?? 1920
    const height = encoded?.height ?? 1080
    const frameRate = encoded?.frameRate ?? 29.97
    Object.assign(asset, {
      status: 'ready',
      duration,
      aspect_ratio: aspectRatioOf(width, height),
      resolution_tier: height > 1080 ? '2160p' : height > 720 ? '1080p' : '720p',
      max_stored_resolution: height >= 720 ? 'HD' : 'SD',
      max_stored_frame_rate: frameRate,
      progress: { state: 'completed', progress: 100 },
    })
    asset.tracks = [
      {
        id: muxLikeId(),
        type: 'video',
        status: 'ready',
        max_width: width,
        max_height: height,
        max_frame_rate: frameRate,
        duration,
      },
      ...(encoded && !encoded.hasAudio
        ? []
        : [
            {
              id: muxLikeId(),
              type: 'audio',
              status: 'ready',
              primary: true,
              max_channels: 2,
              language_code: 'en',
              name: 'English',
              duration,
            } satisfies FakeTrack,
          ]),
      ...asset.tracks.map((track) => ({ ...track, status: 'ready' as const })),
    ]
    this.options.media?.publish(asset)
    this.publishAsset('video.asset.ready', asset)
    return asset
  }

  markAssetErrored(
    id: string,
    errors = { type: 'invalid_input', messages: ['The input file could not be processed.'] },
  ) {
    const asset = this.asset(id)
    Object.assign(asset, {
      status: 'errored',
      errors,
      progress: { state: 'errored', progress: -1 },
    })
    this.publishAsset('video.asset.errored', asset)
    return asset
  }

  // Playback ids

  createPlaybackId(assetId: string, body: Json): FakePlaybackId {
    const asset = this.asset(assetId)
    const [policy = 'public'] = policiesOf({ playback_policies: body.policy ?? 'public' })
    const playbackId = { id: muxLikeId(), policy }
    asset.playback_ids.push(playbackId)
    if (asset.status === 'ready') this.options.media?.publish(asset)
    return playbackId
  }

  playbackId(assetId: string, playbackId: string): FakePlaybackId {
    const found = this.asset(assetId).playback_ids.find((candidate) => candidate.id === playbackId)
    if (!found) throw notFound('Playback ID')
    return found
  }

  deletePlaybackId(assetId: string, playbackId: string) {
    const asset = this.asset(assetId)
    this.playbackId(assetId, playbackId)
    asset.playback_ids = asset.playback_ids.filter((candidate) => candidate.id !== playbackId)
    if (asset.status === 'ready') this.options.media?.publish(asset)
  }

  findPlaybackId(playbackId: string) {
    for (const asset of this.assets.values()) {
      const found = asset.playback_ids.find((candidate) => candidate.id === playbackId)
      if (found) return { ...found, object: { type: 'asset', id: asset.id } }
    }
    throw notFound('Playback ID')
  }

  // Tracks

  createTrack(assetId: string, body: Json): FakeTrack {
    const asset = this.readyAsset(assetId)
    const type = body.type
    const url = optionalString(body.url)
    const languageCode = optionalString(body.language_code)
    if (type !== 'text' && type !== 'audio') throw invalid('type must be text or audio')
    if (!url || !languageCode) throw invalid('url and language_code are required')
    const track: FakeTrack = {
      id: muxLikeId(),
      type,
      status: 'preparing',
      language_code: languageCode,
      name: optionalString(body.name) ?? languageCode,
      ...(type === 'text'
        ? {
            text_type: 'subtitles',
            text_source: 'uploaded',
            closed_captions: body.closed_captions === true,
          }
        : {}),
      ...(typeof body.passthrough === 'string' ? { passthrough: body.passthrough } : {}),
    }
    this.addTrack(asset, track, url.includes(this.options.errorMarker))
    return track
  }

  generateSubtitles(assetId: string, trackId: string, body: Json): FakeTrack[] {
    const asset = this.readyAsset(assetId)
    const audio = asset.tracks.find((track) => track.id === trackId)
    if (!audio) throw notFound('Track')
    if (audio.type !== 'audio') throw invalid('Subtitles can only be generated from an audio track')
    const requested = Array.isArray(body.generated_subtitles)
      ? (body.generated_subtitles as Json[])
      : []
    if (!requested.length) throw invalid('generated_subtitles must not be empty')
    return requested.map((subtitle) => {
      const languageCode = optionalString(subtitle.language_code) ?? 'en'
      const track: FakeTrack = {
        id: muxLikeId(),
        type: 'text',
        status: 'preparing',
        text_type: 'subtitles',
        text_source: 'generated_vod',
        language_code: languageCode,
        name: optionalString(subtitle.name) ?? languageCode,
        closed_captions: true,
        ...(typeof subtitle.passthrough === 'string' ? { passthrough: subtitle.passthrough } : {}),
      }
      this.addTrack(asset, track, false)
      return track
    })
  }

  deleteTrack(assetId: string, trackId: string) {
    const asset = this.asset(assetId)
    const track = asset.tracks.find((candidate) => candidate.id === trackId)
    if (!track) throw notFound('Track')
    if (track.type === 'video' || track.primary) {
      throw invalid('The video track and the primary audio track cannot be deleted')
    }
    asset.tracks = asset.tracks.filter((candidate) => candidate.id !== trackId)
    this.publishTrack('video.asset.track.deleted', asset.id, track)
  }

  private readyAsset(assetId: string) {
    const asset = this.asset(assetId)
    if (asset.status !== 'ready') {
      throw new FakeHttpError(
        400,
        'invalid_parameters',
        'The asset must be ready before tracks can be added',
      )
    }
    return asset
  }

  private addTrack(asset: FakeAsset, track: FakeTrack, doomed: boolean) {
    asset.tracks.push(track)
    this.publishTrack('video.asset.track.created', asset.id, track)
    this.options.timers.after(this.options.readyDelayMs(), () => {
      if (this.assets.get(asset.id)?.tracks.includes(track) !== true) return
      if (doomed) {
        track.status = 'errored'
        track.error = { type: 'invalid_input', messages: ['The track file could not be read.'] }
        this.publishTrack('video.asset.track.errored', asset.id, track)
      } else {
        track.status = 'ready'
        this.publishTrack('video.asset.track.ready', asset.id, track)
      }
    })
  }

  private buildAsset(
    settings: Json,
    {
      uploadId,
      doomed,
      ingestType,
    }: { uploadId?: string; doomed: boolean; ingestType: FakeAsset['ingest_type'] },
  ): FakeAsset {
    const id = muxLikeId()
    const textInputs = inputsOf(settings).filter((input) => input.type === 'text')
    const asset: FakeAsset = {
      id,
      status: 'preparing',
      created_at: String(Math.floor(Date.now() / 1000)),
      playback_ids: policiesOf(settings).map((policy) => ({ id: muxLikeId(), policy })),
      tracks: textInputs.map((input) => ({
        id: muxLikeId(),
        type: 'text',
        status: 'preparing',
        text_type: 'subtitles',
        text_source: 'uploaded',
        language_code: optionalString(input.language_code) ?? 'en',
        name: optionalString(input.name) ?? 'Subtitles',
        closed_captions: input.closed_captions === true,
      })),
      max_resolution_tier: optionalString(settings.max_resolution_tier) ?? '1080p',
      video_quality: optionalString(settings.video_quality) ?? 'basic',
      encoding_tier: 'baseline',
      master_access: 'none',
      mp4_support: 'none',
      ingest_type: ingestType,
      progress: { state: 'ingesting', progress: 0 },
      ...(typeof settings.passthrough === 'string' ? { passthrough: settings.passthrough } : {}),
      ...(uploadId ? { upload_id: uploadId } : {}),
      ...(settings.test === true ? { test: true } : {}),
    }
    this.assets.set(id, asset)
    if (doomed) this.doomedAssets.add(id)
    return asset
  }

  private startAsset(asset: FakeAsset, input?: { file: string } | { url: string }) {
    this.publishAsset('video.asset.created', asset)
    if (!this.options.autoReady()) return
    const { media } = this.options
    if (media && input && !this.doomedAssets.has(asset.id)) {
      // Preparing for as long as ffmpeg takes, like Mux encoding.
      media.prepare(asset.id, input).then(
        (encoded) => {
          if (this.assets.get(asset.id)?.status === 'preparing') {
            this.markAssetReady(asset.id, encoded)
          }
        },
        (error: unknown) => {
          if (this.assets.get(asset.id)?.status !== 'preparing') return
          this.markAssetErrored(asset.id, {
            type: 'invalid_input',
            messages: [error instanceof Error ? error.message : String(error)],
          })
        },
      )
      return
    }
    this.options.timers.after(this.options.readyDelayMs(), () => {
      if (this.assets.get(asset.id)?.status !== 'preparing') return
      if (this.doomedAssets.has(asset.id)) this.markAssetErrored(asset.id)
      else this.markAssetReady(asset.id)
    })
  }

  private publishUpload(type: string, upload: FakeUpload) {
    this.options.publish(type, { type: 'upload', id: upload.id }, clone(upload))
  }

  private publishAsset(type: string, asset: FakeAsset) {
    this.options.publish(type, { type: 'asset', id: asset.id }, clone(asset))
  }

  private publishTrack(type: string, assetId: string, track: FakeTrack) {
    this.options.publish(
      type,
      { type: 'track', id: track.id },
      { ...clone(track), asset_id: assetId },
    )
  }
}
