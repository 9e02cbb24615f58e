import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoTrailers, demoVideoTarget, seedDemoVideos } from '../../src/seed/demoVideos'
import { ffmpegCommand } from '../../src/seed/testPattern'
import { startFakeMux } from '../fakes/fakeMux'
import { findFfmpeg } from '../fakes/fakeMuxEncoder'
import { startVideoHarness, type VideoHarness } from '../fakes/videoHarness'
import { testBackends } from './support/backends'

// The demo seed's generated trailers: only for the local fake Mux that encodes them, attached
// to their films, and playing once encoded. Without ffmpeg the seed leaves them out (and the
// encoding tests below are skipped, saying so).

const noFfmpeg = !ffmpegCommand() || !findFfmpeg()
const skipReason = noFfmpeg ? ' (skipped: ffmpeg/ffprobe not installed)' : ''

describe('which Mux gets demo videos', () => {
  it('none without a fake Mux, a real one, or a fake without ffmpeg', async () => {
    expect(await demoVideoTarget({})).toEqual({
      skipped: 'no local fake Mux is configured (npm run dev and npm run seed start one)',
    })
    const plain = await startFakeMux()
    try {
      expect(
        await demoVideoTarget({ MUX_TOKEN_ID: 'id', MUX_BASE_URL: 'http://127.0.0.1:9' }),
      ).toEqual({ skipped: 'MUX_BASE_URL (http://127.0.0.1:9) is not the local fake Mux' })
      expect(await demoVideoTarget({ MUX_TOKEN_ID: 'id', MUX_BASE_URL: plain.url })).toEqual({
        skipped: 'the fake Mux has no ffmpeg to encode them',
      })
    } finally {
      await plain.stop()
    }
  })
})

describe.each(testBackends)(`demo trailers on $kind${skipReason}`, (backend) => {
  const enabled = Boolean(backend.serverUrl) && !noFfmpeg
  let h: VideoHarness
  let mediaDir: string

  beforeAll(async () => {
    if (!enabled) return
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-seed-media-'))
    h = await startVideoHarness(backend, { fake: { media: { dir: mediaDir } } })
  })
  afterAll(async () => {
    await h?.destroy()
    if (mediaDir) fs.rmSync(mediaDir, { recursive: true, force: true })
  })

  it.skipIf(!enabled)(
    'renders a trailer, sends it to the fake, makes it the film trailer, and the fake encodes it',
    async () => {
      const film = await h.payload.create({
        collection: 'films',
        data: { title: 'The Glass Harbour', _status: 'published' },
      })
      const req = await createLocalReq({}, h.payload)
      const log: string[] = []
      const env = { MUX_TOKEN_ID: 'id', MUX_BASE_URL: h.fake.url }
      const trailers = [{ ...demoTrailers[0], seconds: 3 }]
      const seeded = await seedDemoVideos(req, new Map([['glass-harbour', film.id]]), {
        env,
        log: (line) => log.push(line),
        trailers,
      })
      expect(seeded).toEqual({ created: 1 })
      expect(log[0]).toMatch(/^Demo videos: 1 generated trailers sent to the fake Mux/)

      const stored = await h.payload.findByID({ collection: 'films', id: film.id, depth: 0 })
      const videoId = stored.trailer as number
      expect(videoId).toBeTruthy()
      const video = await h.settle(async () => {
        const current = await h.video(videoId)
        return current.status === 'ready' ? current : null
      }, 90_000)
      expect(video.title).toBe(trailers[0].title)
      expect(video.duration).toBeGreaterThan(2.5)
      // Encoded: the fake serves its playlist (a signed id: 403 without a token, not 404).
      const playbackId = video.playbackIds?.[0]?.playbackId
      expect((await fetch(`${h.fake.url}/${playbackId}.m3u8`)).status).toBe(403)

      // Running it again adds nothing.
      expect(
        await seedDemoVideos(req, new Map([['glass-harbour', film.id]]), {
          env,
          log: () => {},
          trailers,
        }),
      ).toEqual({ created: 0 })
      expect((await h.payload.count({ collection: 'videos' })).totalDocs).toBe(1)
    },
    150_000,
  )
})
