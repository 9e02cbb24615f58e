import type { MuxAssetData, MuxUploadData, PlaybackIdEntry, PlaybackPolicy } from './types'

/** Languages Mux can generate subtitles for from an audio track. */
export const generatedSubtitleLanguages = [
  'en', 'es', 'it', 'pt', 'de', 'fr', 'pl', 'ru', 'nl', 'ca', 'tr', 'sv', 'uk', 'no', 'fi', 'sk',
  'el', 'cs', 'hr', 'da', 'ro', 'bg', 'auto',
] as const // prettier-ignore

export type GeneratedSubtitleLanguage = (typeof generatedSubtitleLanguages)[number]

export interface DirectUpload {
  uploadId: string
  /**
   * Where the file goes, by resumable PUTs (`resumableRanges.ts`): from a browser (UpChunk) or
   * from this server (`putFile`, `ResumableUploadStream`).
   */
  url: string
}

export interface CreatedTrack {
  trackId: string
  status: string
}

/** A text track for an asset: a subtitle file the service fetches, or generated from audio. */
export type TextTrackSource =
  | { kind: 'file'; url: string; languageCode: string; name: string; closedCaptions: boolean }
  | { kind: 'generated'; languageCode: GeneratedSubtitleLanguage; name: string }

/** One change to an existing asset. */
export type AssetChange =
  /** At most 255 characters, e.g. once the asset's document exists. */
  | { passthrough: string }
  | { addPlaybackId: PlaybackPolicy }
  | { removePlaybackId: string }
  | { addTextTrack: TextTrackSource }
  | { removeTrack: string }

/** What a change added: the new playback id, or the new tracks (empty otherwise). */
export interface AssetChanged {
  playbackIds: PlaybackIdEntry[]
  tracks: CreatedTrack[]
}

/**
 * The video service behind a small interface, like the adapters of Payload's
 * plugin-cloud-storage: the plugin's hooks and jobs talk to this, never to the SDK, and do the
 * orchestration themselves (what to push, resume, retry or release). Moving a file's bytes to
 * an upload URL is plain resumable HTTP, not part of the port. Deletes treat 404 as done.
 */
export interface VideoProvider {
  /** An upload session: a URL the file is PUT to, whose asset gets these settings. */
  createUpload(settings: {
    passthrough: string
    playbackPolicy: PlaybackPolicy
    corsOrigin?: string
    timeoutSeconds?: number
  }): Promise<DirectUpload>
  /** An asset the service fetches from a URL itself, so the URL must be publicly reachable. */
  createAsset(source: {
    url: string
    passthrough: string
    playbackPolicy: PlaybackPolicy
  }): Promise<{ assetId: string; status: string }>
  /** The asset or upload as the service holds it now; null when it does not exist. */
  getAsset(assetId: string): Promise<MuxAssetData | null>
  getUpload(uploadId: string): Promise<MuxUploadData | null>
  /**
   * Every asset carrying this passthrough, e.g. duplicates from a retried create. With
   * `createdSince`, the walk (newest first) stops at older assets, so it stays short.
   */
  findAssets(query: { passthrough: string; createdSince?: Date }): Promise<MuxAssetData[]>
  updateAsset(assetId: string, change: AssetChange): Promise<AssetChanged>
  deleteAsset(assetId: string): Promise<void>
  /** Lets go of an upload: cancels it while it waits, deletes the asset it already made. */
  deleteUpload(uploadId: string): Promise<void>
  /** Whether trying the same call again later may succeed (5xx, 429, timeouts, resets). */
  isRetryable(error: unknown): boolean
}
