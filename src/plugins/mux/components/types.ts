// What `GET /api/videos/:id/mux-status` answers (src/plugins/mux/endpoints/videoEndpoints.ts).
// Client code must not import server modules, so the shape is repeated here; the status list
// is a type-only import (erased from the client bundle) from its one source.

import type { VideoStatus } from '../../../video/types'

export type { VideoStatus }

export interface MuxTrackView {
  kind: 'audio' | 'text'
  languageCode?: string | null
  name?: string | null
  closedCaptions?: boolean | null
  status?: string | null
  muxTrackId: string
}

export interface MuxStatusView {
  id: number | string
  status: VideoStatus
  configured: boolean
  canEdit: boolean
  /** Whether this server can sign playback (a signed video without it cannot play). */
  signing: boolean
  playbackPolicy: 'public' | 'signed'
  message: string | null
  ingest: { source: 'file' | 'url'; state: string | null; bytes: number | null } | null
  error: { type?: string | null; messages?: string[] | null } | null
  replacement: { status: VideoStatus; error?: { messages?: string[] | null } | null } | null
  duration: number | null
  aspectRatio: string | null
  maxResolution: string | null
  tracks: MuxTrackView[]
  preview: {
    playbackId: string
    hls: string
    thumbnail: string
    policy: 'public' | 'signed'
    expiresAt: string | null
  } | null
}
