import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { passthroughFor } from '../../src/video'
import type { VideoRecord } from '../../src/plugins/mux/videoRecords'
import { startVideoHarness, type VideoHarness } from '../fakes/videoHarness'
import { tinyMp4 } from '../fakes/videoFiles'
import { testBackends } from './support/backends'

// Every asset at Mux names the video it belongs to (`videos:<id>:<nonce>`), however its file
// got there: a file streamed while the video was being created starts as `videos:new:<nonce>`
// and is renamed once the saved video knows the asset.

type Created = { doc: { id: number } }

const chunk = 256 * 1024

const createdId = async (response: Response): Promise<number> => {
  const text = await response.text()
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${text}`)
  return (JSON.parse(text) as Created).doc.id
}

describe.each(testBackends)('Mux assets name their video on $kind', (backend) => {
  let h: VideoHarness

  /** The passthrough the asset playing `video` should carry: its id and its ingest's nonce. */
  const expectedPassthrough = (video: VideoRecord) =>
    passthroughFor({
      collection: 'videos',
      id: String(video.id),
      nonce: String(video.ingest?.nonce),
    })

  const readyVideo = (id: number) =>
    h.settle(async () => {
      const video = await h.video(id)
      return video.status === 'ready' && !video.ingest?.source && !video.muxSync?.replacement
        ? video
        : null
    })

  /** Waits until the ready video's asset at the fake names it; returns that passthrough. */
  const assetNamesItsVideo = async (id: number) => {
    const video = await readyVideo(id)
    const wanted = expectedPassthrough(video)
    await h.settle(async () => h.fake.assets.get(video.muxAssetId ?? '')?.passthrough === wanted)
    return { video, passthrough: h.fake.assets.get(video.muxAssetId ?? '')?.passthrough }
  }

  const patchRequests = () =>
    h.fake.requests.filter(
      (request) => request.method === 'PATCH' && request.path.startsWith('/video/v1/assets/'),
    )

  beforeAll(async () => {
    if (backend.serverUrl)
      h = await startVideoHarness(backend, { env: { MUX_UPLOAD_CHUNK_MB: '0.25' } })
  })
  afterEach(() => {
    h?.fake.clearFailures()
    h?.fake.clearWebhookRules()
  })
  afterAll(async () => h?.destroy())

  it.skipIf(!backend.serverUrl)(
    'a file streamed while the video is created: the asset is renamed from videos:new to the id',
    async () => {
      const id = await createdId(await h.uploadVideo('Streamed', tinyMp4(3 * chunk)))
      const saved = await h.video(id)
      const upload = h.fake.uploads.get(saved.muxUploadId ?? '')
      expect(upload?.new_asset_settings?.passthrough).toBe(`videos:new:${saved.ingest?.nonce}`)
      const { video, passthrough } = await assetNamesItsVideo(id)
      expect(passthrough).toBe(`videos:${id}:${saved.ingest?.nonce}`)
      expect(video.muxUploadId).toBe(saved.muxUploadId)
    },
  )

  it.skipIf(!backend.serverUrl)(
    'a streamed file whose upload broke off mid-file and was resumed from the spool',
    async () => {
      h.fake.setFailures({ mode: 'reset', path: '/upload/*', afterBytes: chunk + 10_000 })
      const id = await createdId(await h.uploadVideo('Broken off', tinyMp4(4 * chunk)))
      const saved = await h.video(id)
      expect(saved.ingest).toMatchObject({ source: 'file', uploadId: saved.muxUploadId })
      const { passthrough } = await assetNamesItsVideo(id)
      expect(passthrough).toBe(`videos:${id}:${saved.ingest?.nonce}`)
    },
  )

  it.skipIf(!backend.serverUrl)(
    'a file spooled whole (Mux down during the save) and pushed by a job',
    async () => {
      h.fake.setFailures({
        mode: 'status',
        status: 500,
        count: 2,
        method: 'POST',
        path: '/video/v1/uploads',
      })
      const id = await createdId(await h.uploadVideo('Spooled', tinyMp4(2 * chunk)))
      expect((await h.video(id)).ingest).toMatchObject({ source: 'file', uploadId: null })
      await assetNamesItsVideo(id)
    },
  )

  it.skipIf(!backend.serverUrl)('a source URL', async () => {
    const id = await createdId(
      await h.api('/api/videos', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'From a URL', sourceUrl: 'https://media.example.com/a.mp4' }),
      }),
    )
    const { video } = await assetNamesItsVideo(id)
    expect(h.fake.assets.get(video.muxAssetId ?? '')?.ingest_type).toBe('on_demand_url')
  })

  it.skipIf(!backend.serverUrl)(
    'a direct upload from the browser, and a replacement file on a ready video',
    async () => {
      const id = await createdId(
        await h.api('/api/videos', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'Direct' }),
        }),
      )
      const direct = await h.api(`/api/videos/${id}/direct-upload`, { method: 'POST' })
      expect(direct.status).toBe(201)
      const { url } = (await direct.json()) as { url: string }
      const put = await fetch(url, { method: 'PUT', body: new Uint8Array(tinyMp4(chunk)) })
      expect(put.ok).toBe(true)
      const first = await assetNamesItsVideo(id)

      const form = new FormData()
      form.append('_payload', JSON.stringify({}))
      form.append(
        'file',
        new Blob([new Uint8Array(tinyMp4(2 * chunk))], { type: 'video/mp4' }),
        'b.mp4',
      )
      const replaced = await h.api(`/api/videos/${id}`, { method: 'PATCH', body: form })
      expect(replaced.status).toBe(200)
      const second = await h.settle(async () => {
        const video = await readyVideo(id)
        return video.muxAssetId !== first.video.muxAssetId ? video : null
      })
      const { passthrough } = await assetNamesItsVideo(id)
      expect(passthrough).toBe(expectedPassthrough(second))
      expect(passthrough).not.toBe(first.passthrough)
    },
  )

  it.skipIf(!backend.serverUrl)(
    'a failing update neither fails the save nor the webhooks; a read-back from Mux retries it',
    async () => {
      h.fake.setFailures({
        mode: 'status',
        status: 500,
        count: 1000,
        method: 'PATCH',
        path: '/video/v1/assets/*',
      })
      const patchesBefore = patchRequests().length
      const id = await createdId(await h.uploadVideo('Rename fails', tinyMp4(2 * chunk)))
      const video = await readyVideo(id)
      const assetId = video.muxAssetId ?? ''
      // Mux was asked, answered 500, and the asset still carries the unsaved passthrough.
      await h.settle(async () => patchRequests().length > patchesBefore)
      expect(
        patchRequests()
          .slice(patchesBefore)
          .every((r) => r.outcome === 500),
      ).toBe(true)
      expect(h.fake.assets.get(assetId)?.passthrough).toBe(`videos:new:${video.ingest?.nonce}`)
      // Every event about the asset was applied (none waits to be delivered again).
      const events = await h.settle(async () => {
        const rows = (
          await h.payload.find({
            collection: 'mux-events' as never,
            where: { assetId: { equals: assetId } },
            limit: 100,
            depth: 0,
          })
        ).docs as unknown as Array<{ status: string; type: string }>
        return rows.some((row) => row.type === 'video.asset.ready') &&
          rows.every((row) => row.status === 'applied')
          ? rows
          : null
      })
      expect(events.map((row) => row.type)).toContain('video.upload.asset_created')

      h.fake.clearFailures()
      await h.payload.jobs.queue({
        task: 'muxSyncVideo' as never,
        input: { videoId: String(id) } as never,
      })
      const { passthrough } = await assetNamesItsVideo(id)
      expect(passthrough).toBe(expectedPassthrough(video))
    },
  )
})
