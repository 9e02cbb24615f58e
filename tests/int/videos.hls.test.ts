import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PlaybackInfo } from '../../src/plugins/mux'
import { ffmpegCommand, renderTestPattern } from '../../src/seed/testPattern'
import { findFfmpeg } from '../fakes/fakeMuxEncoder'
import { startVideoHarness, type VideoHarness } from '../fakes/videoHarness'
import { testBackends } from './support/backends'
import { createCatalogFixtures, licenseForViewing, type CatalogFixtures } from './support/fixtures'

// The fake Mux with ffmpeg: a real file uploaded through the app becomes HLS in two renditions,
// a thumbnail and a storyboard, at the URLs the app hands to players, and signed playback ids
// refuse bad tokens as Mux does.

const ffmpeg = ffmpegCommand()
const tools = findFfmpeg()
const skipReason = !ffmpeg || !tools ? ' (skipped: ffmpeg/ffprobe not installed)' : ''

const uriLines = (playlist: string) =>
  playlist.split('\n').filter((line) => line.trim() && !line.startsWith('#'))

describe.each(testBackends)(`fake Mux HLS on $kind${skipReason}`, (backend) => {
  const enabled = Boolean(backend.serverUrl && !skipReason)
  let h: VideoHarness
  let fixtures: CatalogFixtures
  let mediaDir: string
  let videoId: number
  let playback: PlaybackInfo

  beforeAll(async () => {
    if (!enabled || !ffmpeg) return
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-fake-media-'))
    h = await startVideoHarness(backend, { fake: { media: { dir: mediaDir } } })
    fixtures = await createCatalogFixtures(h.payload)
    const source = path.join(mediaDir, 'pattern.mp4')
    await renderTestPattern(ffmpeg, source, { seconds: 4, width: 640, height: 360, tone: 440 })
    const response = await h.uploadVideo('Test pattern', fs.readFileSync(source), {
      playbackPolicy: 'signed',
    })
    expect(response.status).toBe(201)
    videoId = ((await response.json()) as { doc: { id: number } }).doc.id
    // Preparing while ffmpeg encodes; ready (by webhook) once it is done.
    expect((await h.video(videoId)).status).not.toBe('ready')
    await h.settle(async () => (await h.video(videoId)).status === 'ready', 90_000)
    const film = await h.payload.create({
      collection: 'films',
      data: { title: 'Pattern film', video: videoId, _status: 'published' },
    })
    await licenseForViewing(h.payload, 'films', film.id, fixtures)
    const read = await h.api(`/api/films/${film.id}`, {
      as: null,
      headers: { 'x-viewer-territory': 'DE' },
    })
    playback = ((await read.json()) as { playback: { video: PlaybackInfo } }).playback.video
  }, 180_000)
  afterAll(async () => {
    await h?.destroy()
    if (mediaDir) fs.rmSync(mediaDir, { recursive: true, force: true })
  })

  it.skipIf(!enabled)('records what the encoder found on the video', async () => {
    const video = await h.video(videoId)
    expect(video.duration).toBeGreaterThan(3.5)
    expect(video.duration).toBeLessThan(4.5)
    expect(video.aspectRatio).toBe('16:9')
  })

  it.skipIf(!enabled)(
    'serves a master playlist with two renditions whose segments are MPEG-TS',
    async () => {
      expect(playback.hls.startsWith(`${h.fake.url}/${playback.playbackId}.m3u8?token=`)).toBe(true)
      const master = await fetch(playback.hls)
      expect(master.status).toBe(200)
      expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl')
      const text = await master.text()
      const variants = text.split('\n').filter((line) => line.startsWith('#EXT-X-STREAM-INF'))
      expect(variants).toHaveLength(2)
      expect(variants[0]).toContain('RESOLUTION=640x360')
      expect(variants[1]).toContain('RESOLUTION=426x240')
      expect(variants[0]).toMatch(/CODECS="avc1\.[0-9a-f]+,mp4a\.40\.2"/)

      for (const uri of uriLines(text)) {
        const media = await fetch(new URL(uri, playback.hls))
        expect(media.status).toBe(200)
        const segments = uriLines(await media.text())
        expect(segments.length).toBeGreaterThanOrEqual(2)
        const segment = await fetch(new URL(segments[0], media.url))
        expect(segment.status).toBe(200)
        expect(segment.headers.get('content-type')).toBe('video/mp2t')
        const bytes = new Uint8Array(await segment.arrayBuffer())
        // MPEG-TS packets start with the sync byte 0x47 every 188 bytes.
        expect(bytes.length % 188).toBe(0)
        expect([bytes[0], bytes[188]]).toEqual([0x47, 0x47])
      }
    },
  )

  it.skipIf(!enabled)(
    'refuses a signed id without its token, with a bad one, or another audience',
    async () => {
      const hls = new URL(playback.hls)
      const token = hls.searchParams.get('token') ?? ''
      const bare = `${hls.origin}${hls.pathname}`
      expect((await fetch(bare)).status).toBe(403)
      const [header, payload, signature] = token.split('.')
      const tampered = `${header}.${payload}.${signature.slice(0, -4)}AAAA`
      expect((await fetch(`${bare}?token=${tampered}`)).status).toBe(403)
      // The thumbnail token (audience t) does not open the stream, nor the stream's the images.
      const thumbnailToken = new URL(playback.thumbnail).searchParams.get('token')
      expect((await fetch(`${bare}?token=${thumbnailToken}`)).status).toBe(403)
      const thumbnail = new URL(playback.thumbnail)
      expect((await fetch(`${thumbnail.origin}${thumbnail.pathname}?token=${token}`)).status).toBe(
        403,
      )
      // Segments want the token too.
      const master = await (await fetch(playback.hls)).text()
      const rendition = new URL(uriLines(master)[0], playback.hls)
      expect((await fetch(`${rendition.origin}${rendition.pathname}`)).status).toBe(403)
      expect((await fetch(`${h.fake.url}/${'x'.repeat(32)}.m3u8`)).status).toBe(404)
    },
  )

  it.skipIf(!enabled)('serves the signed thumbnail and the storyboard', async () => {
    const thumbnail = await fetch(playback.thumbnail)
    expect(thumbnail.status).toBe(200)
    expect(thumbnail.headers.get('content-type')).toBe('image/webp')
    const webp = Buffer.from(await thumbnail.arrayBuffer())
    expect(webp.subarray(0, 4).toString('latin1')).toBe('RIFF')
    expect(webp.subarray(8, 12).toString('latin1')).toBe('WEBP')

    const storyboard = await fetch(playback.storyboard)
    expect(storyboard.status).toBe(200)
    const vtt = await storyboard.text()
    expect(vtt.startsWith('WEBVTT')).toBe(true)
    const cues = vtt.match(/#xywh=\d+,\d+,256,144/g) ?? []
    expect(cues).toHaveLength(4)
    const image = /^(http\S+)#xywh/m.exec(vtt)?.[1] ?? ''
    const jpeg = await fetch(image)
    expect(jpeg.status).toBe(200)
    expect(jpeg.headers.get('content-type')).toBe('image/jpeg')
    expect([...new Uint8Array(await jpeg.arrayBuffer()).subarray(0, 2)]).toEqual([0xff, 0xd8])
  })
})
