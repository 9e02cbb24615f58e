import fs from 'node:fs'
import path from 'node:path'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { startVideoHarness, type VideoHarness } from '../fakes/videoHarness'
import { tinyMp4 } from '../fakes/videoFiles'
import { testBackends } from './support/backends'

// After ingest: deleting (and retrying failed deletes), replacing the source while the video
// keeps playing and keeps its relations, text tracks, and changing the playback policy.

type JobRow = { taskSlug: string; hasError?: boolean | null; completedAt?: string | null }

const createdId = async (response: Response): Promise<number> => {
  const text = await response.text()
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${text}`)
  return (JSON.parse(text) as { doc: { id: number } }).doc.id
}

describe.each(testBackends)('video lifecycle on $kind', (backend) => {
  let h: VideoHarness

  const readyVideo = (
    id: number,
    extra: (video: Awaited<ReturnType<VideoHarness['video']>>) => boolean = () => true,
  ) =>
    h.settle(async () => {
      const video = await h.video(id)
      return video.status === 'ready' && extra(video) ? video : null
    })

  /**
   * A ready video Mux has said all it will about: renaming its asset after the saved video
   * sends one more event, which, arriving late, would count as news about a deleted video.
   */
  const uploadReady = async (title: string, bytes = 2048) => {
    const video = await readyVideo(await createdId(await h.uploadVideo(title, tinyMp4(bytes))))
    await h.settle(
      async () =>
        h.fake.assets.get(video.muxAssetId ?? '')?.passthrough?.startsWith(`videos:${video.id}:`) &&
        h.fake.events.every((record) => !['queued', 'delivering'].includes(record.state)),
    )
    return video
  }

  const json = (body: unknown) => ({
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

  beforeAll(async () => {
    if (backend.serverUrl) h = await startVideoHarness(backend)
  })
  afterEach(() => {
    h?.fake.clearFailures()
    h?.fake.clearWebhookRules()
  })
  afterAll(async () => h?.destroy())

  describe('deleting', () => {
    it.skipIf(!backend.serverUrl)('deletes the Mux asset with the video', async () => {
      const video = await uploadReady('Short-lived')
      const assetId = video.muxAssetId as string
      expect(h.fake.assets.has(assetId)).toBe(true)
      expect((await h.api(`/api/videos/${video.id}`, { method: 'DELETE' })).status).toBe(200)
      await h.settle(async () => !h.fake.assets.has(assetId))
      // Mux's deleted event for a video that is gone is acknowledged, not kept.
      await h.fake.waitFor(() =>
        h.fake.events.find(
          (record) =>
            record.event.type === 'video.asset.deleted' &&
            record.event.object.id === assetId &&
            record.state === 'delivered',
        ),
      )
    })

    it.skipIf(!backend.serverUrl)(
      'retries a failed delete until Mux takes it, beyond the job retries if need be',
      async () => {
        const video = await uploadReady('Hard to delete')
        const assetId = video.muxAssetId as string
        // More failures than one job's retries: 6 attempts, each an SDK call tried twice.
        h.fake.setFailures({
          mode: 'status',
          status: 500,
          count: 14,
          method: 'DELETE',
          path: `/video/v1/assets/${assetId}`,
        })
        await h.payload.delete({ collection: 'videos', id: video.id })
        // Six attempts with doubling backoff: a wait bound, not a speed target (the machine is
        // shared), so it is generous.
        const failed = await h.settle(async () => {
          const { docs } = await h.payload.find({
            collection: 'payload-jobs',
            where: { taskSlug: { equals: 'muxRelease' }, hasError: { equals: true } },
          })
          return docs.length ? (docs as unknown as JobRow[]) : null
        }, 90_000)
        expect(failed).toHaveLength(1)
        expect(h.fake.assets.has(assetId)).toBe(true)
        // The safety net queues it again; Mux is back by then.
        await h.payload.jobs.queue({ task: 'muxMaintain' as never, input: {} as never })
        await h.settle(async () => !h.fake.assets.has(assetId), 60_000)
        const deletes = h.fake.requests.filter(
          (request) => request.method === 'DELETE' && request.path.endsWith(assetId),
        )
        expect(deletes.at(-1)?.outcome).toBe(204)
      },
      180_000,
    )

    it.skipIf(!backend.serverUrl)('counts an asset already gone at Mux as deleted', async () => {
      const video = await uploadReady('Already gone')
      const assetId = video.muxAssetId as string
      // Deleted at Mux behind our back, and the webhook saying so is lost.
      h.fake.setWebhookRules({ action: 'drop', type: 'video.asset.deleted' })
      await fetch(`${h.fake.url}/video/v1/assets/${assetId}`, {
        method: 'DELETE',
        headers: {
          Authorization: `Basic ${Buffer.from('test-token-id:test-token-secret').toString('base64')}`,
        },
      })
      await h.payload.delete({ collection: 'videos', id: video.id })
      await h.runJobs()
      // Completed jobs are deleted; a failed one would stay with hasError.
      const { totalDocs } = await h.payload.count({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'muxRelease' }, completedAt: { exists: false } },
      })
      expect(totalDocs).toBe(0)
      const deletes = h.fake.requests.filter(
        (request) => request.method === 'DELETE' && request.path.endsWith(assetId),
      )
      expect(deletes.map((request) => request.outcome)).toEqual([204, 404])
    })

    it.skipIf(!backend.serverUrl)(
      'deletes an asset that appears after its video was deleted mid-upload',
      async () => {
        h.fake.holdWebhooks()
        try {
          const id = await createdId(await h.uploadVideo('Deleted in flight', tinyMp4(2048)))
          await h.runJobs()
          const { muxUploadId } = await h.video(id)
          // Mux made the asset, but the video never heard of it.
          const assetId = h.fake.uploads.get(muxUploadId ?? '')?.asset_id
          expect(assetId).toBeDefined()
          await h.payload.delete({ collection: 'videos', id })
          h.fake.releaseWebhooks()
          await h.settle(async () => !h.fake.assets.has(assetId ?? ''))
        } finally {
          h.fake.releaseWebhooks()
        }
      },
    )
  })

  describe('replacing the source', () => {
    it.skipIf(!backend.serverUrl)(
      'keeps playing the old asset and the record with its relations until the new one is ready, then deletes the old',
      async () => {
        const video = await uploadReady('Cut one')
        const id = Number(video.id)
        const film = await h.payload.create({
          collection: 'films',
          data: { title: 'Uses the video', video: id, _status: 'published' },
        })
        const oldAsset = video.muxAssetId as string
        const oldPlayback = video.playbackIds?.[0].playbackId
        h.fake.configure({ autoReady: false })
        const form = new FormData()
        form.append('_payload', JSON.stringify({}))
        form.append(
          'file',
          new Blob([new Uint8Array(tinyMp4(3000))], { type: 'video/mp4' }),
          'cut-two.mp4',
        )
        expect(
          (await h.api(`/api/videos/${video.id}`, { method: 'PATCH', body: form })).status,
        ).toBe(200)

        const replacing = await h.settle(async () => {
          const current = await h.video(video.id)
          return current.muxSync?.replacement?.assetId ? current : null
        })
        expect(replacing).toMatchObject({ status: 'ready', muxAssetId: oldAsset })
        expect(replacing.playbackIds?.[0].playbackId).toBe(oldPlayback)
        const status = (await (await h.api(`/api/videos/${video.id}/mux-status`)).json()) as {
          replacement: { status: string }
        }
        expect(status.replacement.status).toBe('preparing')

        const newAsset = replacing.muxSync?.replacement?.assetId as string
        h.fake.configure({ autoReady: true })
        h.fake.markAssetReady(newAsset)
        const replaced = await readyVideo(id, (current) => current.muxAssetId === newAsset)
        expect(replaced.id).toBe(video.id)
        expect(replaced.playbackIds?.[0].playbackId).not.toBe(oldPlayback)
        await h.settle(async () => !h.fake.assets.has(oldAsset))
        const reread = await h.payload.findByID({ collection: 'films', id: film.id, depth: 0 })
        expect(reread.video).toBe(video.id)
      },
    )

    it.skipIf(!backend.serverUrl)('replaces a URL-ingested video with a new URL', async () => {
      const id = await createdId(
        await h.api('/api/videos', {
          method: 'POST',
          ...json({ title: 'Trailer v1', sourceUrl: 'https://media.example.com/v1.mp4' }),
        }),
      )
      const first = await readyVideo(id)
      const patched = await h.api(`/api/videos/${id}`, {
        method: 'PATCH',
        ...json({ sourceUrl: 'https://media.example.com/v2.mp4' }),
      })
      expect(patched.status).toBe(200)
      const second = await readyVideo(id, (video) => video.muxAssetId !== first.muxAssetId)
      expect(second.sourceUrl).toBe('https://media.example.com/v2.mp4')
      await h.settle(async () => !h.fake.assets.has(first.muxAssetId ?? ''))
    })
  })

  describe('text tracks', () => {
    it.skipIf(!backend.serverUrl)(
      'adds subtitles from a URL, from an uploaded .vtt offered at a signed expiring URL, and generated ones',
      async () => {
        const video = await uploadReady('Subtitled')
        const assetId = video.muxAssetId as string

        const fromUrl = await h.api(`/api/videos/${video.id}/tracks`, {
          method: 'POST',
          ...json({
            kind: 'url',
            url: 'https://subs.example.com/de.vtt',
            languageCode: 'de',
            name: 'Deutsch',
            closedCaptions: false,
          }),
        })
        expect(fromUrl.status).toBe(202)

        const form = new FormData()
        form.append(
          '_payload',
          JSON.stringify({ languageCode: 'fr', name: 'Français', closedCaptions: true }),
        )
        form.append(
          'file',
          new Blob(['WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nBonjour\n'], { type: 'text/vtt' }),
          'fr.vtt',
        )
        expect(
          (await h.api(`/api/videos/${video.id}/tracks`, { method: 'POST', body: form })).status,
        ).toBe(202)

        const generated = await h.api(`/api/videos/${video.id}/tracks`, {
          method: 'POST',
          ...json({ kind: 'generated', languageCode: 'en', name: 'English (generated)' }),
        })
        expect(generated.status).toBe(202)

        await h.runJobs()
        const requested = await h.video(video.id)
        expect(requested.tracks?.filter((track) => track.kind === 'text')).toHaveLength(3)

        const ready = await h.settle(async () => {
          const current = await h.video(video.id)
          const texts = current.tracks?.filter((track) => track.kind === 'text') ?? []
          return texts.length === 3 && texts.every((track) => track.status === 'ready')
            ? texts
            : null
        })
        expect(
          ready.map(({ languageCode, name, closedCaptions }) => ({
            languageCode,
            name,
            closedCaptions,
          })),
        ).toEqual(
          expect.arrayContaining([
            { languageCode: 'de', name: 'Deutsch', closedCaptions: false },
            { languageCode: 'fr', name: 'Français', closedCaptions: true },
            { languageCode: 'en', name: 'English (generated)', closedCaptions: true },
          ]),
        )

        // Mux was offered the uploaded file at a signed URL of ours.
        const trackRequests = h.fake.requests.filter(
          (request) =>
            request.method === 'POST' && request.path === `/video/v1/assets/${assetId}/tracks`,
        )
        expect(trackRequests).toHaveLength(2)
        const offered = [...(h.fake.assets.get(assetId)?.tracks ?? [])].find(
          (track) => track.language_code === 'fr',
        )
        expect(offered).toBeDefined()
        const spoolFiles = fs.readdirSync(path.join(h.spoolDir, 'tracks'))
        expect(spoolFiles).toHaveLength(1)
      },
    )

    it.skipIf(!backend.serverUrl)(
      'serves an uploaded subtitle file only with a valid, unexpired token',
      async () => {
        const video = await uploadReady('Token check')
        const form = new FormData()
        form.append('_payload', JSON.stringify({ languageCode: 'es', name: 'Español' }))
        form.append('file', new Blob(['1\n00:00:01,000 --> 00:00:02,000\nHola\n']), 'es.srt')
        expect(
          (await h.api(`/api/videos/${video.id}/tracks`, { method: 'POST', body: form })).status,
        ).toBe(202)
        const [job] = (
          await h.payload.find({
            collection: 'payload-jobs',
            where: { taskSlug: { equals: 'muxAddTrack' } },
            sort: '-createdAt',
            limit: 1,
          })
        ).docs as unknown as { input: { track: { file: string } } }[]
        const file = job.input.track.file
        const { trackFileUrl } = await import('../../src/plugins/mux/textTracks')
        const { createMuxRuntime } = await import('../../src/plugins/mux/runtime')
        const { muxVideoPluginSettingsFromEnv } = await import('../../src/plugins/mux/options')
        const { muxWiring } = await import('../../reelhouseConfig')
        const runtime = createMuxRuntime({
          ...muxVideoPluginSettingsFromEnv({ PUBLIC_SERVER_URL: h.server.url }),
          ...muxWiring,
          mux: null,
        })
        const url = trackFileUrl(runtime, h.payload.secret, file)
        const served = await fetch(url)
        expect(served.status).toBe(200)
        expect(served.headers.get('content-type')).toMatch(/application\/x-subrip/)
        expect(await served.text()).toContain('Hola')
        const tampered = url.replace(
          /token=(\d+)\./,
          (_, expiry: string) => `token=${Number(expiry) + 1}.`,
        )
        expect((await fetch(tampered)).status).toBe(403)
        expect((await fetch(url.replace(/\?token=.*/, ''))).status).toBe(403)
        const expired = trackFileUrl(
          { ...runtime, options: { ...runtime.options, trackUrlTtlSeconds: -10 } },
          h.payload.secret,
          file,
        )
        expect((await fetch(expired)).status).toBe(403)
        const otherFile = url.replace(file, `x${file}`)
        expect((await fetch(otherFile)).status).toBe(403)
      },
    )

    it.skipIf(!backend.serverUrl)('refuses bad track requests and removes a track', async () => {
      const video = await uploadReady('Track rules')
      const bad = [
        { kind: 'url', url: 'ftp://x/y.vtt', languageCode: 'de' },
        { kind: 'url', url: 'https://x/y.vtt', languageCode: 'Deutsch' },
      ]
      for (const body of bad) {
        const response = await h.api(`/api/videos/${video.id}/tracks`, {
          method: 'POST',
          ...json(body),
        })
        expect(response.status).toBe(400)
      }
      const notSubtitles = new FormData()
      notSubtitles.append('_payload', JSON.stringify({ languageCode: 'it' }))
      notSubtitles.append('file', new Blob(['<html></html>']), 'it.vtt')
      expect(
        (await h.api(`/api/videos/${video.id}/tracks`, { method: 'POST', body: notSubtitles }))
          .status,
      ).toBe(400)
      const tooLarge = new FormData()
      tooLarge.append('_payload', JSON.stringify({ languageCode: 'it' }))
      tooLarge.append('file', new Blob([`WEBVTT\n\n${'x'.repeat(11 * 1024 * 1024)}`]), 'it.vtt')
      expect(
        (await h.api(`/api/videos/${video.id}/tracks`, { method: 'POST', body: tooLarge })).status,
      ).toBe(413)
      const anonymous = await h.api(`/api/videos/${video.id}/tracks`, {
        method: 'POST',
        as: null,
        ...json({ kind: 'generated', languageCode: 'en' }),
      })
      expect(anonymous.status).toBe(403)

      await h.api(`/api/videos/${video.id}/tracks`, {
        method: 'POST',
        ...json({ kind: 'url', url: 'https://subs.example.com/nl.vtt', languageCode: 'nl' }),
      })
      const track = await h.settle(async () =>
        (await h.video(video.id)).tracks?.find(
          (candidate) => candidate.languageCode === 'nl' && candidate.status === 'ready',
        ),
      )
      const removed = await h.api(`/api/videos/${video.id}/tracks/${track.muxTrackId}`, {
        method: 'DELETE',
      })
      expect(removed.status).toBe(200)
      const after = await h.video(video.id)
      expect(after.tracks?.some((candidate) => candidate.muxTrackId === track.muxTrackId)).toBe(
        false,
      )
    })
  })

  describe('playback policy', () => {
    it.skipIf(!backend.serverUrl)(
      'switches signed to public and back: the new id is added, the old removed',
      async () => {
        const video = await uploadReady('Policy switch')
        const assetId = video.muxAssetId as string
        const policies = () => h.fake.assets.get(assetId)?.playback_ids.map((entry) => entry.policy)
        expect(policies()).toEqual(['signed'])

        const toPublic = await h.api(`/api/videos/${video.id}`, {
          method: 'PATCH',
          ...json({ playbackPolicy: 'public' }),
        })
        expect(toPublic.status).toBe(200)
        const publicVideo = await h.settle(async () => {
          const current = await h.video(video.id)
          return current.playbackIds?.map((entry) => entry.policy).join() === 'public'
            ? current
            : null
        })
        expect(policies()).toEqual(['public'])
        expect(publicVideo.playbackIds?.[0].playbackId).toBe(
          h.fake.assets.get(assetId)?.playback_ids[0].id,
        )

        await h.api(`/api/videos/${video.id}`, {
          method: 'PATCH',
          ...json({ playbackPolicy: 'signed' }),
        })
        await h.settle(async () => {
          const current = await h.video(video.id)
          return current.playbackIds?.map((entry) => entry.policy).join() === 'signed'
        })
        expect(policies()).toEqual(['signed'])
      },
    )
  })
})
