export type * from './types'
export { matchKeysOf, applyMuxEvent } from './muxEvents'
export { emptyVideoMuxState, syncOf } from './muxSync'
export { beginIngest, detachFromMux, replacementOf, type MuxIngestRef } from './ingest'
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
} from './playbackSigning'
export {
  verifyMuxWebhook,
  WebhookSignatureError,
  type WebhookHeaders,
  type WebhookRejection,
} from './webhookSignature'
export {
  generatedSubtitleLanguages,
  type AssetChange,
  type AssetChanged,
  type CreatedTrack,
  type DirectUpload,
  type GeneratedSubtitleLanguage,
  type TextTrackSource,
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
  queryUploadProgress,
  uploadChunkAlignment,
  UploadTransferError,
  type UploadProgress,
} from './resumableRanges'
export { ResumableUploadStream, type Backpressure } from './resumableUploadStream'
export { putFile, resumeFile, type UploadBody } from './putFile'
export { MediaOutline, type OutlinePiece } from './mediaOutline'
