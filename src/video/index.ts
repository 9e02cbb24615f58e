export type * from './types'
export { matchKeysOf, applyMuxEvent } from './muxEvents'
export { emptyVideoMuxState, syncOf } from './muxSync'
export { beginIngest, detachFromMux, replacementOf, type IngestSource } from './ingest'
export {
  stateFromAsset,
  assetObservedEvent,
  assetGoneEvent,
  uploadObservedEvent,
} from './reconcile'
export {
  playbackIdFor,
  playbackUrls,
  signPlayback,
  signPlaybackTokens,
  type PlaybackAudience,
  type PlaybackSigningKey,
  type PlaybackTokens,
  type PlaybackUrls,
  type ThumbnailParams,
} from './playback'
export {
  verifyMuxWebhook,
  WebhookSignatureError,
  type WebhookHeaders,
  type WebhookRejection,
} from './webhookSignature'
export {
  generatedSubtitleLanguages,
  UploadTransferError,
  type CreatedTrack,
  type DirectUpload,
  type GeneratedSubtitleLanguage,
  type UploadBody,
  type VideoProvider,
} from './provider'
export { createMuxProvider, type MuxProviderOptions } from './muxProvider'
export { isRetryableMuxError } from './muxErrors'
export { muxConfigFromEnv, type MuxConfig } from './muxConfig'
export {
  newIngestNonce,
  parsePassthrough,
  passthroughFor,
  passthroughNamingRecord,
  unsavedPassthroughFor,
  type VideoPassthrough,
} from './passthrough'
export { hasPlaybackPolicyDrift, isAwaitingMux, knownMuxIds } from './progress'
export { checkFileToken, signFileToken, type FileTokenCheck } from './signedFileToken'
export {
  ChunkedUploadStream,
  queryUploadProgress,
  type Backpressure,
  uploadChunkAlignment,
  type UploadProgress,
} from './chunkedUpload'
export { MediaOutline, type OutlinePiece } from './mediaOutline'
