/**
 * The English message catalog for every custom view and component of ours. German and Chinese
 * (de.ts, zh.ts) must have exactly these keys; the compiler checks it. Placeholders are
 * `{{name}}`, as in Payload's own translations.
 *
 * Keys are grouped by view with a prefix (`nav…`, `matrix…`, `reports…`): add a view's strings
 * under its own prefix.
 */
export const en = {
  navRightsReports: 'Rights reports',
  navAvailabilityMatrix: 'Availability matrix',
  // The video admin parts (src/admin/video): status, Mux panel, tracks.
  videoStatusLabel: 'Status',
  videoStatusPending: 'Pending',
  videoStatusUploading: 'Uploading',
  videoStatusPreparing: 'Preparing',
  videoStatusReady: 'Ready',
  videoStatusErrored: 'Errored',
  videoStatusLoading: 'Loading the Mux status…',
  videoStatusLoadFailed: 'Could not load the Mux status ({{reason}}).',
  videoHelpUnsaved:
    'Save the video first (with a file, a source URL or just its title); Mux takes it from there.',
  videoHelpNoCredentials:
    'Waiting for Mux credentials: the video is sent to Mux as soon as the server has MUX_TOKEN_ID and MUX_TOKEN_SECRET.',
  videoHelpNoSource: 'Pending: no video yet. Upload a file or set a source URL.',
  videoHelpQueued: 'Pending: the source waits to be sent to Mux.',
  videoHelpSending: 'Pending: the file is being sent to Mux.',
  videoHelpRetrying: 'Pending: Mux could not take the video yet; it is sent again automatically.',
  videoHelpPushFailed:
    'Mux refused the source. Check the file or URL, then retry or upload another file.',
  videoHelpUploading: 'Uploading: waiting for the whole file to arrive at Mux.',
  videoHelpPreparing: 'Preparing: Mux is encoding the video. It plays once it is ready.',
  videoHelpReady: 'Ready: the video plays in every title that uses it.',
  videoHelpReadyNoSigningKey:
    'Ready at Mux, but this server has no signing key (MUX_SIGNING_KEY, MUX_PRIVATE_KEY): a signed video cannot play or show its thumbnail.',
  videoHelpReplacing:
    'Ready: a new source is on its way; the current video keeps playing until the new one is ready.',
  videoHelpReplacementErrored:
    'Ready, but Mux could not process the new source: the current video keeps playing.',
  videoHelpErrored: 'Errored: Mux could not process the video. Retry, or upload another file.',
  videoPanelTitle: 'Mux',
  videoDurationSeconds: '{{seconds}} s',
  videoPolicySigned: 'Signed playback',
  videoPolicyPublic: 'Public playback',
  videoWaitingFile: 'File waiting on this server: {{size}}',
  videoReplacementLabel: 'New source',
  videoRetry: 'Retry',
  videoRetrying: 'Retrying…',
  videoRetryFailed: 'Retry failed: {{reason}}',
  videoThumbnailAlt: 'Thumbnail of the video at Mux',
  videoPreviewCaption: 'Preview',
  videoHlsStream: 'HLS stream',
  videoUploadDirect: 'Upload a file directly to Mux',
  videoReplaceWithFile: 'Replace with a file',
  videoUploadProgress: '{{percent}} % ({{sent}} of {{total}})',
  videoUploadCancel: 'Cancel',
  videoUploadArrived: '{{name}} arrived at Mux; it is being prepared.',
  videoUploadFailed: 'Upload failed: {{reason}}',
  videoUploadCancelled: 'Upload cancelled.',
  videoUploadConnectionFailed: 'the connection to Mux failed',
  videoUploadRefused: 'Mux answered {{status}}',
  videoTracksTitle: 'Tracks',
  videoTracksEmpty: 'No tracks yet.',
  videoTrackKind: 'Kind',
  videoTrackLanguage: 'Language',
  videoTrackName: 'Name',
  videoTrackClosedCaptions: 'Closed captions',
  videoTrackStatus: 'Status',
  videoTrackKindAudio: 'Audio',
  videoTrackKindText: 'Text',
  videoTrackYes: 'Yes',
  videoTrackRemove: 'Remove',
  videoTrackRemoved: 'Track removed.',
  videoTrackRemoveFailed: 'Could not remove the track: {{reason}}',
  videoSubtitlesTitle: 'Add subtitles',
  videoSubtitlesSource: 'Subtitles from',
  videoSubtitlesSourceFile: 'An uploaded .vtt or .srt file',
  videoSubtitlesSourceUrl: 'A URL',
  videoSubtitlesSourceGenerated: 'Mux (generated from the audio)',
  videoSubtitlesFile: 'Subtitle file',
  videoSubtitlesSelectFile: 'Select a file',
  videoSubtitlesDropHint: 'or drop a .vtt or .srt file here',
  videoSubtitlesUrl: 'URL of the subtitle file',
  videoSubtitlesLanguage: 'Language code',
  videoSubtitlesLanguageHint: 'BCP 47, e.g. en, de or zh-Hans.',
  videoSubtitlesName: 'Name',
  videoSubtitlesNameHint: 'Shown in the player; the language code when empty.',
  videoSubtitlesClosedCaptions: 'Closed captions (they describe sounds too)',
  videoSubtitlesAdd: 'Add subtitles',
  videoSubtitlesChooseFile: 'Choose a .vtt or .srt file.',
  videoSubtitlesRequested: 'Requested: the track appears above once Mux has it.',
  videoSubtitlesFailed: 'Could not add the subtitles: {{reason}}',
}

export type MessageKey = keyof typeof en
export type MessageCatalog = Record<MessageKey, string>
