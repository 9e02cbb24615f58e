// Pure rules of the video admin parts: which help a status view calls for, how a status is
// drawn, and when a refreshed preview may replace the one on screen. No React, no Payload UI:
// unit-tested directly (tests/unit/video/statusView.test.ts).

import type { MuxMessageKey as MessageKey } from '../messages'
import type { MuxStatusView, VideoStatus } from './types'

export type StatusHelpInput = Pick<
  MuxStatusView,
  'status' | 'configured' | 'ingest' | 'replacement' | 'playbackPolicy' | 'signing'
>

/** The help under the status: what the video waits for, or what it can do now. */
export const statusHelpKey = (view: StatusHelpInput | null, saved = true): MessageKey | null => {
  if (!saved) return 'videoHelpUnsaved'
  if (!view) return null
  const ingestState = view.ingest?.state ?? null
  // A source that could not be sent wins: it needs the editor, whatever plays meanwhile.
  if (ingestState === 'failed') return 'videoHelpPushFailed'
  const waitingForCredentials =
    !view.configured && (view.status === 'pending' || view.ingest !== null)
  if (waitingForCredentials || ingestState === 'waiting') return 'videoHelpNoCredentials'

  if (view.status === 'ready') {
    if (view.replacement?.status === 'errored') return 'videoHelpReplacementErrored'
    if (view.replacement || view.ingest) return 'videoHelpReplacing'
    if (view.playbackPolicy === 'signed' && view.signing === false) {
      return 'videoHelpReadyNoSigningKey'
    }
    return 'videoHelpReady'
  }
  if (ingestState === 'retrying') return 'videoHelpRetrying'
  if (ingestState === 'pushing') return 'videoHelpSending'
  if (ingestState === 'queued') return 'videoHelpQueued'
  switch (view.status) {
    case 'pending':
      return view.ingest ? 'videoHelpQueued' : 'videoHelpNoSource'
    case 'uploading':
      return 'videoHelpUploading'
    case 'preparing':
      return 'videoHelpPreparing'
    case 'errored':
      return 'videoHelpErrored'
    default:
      return null
  }
}

/** Whether the help is a problem the editor should act on (drawn as a warning, not as a note). */
export const statusHelpIsProblem = (key: MessageKey | null): boolean =>
  key === 'videoHelpPushFailed' ||
  key === 'videoHelpErrored' ||
  key === 'videoHelpReplacementErrored' ||
  key === 'videoHelpNoCredentials' ||
  key === 'videoHelpReadyNoSigningKey'

export type StatusPillStyle = 'light-gray' | 'light' | 'warning' | 'success' | 'error'

const pillStyles: Record<VideoStatus, StatusPillStyle> = {
  pending: 'light-gray',
  uploading: 'light',
  preparing: 'warning',
  ready: 'success',
  errored: 'error',
}

const statusLabels: Record<VideoStatus, MessageKey> = {
  pending: 'videoStatusPending',
  uploading: 'videoStatusUploading',
  preparing: 'videoStatusPreparing',
  ready: 'videoStatusReady',
  errored: 'videoStatusErrored',
}

const isVideoStatus = (value: string): value is VideoStatus => value in pillStyles

/** A video status (or a Mux track status, which uses the same words) as a pill. */
export const statusPill = (
  status: string | null | undefined,
): { status: VideoStatus; label: MessageKey; pillStyle: StatusPillStyle } => {
  const value = status && isVideoStatus(status) ? status : 'pending'
  return { status: value, label: statusLabels[value], pillStyle: pillStyles[value] }
}

/** A Mux track status in words, or null for one we do not know (shown as Mux names it). */
export const trackStatusLabel = (status: string | null | undefined): MessageKey | null =>
  status && isVideoStatus(status) ? statusLabels[status] : null

type Preview = NonNullable<MuxStatusView['preview']>

/** How long before its tokens expire a shown preview is swapped for a fresh one. */
export const previewRenewalMs = 60_000

/**
 * Every status poll signs new tokens, so the URLs change each time; swapping them on the
 * <video> element would restart playback. Keep what is shown while it plays the same playback
 * id and its tokens are not about to expire.
 */
export const steadyPreview = (
  shown: Preview | null,
  next: Preview | null,
  now = Date.now(),
): Preview | null => {
  if (!shown || !next) return next
  if (shown.playbackId !== next.playbackId || shown.policy !== next.policy) return next
  if (shown.expiresAt && Date.parse(shown.expiresAt) - now < previewRenewalMs) return next
  return shown
}

/**
 * The thumbnail the admin shows: the server's thumbnail endpoint, which signs a fresh URL when
 * the playback id needs one, tagged with the playback id so a replacement is not served from
 * the browser's cache.
 */
export const thumbnailUrlOf = (
  apiRoute: string,
  collectionSlug: string,
  id: string | number,
  preview: Pick<Preview, 'playbackId'> | null,
): string | null =>
  preview
    ? `${apiRoute}/${collectionSlug}/${encodeURIComponent(String(id))}/thumbnail?v=${encodeURIComponent(preview.playbackId)}`
    : null
