import { describe, expect, it } from 'vitest'

import {
  statusHelpIsProblem,
  statusHelpKey,
  statusPill,
  steadyPreview,
  thumbnailUrlOf,
  trackStatusLabel,
  type StatusHelpInput,
} from '../../../src/plugins/mux/components/statusView'
import type { MuxStatusView } from '../../../src/plugins/mux/components/types'
import { muxMessages as catalogs } from '../../../src/plugins/mux/messages'

const base: StatusHelpInput = {
  status: 'pending',
  configured: true,
  ingest: null,
  replacement: null,
  playbackPolicy: 'signed',
  signing: true,
}
const view = (patch: Partial<StatusHelpInput>): StatusHelpInput => ({ ...base, ...patch })
const ingest = (state: string): StatusHelpInput['ingest'] => ({ source: 'file', state, bytes: 10 })

describe('statusHelpKey', () => {
  it('says ready for a ready video, never pending', () => {
    const key = statusHelpKey(view({ status: 'ready' }))
    expect(key).toBe('videoHelpReady')
    expect(catalogs.en[key!]).toMatch(/^Ready/)
    expect(catalogs.en[key!]).not.toMatch(/pending/i)
  })

  it('follows the video through its life', () => {
    expect(statusHelpKey(view({}))).toBe('videoHelpNoSource')
    expect(statusHelpKey(view({ ingest: ingest('queued') }))).toBe('videoHelpQueued')
    expect(statusHelpKey(view({ ingest: ingest('pushing') }))).toBe('videoHelpSending')
    expect(statusHelpKey(view({ ingest: ingest('retrying') }))).toBe('videoHelpRetrying')
    expect(statusHelpKey(view({ status: 'uploading' }))).toBe('videoHelpUploading')
    expect(statusHelpKey(view({ status: 'preparing' }))).toBe('videoHelpPreparing')
    expect(statusHelpKey(view({ status: 'errored' }))).toBe('videoHelpErrored')
  })

  it('names missing credentials only while the video waits for them', () => {
    expect(statusHelpKey(view({ configured: false }))).toBe('videoHelpNoCredentials')
    expect(statusHelpKey(view({ configured: false, ingest: ingest('waiting') }))).toBe(
      'videoHelpNoCredentials',
    )
    // A video that reached Mux before the credentials went away still is what it is.
    expect(statusHelpKey(view({ configured: false, status: 'ready' }))).toBe('videoHelpReady')
    expect(statusHelpKey(view({ configured: false, status: 'preparing' }))).toBe(
      'videoHelpPreparing',
    )
  })

  it('tells a signed video without a signing key that it cannot play', () => {
    expect(statusHelpKey(view({ status: 'ready', signing: false }))).toBe(
      'videoHelpReadyNoSigningKey',
    )
    expect(statusHelpKey(view({ status: 'ready', signing: false, playbackPolicy: 'public' }))).toBe(
      'videoHelpReady',
    )
  })

  it('tells a ready video with a new source that the old one keeps playing', () => {
    expect(statusHelpKey(view({ status: 'ready', ingest: ingest('pushing') }))).toBe(
      'videoHelpReplacing',
    )
    expect(statusHelpKey(view({ status: 'ready', replacement: { status: 'preparing' } }))).toBe(
      'videoHelpReplacing',
    )
    expect(statusHelpKey(view({ status: 'ready', replacement: { status: 'errored' } }))).toBe(
      'videoHelpReplacementErrored',
    )
  })

  it('puts a refused push first, whatever plays meanwhile', () => {
    expect(statusHelpKey(view({ ingest: ingest('failed') }))).toBe('videoHelpPushFailed')
    expect(statusHelpKey(view({ status: 'ready', ingest: ingest('failed') }))).toBe(
      'videoHelpPushFailed',
    )
  })

  it('asks to save first on the create page, and says nothing while loading', () => {
    expect(statusHelpKey(null, false)).toBe('videoHelpUnsaved')
    expect(statusHelpKey(null)).toBeNull()
  })

  it('marks what needs the editor as a problem', () => {
    expect(statusHelpIsProblem('videoHelpErrored')).toBe(true)
    expect(statusHelpIsProblem('videoHelpNoCredentials')).toBe(true)
    expect(statusHelpIsProblem('videoHelpReady')).toBe(false)
    expect(statusHelpIsProblem('videoHelpPreparing')).toBe(false)
    expect(statusHelpIsProblem(null)).toBe(false)
  })

  it('has every help message in German and Chinese, not in English', () => {
    const keys = Object.keys(catalogs.en).filter((key) => key.startsWith('videoHelp'))
    expect(keys.length).toBeGreaterThan(10)
    for (const key of keys as (keyof typeof catalogs.en)[]) {
      expect(catalogs.de[key]).not.toBe(catalogs.en[key])
      expect(catalogs.zh[key]).not.toBe(catalogs.en[key])
    }
  })
})

describe('statusPill', () => {
  it('draws each status in the admin pill style of its meaning', () => {
    expect(statusPill('ready')).toEqual({
      status: 'ready',
      label: 'videoStatusReady',
      pillStyle: 'success',
    })
    expect(statusPill('errored').pillStyle).toBe('error')
    expect(statusPill('preparing').pillStyle).toBe('warning')
  })

  it('shows an unknown or missing status as pending', () => {
    expect(statusPill(null).status).toBe('pending')
    expect(statusPill('deleted').status).toBe('pending')
  })

  it('names the Mux track statuses it knows', () => {
    expect(trackStatusLabel('ready')).toBe('videoStatusReady')
    expect(trackStatusLabel('preparing')).toBe('videoStatusPreparing')
    expect(trackStatusLabel('deleted')).toBeNull()
    expect(trackStatusLabel(null)).toBeNull()
  })
})

type Preview = NonNullable<MuxStatusView['preview']>

const preview = (patch: Partial<Preview> = {}): Preview => ({
  playbackId: 'pb1',
  hls: 'https://stream.mux.com/pb1.m3u8?token=a',
  thumbnail: 'https://image.mux.com/pb1/thumbnail.webp?token=a',
  policy: 'signed',
  expiresAt: new Date(Date.UTC(2026, 0, 1, 12, 30)).toISOString(),
  ...patch,
})

describe('steadyPreview', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0)

  it('keeps the shown URLs while the same id plays and its tokens are good', () => {
    const shown = preview()
    const next = preview({ hls: 'https://stream.mux.com/pb1.m3u8?token=b' })
    expect(steadyPreview(shown, next, now)).toBe(shown)
  })

  it('takes the fresh one shortly before the tokens expire', () => {
    const shown = preview()
    const next = preview({ hls: 'https://stream.mux.com/pb1.m3u8?token=b' })
    const nearlyExpired = Date.UTC(2026, 0, 1, 12, 29, 30)
    expect(steadyPreview(shown, next, nearlyExpired)).toBe(next)
  })

  it('takes a new playback id (a replacement) or a new policy at once', () => {
    const shown = preview()
    expect(steadyPreview(shown, preview({ playbackId: 'pb2' }), now)?.playbackId).toBe('pb2')
    expect(steadyPreview(shown, preview({ policy: 'public' }), now)?.policy).toBe('public')
  })

  it('starts from and falls back to nothing', () => {
    expect(steadyPreview(null, preview(), now)?.playbackId).toBe('pb1')
    expect(steadyPreview(preview(), null, now)).toBeNull()
  })
})

describe('thumbnailUrlOf', () => {
  it('points at the server endpoint that signs, tagged with the playback id', () => {
    expect(thumbnailUrlOf('/api', 'videos', 7, { playbackId: 'a b' })).toBe(
      '/api/videos/7/thumbnail?v=a%20b',
    )
    expect(thumbnailUrlOf('/api', 'videos', 7, null)).toBeNull()
  })
})
