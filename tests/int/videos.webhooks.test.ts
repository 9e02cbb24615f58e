import { createHmac } from 'node:crypto'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { createMuxProvider } from '../../src/video'
import { muxTestCredentials, startVideoHarness, type VideoHarness } from '../fakes/videoHarness'
import { tinyMp4 } from '../fakes/videoFiles'
import { testBackends } from './support/backends'

// The webhook half: POST /api/mux/webhook verifies the raw body, deduplicates by event id,
// takes events in any order, keeps those it cannot place yet, and a reconciliation job covers
// webhooks that never come.

type EventRow = { eventId: string; type: string; status: string; note?: string | null }

const sign = (body: string, secret = muxTestCredentials.webhookSecret, at = Date.now()) => {
  const t = Math.floor(at / 1000)
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`
}

const createdId = async (response: Response): Promise<number> => {
  const text = await response.text()
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${text}`)
  return (JSON.parse(text) as { doc: { id: number } }).doc.id
}

describe.each(testBackends)('Mux webhooks on $kind', (backend) => {
  let h: VideoHarness

  const events = async (): Promise<EventRow[]> => {
    const { docs } = await h.payload.find({
      collection: 'mux-events' as never,
      limit: 1000,
      pagination: false,
      sort: 'createdAt',
    })
    return docs as unknown as EventRow[]
  }

  const postWebhook = (body: string, headers: Record<string, string> = {}) =>
    h.api('/api/mux/webhook', {
      method: 'POST',
      as: null,
      headers: { 'content-type': 'application/json', ...headers },
      body,
    })

  const readyVideo = (id: number, timeoutMs?: number) =>
    h.settle(async () => {
      const video = await h.video(id)
      return video.status === 'ready' ? video : null
    }, timeoutMs)

  beforeAll(async () => {
    if (backend.serverUrl) h = await startVideoHarness(backend)
  })
  afterEach(() => {
    h?.fake.clearFailures()
    h?.fake.clearWebhookRules()
    h?.fake.releaseWebhooks()
  })
  afterAll(async () => h?.destroy())

  it.skipIf(!backend.serverUrl)(
    'answers 401 to a bad, stale or missing signature and changes nothing; the correctly signed redelivery applies',
    async () => {
      h.fake.setWebhookRules([
        { action: 'bad-signature', type: 'video.upload.created' },
        { action: 'stale-signature', type: 'video.asset.created' },
        { action: 'missing-signature', type: 'video.asset.ready' },
      ])
      const id = await createdId(await h.uploadVideo('Signed right', tinyMp4(2048)))
      await readyVideo(id)
      const { muxUploadId, muxAssetId } = await h.video(id)
      for (const type of ['video.upload.created', 'video.asset.created', 'video.asset.ready']) {
        const record = await h.fake.waitFor(() =>
          h.fake.events.find(
            (candidate) =>
              candidate.event.type === type &&
              [muxUploadId, muxAssetId].includes(candidate.event.object.id) &&
              candidate.state === 'delivered',
          ),
        )
        const statuses = record.deliveries.map((attempt) => attempt.response_status_code)
        expect(statuses?.[0]).toBe(401)
        // 200 once applied; 202 when kept for a video not saved yet (a streamed upload).
        expect([200, 202]).toContain(statuses?.at(-1))
      }
    },
  )

  it.skipIf(!backend.serverUrl)(
    'verifies the exact bytes: a tampered body, an unknown secret and stale times are refused',
    async () => {
      const id = await createdId(await h.uploadVideo('Untouched', tinyMp4(2048)))
      // Ready, and no longer changed by the upload's later events (tracks, read-backs): what
      // the refused webhooks below must not change.
      let before = await readyVideo(id)
      for (let round = 0; round < 20; round += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250))
        await h.runJobs()
        // Including the event of the asset's rename to name its video, which may come late.
        const inFlight = h.fake.events.some(
          ({ state }) => state === 'queued' || state === 'delivering',
        )
        const now = await h.video(id)
        if (now.updatedAt === before.updatedAt && !inFlight) break
        before = now
      }
      const stored = (await events()).length
      const event = h.fake.events.find((record) => record.event.type === 'video.asset.ready')
      const body = JSON.stringify({
        ...event?.event,
        id: 'forged-event',
        data: { ...event?.event.data, id: before.muxAssetId, status: 'errored' },
      })
      const signature = sign(body)
      const tampered = body.replace('"errored"', '"errored" ')
      expect((await postWebhook(tampered, { 'mux-signature': signature })).status).toBe(401)
      expect(
        (await postWebhook(body, { 'mux-signature': sign(body, 'another-secret') })).status,
      ).toBe(401)
      expect(
        (await postWebhook(body, { 'mux-signature': sign(body, undefined, Date.now() - 600_000) }))
          .status,
      ).toBe(401)
      expect((await postWebhook(body)).status).toBe(401)
      // Nothing near a Mux event's size is read into memory.
      const huge = `{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`
      expect((await postWebhook(huge, { 'mux-signature': sign(huge) })).status).toBe(413)
      expect((await postWebhook(body, { 'mux-signature': 'nonsense' })).status).toBe(401)
      expect((await events()).length).toBe(stored)
      const after = await h.video(id)
      expect(after.status).toBe('ready')
      expect(after.updatedAt).toBe(before.updatedAt)
    },
  )

  it.skipIf(!backend.serverUrl)(
    'checks the signature on the raw body, not on re-serialised JSON',
    async () => {
      const id = await createdId(await h.uploadVideo('Raw bytes', tinyMp4(2048)))
      const video = await readyVideo(id)
      // Odd spacing, key order and escapes: re-serialising would change the bytes.
      const body =
        '{ "data" : {"id":"' +
        video.muxAssetId +
        '","status":"ready","title":"caf\\u00e9 \u2014 noir"},\n "type":"video.asset.updated",' +
        '"id":"raw-body-event","created_at":"2030-01-01T00:00:00.000Z",' +
        '"object":{"type":"asset","id":"' +
        video.muxAssetId +
        '"},"environment":{"id":"e","name":"n"},"attempts":[] }'
      const response = await postWebhook(body, { 'mux-signature': sign(body) })
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ id: 'raw-body-event', outcome: 'applied' })
      expect((await h.video(id)).lastMuxEventAt).toBe('2030-01-01T00:00:00.000Z')
    },
  )

  it.skipIf(!backend.serverUrl)(
    'applies each event once, however often Mux delivers it',
    async () => {
      h.fake.setWebhookRules({ action: 'duplicate', type: 'video.*', count: 10, copies: 2 })
      const id = await createdId(await h.uploadVideo('Said thrice', tinyMp4(2048)))
      const video = await readyVideo(id)
      await h.fake.waitFor(() =>
        h.fake.events.every((record) => record.state !== 'queued' && record.state !== 'delivering'),
      )
      const ours = h.fake.events.filter(
        (record) =>
          record.event.object.id === video.muxUploadId ||
          record.event.object.id === video.muxAssetId,
      )
      const duplicated = ours.filter((record) => record.deliveries.length === 3)
      expect(duplicated.length).toBeGreaterThan(2)
      const rows = await events()
      for (const record of ours) {
        expect(rows.filter((row) => row.eventId === record.event.id)).toHaveLength(1)
      }
      const outcomes = await Promise.all(
        duplicated.map(async (record) => {
          const response = await postWebhook(JSON.stringify(record.event), {
            'mux-signature': sign(JSON.stringify(record.event)),
          })
          return ((await response.json()) as { outcome: string }).outcome
        }),
      )
      expect(new Set(outcomes)).toEqual(new Set(['duplicate']))
      expect((await h.video(id)).status).toBe('ready')
    },
  )

  it.skipIf(!backend.serverUrl)(
    'takes events in any order: all of them delivered newest first',
    async () => {
      h.fake.holdWebhooks()
      const id = await createdId(await h.uploadVideo('Backwards', tinyMp4(2048)))
      await h.runJobs()
      const { muxUploadId } = await h.video(id)
      await h.fake.waitFor(() => {
        const asset = [...h.fake.assets.values()].find((item) => item.upload_id === muxUploadId)
        return asset?.status === 'ready'
      })
      h.fake.releaseWebhooks('reverse')
      const video = await readyVideo(id)
      expect(video.playbackIds).toHaveLength(1)
      expect(video.tracks?.map((track) => track.kind)).toEqual(['audio'])
    },
  )

  it.skipIf(!backend.serverUrl)(
    'keeps an event that arrives before its video exists, and applies it when the video appears',
    async () => {
      // An asset made outside this CMS (e.g. by a migration script) is linked to a new video.
      const provider = createMuxProvider({
        tokenId: muxTestCredentials.tokenId,
        tokenSecret: muxTestCredentials.tokenSecret,
        baseURL: h.fake.url,
      })
      const { assetId } = await provider.createAsset({
        url: 'https://media.example.com/imported.mp4',
        passthrough: 'imported-elsewhere',
        playbackPolicy: 'signed',
      })
      const early = await h.fake.waitFor(() =>
        h.fake.events.find(
          (record) =>
            record.event.type === 'video.asset.ready' &&
            record.event.object.id === assetId &&
            record.state === 'delivered',
        ),
      )
      expect(early.deliveries.at(-1)?.response_status_code).toBe(202)
      const waiting = (await events()).filter((row) => row.eventId === early.event.id)
      expect(waiting).toMatchObject([{ status: 'pending' }])

      // The fake's API stays silent about the asset, so only the stored events can make it ready.
      h.fake.setFailures({
        mode: 'status',
        status: 503,
        count: 100,
        path: `/video/v1/assets/${assetId}`,
      })
      const video = await h.payload.create({
        collection: 'videos',
        data: { title: 'Imported', muxAssetId: assetId } as never,
      })
      const ready = await readyVideo(video.id)
      expect(ready.muxAssetId).toBe(assetId)
      expect(ready.playbackIds).toHaveLength(1)
      const applied = (await events()).find((row) => row.eventId === early.event.id)
      expect(applied?.status).toBe('applied')
    },
  )

  it.skipIf(!backend.serverUrl)(
    'keeps events that overtake the answer of the create, then applies them',
    async () => {
      // Mux answers the create late: its webhook arrives before the push job knows the upload id.
      h.fake.setFailures({
        mode: 'delay',
        delayMs: 700,
        count: 1,
        method: 'POST',
        path: '/video/v1/uploads',
      })
      const id = await createdId(await h.uploadVideo('Overtaken', tinyMp4(2048)))
      const video = await readyVideo(id)
      const created = h.fake.events.find(
        (record) =>
          record.event.type === 'video.upload.created' &&
          record.event.object.id === video.muxUploadId,
      )
      expect(created?.deliveries.map((attempt) => attempt.response_status_code)).toEqual([202])
      const row = (await events()).find((candidate) => candidate.eventId === created?.event.id)
      expect(row?.status).toBe('applied')
    },
  )

  it.skipIf(!backend.serverUrl)(
    'reads a video back from Mux when its webhook is lost, so it cannot stay stuck',
    async () => {
      // Renaming the streamed asset after its video makes Mux send `video.asset.updated`, which
      // would bring the news too: lose those as well.
      h.fake.setWebhookRules([
        { action: 'drop', type: 'video.asset.ready' },
        { action: 'drop', type: 'video.asset.updated', count: 20 },
      ])
      const id = await createdId(await h.uploadVideo('Lost webhook', tinyMp4(2048)))
      const preparing = await h.settle(async () => {
        const video = await h.video(id)
        const asset = h.fake.assets.get(video.muxAssetId ?? '')
        return video.status === 'preparing' && asset?.status === 'ready' ? video : null
      })
      expect(preparing.muxAwaiting).toBe(true)
      // Nothing more comes. The safety net looks at videos quiet for longer than the threshold.
      await h.payload.jobs.queue({ task: 'muxMaintain' as never, input: {} as never })
      await h.runJobs()
      expect((await h.video(id)).status).toBe('preparing')
      await h.payload.db.updateOne({
        collection: 'videos',
        id,
        data: { muxCheckedAt: new Date(Date.now() - 3600_000).toISOString() },
      })
      await h.payload.jobs.queue({ task: 'muxMaintain' as never, input: {} as never })
      const ready = await readyVideo(id)
      expect(ready.muxAwaiting).toBe(false)
      expect(ready.playbackIds).toHaveLength(1)
    },
  )

  it.skipIf(!backend.serverUrl)(
    'answers 5xx when it cannot process an event, so Mux delivers it again',
    async () => {
      const id = await createdId(await h.uploadVideo('Database hiccup', tinyMp4(2048)))
      const video = await readyVideo(id)
      const body = JSON.stringify({
        type: 'video.asset.updated',
        id: 'hiccup-event',
        created_at: new Date().toISOString(),
        object: { type: 'asset', id: video.muxAssetId },
        data: { id: video.muxAssetId, status: 'ready' },
      })
      const find = h.payload.find.bind(h.payload)
      let failing = true
      h.payload.find = ((args: Parameters<typeof find>[0]) => {
        if (failing && String(args.collection) === 'mux-events') {
          return Promise.reject(new Error('database unavailable'))
        }
        return find(args)
      }) as typeof find
      try {
        expect((await postWebhook(body, { 'mux-signature': sign(body) })).status).toBe(500)
      } finally {
        failing = false
        h.payload.find = find
      }
      const retried = await postWebhook(body, { 'mux-signature': sign(body) })
      expect(retried.status).toBe(200)
    },
  )
})
