import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { startVideoHarness, type VideoHarness } from '../fakes/videoHarness'
import { tinyMp4 } from '../fakes/videoFiles'
import { testBackends, type TestBackend } from './support/backends'

// The ingest half of the pipeline over real HTTP: multipart uploads and source URLs through
// Payload's REST API, pushed to the fake Mux by jobs, brought to `ready` by its webhooks.

type Created = { doc: { id: number; status: string } }

const createdId = async (response: Response): Promise<number> => {
  const text = await response.text()
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${text}`)
  return (JSON.parse(text) as Created).doc.id
}

const spooled = (h: VideoHarness) => {
  const dir = path.join(h.spoolDir, 'videos')
  return fs.existsSync(dir) ? fs.readdirSync(dir) : []
}

/** A database that outlives one Payload instance, so a test can restart the server on it. */
const lastingDatabase = async (backend: TestBackend) => {
  if (backend.kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-restart-'))
    return {
      url: `file:${path.join(dir, 'reelhouse.db')}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    }
  }
  const name = `reelhouse_restart_${crypto.randomBytes(5).toString('hex')}`
  const serverUrl = backend.serverUrl as string
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    await client.query(sql).finally(() => client.end())
  }
  await run(`CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

describe.each(testBackends)('video ingest on $kind', (backend) => {
  let h: VideoHarness

  beforeAll(async () => {
    if (backend.serverUrl) h = await startVideoHarness(backend)
  })
  afterEach(() => {
    h?.fake.clearFailures()
    h?.fake.clearWebhookRules()
  })
  afterAll(async () => h?.destroy())

  it.skipIf(!backend.serverUrl)(
    'POST /api/videos with a file: pending, then uploading, preparing and ready with playback ids',
    async () => {
      const file = tinyMp4(64 * 1024)
      const response = await h.uploadVideo('Harbour at dawn', file)
      expect(response.status).toBe(201)
      const { doc } = (await response.json()) as Created
      expect(doc.status).toBe('pending')

      const ready = await h.settle(async () => {
        const video = await h.video(doc.id)
        return video.status === 'ready' && !video.ingest?.source ? video : null
      })
      expect(ready.playbackIds?.map((entry) => entry.policy)).toEqual(['signed'])
      expect(ready).toMatchObject({ duration: 23.857, aspectRatio: '16:9', maxResolution: '1080p' })
      expect(ready.tracks?.map((track) => track.kind)).toEqual(['audio'])
      expect(ready.ingest?.source ?? null).toBeNull()
      const upload = h.fake.uploads.get(ready.muxUploadId ?? '')
      expect(upload?.new_asset_settings?.passthrough).toMatch(new RegExp(`^videos:${doc.id}:`))
      expect(h.fake.uploadedBytes.get(ready.muxUploadId ?? '')).toBe(file.length)
      expect(h.fake.assets.get(ready.muxAssetId ?? '')?.playback_ids).toEqual([
        { id: ready.playbackIds?.[0].playbackId, policy: 'signed' },
      ])
      // The spooled copy is gone once Mux has the file.
      expect(spooled(h)).toEqual([])
    },
  )

  it.skipIf(!backend.serverUrl)('rejects a file that is not a video', async () => {
    const form = new FormData()
    form.append('_payload', JSON.stringify({ title: 'Not a video' }))
    form.append('file', new Blob(['just text'], { type: 'text/plain' }), 'notes.txt')
    const response = await h.api('/api/videos', { method: 'POST', body: form })
    expect(response.status).toBe(400)
    expect(spooled(h)).toEqual([])
  })

  it.skipIf(!backend.serverUrl)('ingests from a source URL', async () => {
    const id = await createdId(
      await h.api('/api/videos', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'From a URL',
          playbackPolicy: 'public',
          sourceUrl: 'https://media.example.com/from-a-url.mp4',
        }),
      }),
    )
    const ready = await h.settle(async () => {
      const video = await h.video(id)
      return video.status === 'ready' && !video.ingest?.source ? video : null
    })
    const asset = h.fake.assets.get(ready.muxAssetId ?? '')
    expect(asset?.ingest_type).toBe('on_demand_url')
    expect(asset?.passthrough).toMatch(new RegExp(`^videos:${id}:`))
    expect(ready.playbackIds).toEqual([
      expect.objectContaining({ policy: 'public', playbackId: asset?.playback_ids[0].id }),
    ])
  })

  it.skipIf(!backend.serverUrl)(
    'shows a file Mux cannot process as errored, with its messages',
    async () => {
      const id = await createdId(
        await h.uploadVideo('Broken file', tinyMp4(8 * 1024, 'mux-fake-error')),
      )
      const errored = await h.settle(async () => {
        const video = await h.video(id)
        return video.status === 'errored' ? video : null
      })
      expect(errored.error).toEqual({
        type: 'invalid_input',
        messages: ['The input file could not be processed.'],
      })
      const status = (await (await h.api(`/api/videos/${id}/mux-status`)).json()) as {
        message: string
      }
      expect(status.message).toBe('Mux could not process the video.')
    },
  )

  it.skipIf(!backend.serverUrl)(
    'survives Mux 5xx and 429 answers: the editor sees it retrying, nothing is lost',
    async () => {
      // Two job attempts' worth of failures (each SDK call tries twice): 500s, then 429s.
      h.fake.setFailures([
        { mode: 'status', status: 500, count: 2, method: 'POST', path: '/video/v1/uploads' },
        { mode: 'status', status: 429, count: 2, method: 'POST', path: '/video/v1/uploads' },
      ])
      const id = await createdId(await h.uploadVideo('Flaky Mux', tinyMp4(16 * 1024)))
      await h.payload.jobs.run({ silent: true })
      const retrying = await h.video(id)
      expect(retrying.status).toBe('pending')
      expect(retrying.ingest).toMatchObject({ source: 'file', state: 'retrying' })
      expect(retrying.ingest?.message).toMatch(/retrying automatically/)
      expect(spooled(h)).toEqual([retrying.ingest?.spoolFile])

      const ready = await h.settle(async () => {
        const video = await h.video(id)
        return video.status === 'ready' && !video.ingest?.source ? video : null
      })
      expect(h.fake.uploadedBytes.get(ready.muxUploadId ?? '')).toBe(16 * 1024 + 32)
      const statuses = h.fake.requests
        .filter((request) => request.method === 'POST' && request.path === '/video/v1/uploads')
        .map((request) => request.outcome)
      expect(statuses.slice(-5)).toEqual([500, 500, 429, 429, 201])
      expect(spooled(h)).toEqual([])
    },
  )

  it.skipIf(!backend.serverUrl)(
    'reconciles a duplicate asset made by a retried create that timed out',
    async () => {
      // Mux creates the asset but the answer never comes: the SDK times out and creates again.
      h.fake.setFailures({
        mode: 'hang',
        commit: true,
        count: 1,
        method: 'POST',
        path: '/video/v1/assets',
      })
      const id = await createdId(
        await h.api('/api/videos', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            title: 'Twice',
            sourceUrl: 'https://media.example.com/twice.mp4',
          }),
        }),
      )
      const ready = await h.settle(async () => {
        const video = await h.video(id)
        const ours = [...h.fake.assets.values()].filter((asset) =>
          asset.passthrough?.startsWith(`videos:${id}:`),
        )
        return video.status === 'ready' && ours.length === 1 ? video : null
      }, 20_000)
      const ours = [...h.fake.assets.values()].filter((asset) =>
        asset.passthrough?.startsWith(`videos:${id}:`),
      )
      expect(ours.map((asset) => asset.id)).toEqual([ready.muxAssetId])
      const deletes = h.fake.requests.filter((request) => request.method === 'DELETE')
      expect(deletes.length).toBeGreaterThanOrEqual(1)
    },
  )

  it.skipIf(!backend.serverUrl)('keeps a replaced upload from reaching Mux', async () => {
    h.fake.setFailures({ mode: 'status', status: 503, count: 2, path: '/video/v1/uploads' })
    const id = await createdId(await h.uploadVideo('First take', tinyMp4(4096)))
    await h.payload.jobs.run({ silent: true })
    const first = await h.video(id)
    const form = new FormData()
    form.append('_payload', JSON.stringify({}))
    form.append('file', new Blob([new Uint8Array(tinyMp4(5000))], { type: 'video/mp4' }), 'b.mp4')
    expect((await h.api(`/api/videos/${id}`, { method: 'PATCH', body: form })).status).toBe(200)
    expect(spooled(h)).not.toContain(first.ingest?.spoolFile)
    const ready = await h.settle(async () => {
      const video = await h.video(id)
      return video.status === 'ready' && !video.ingest?.source ? video : null
    })
    expect(h.fake.uploadedBytes.get(ready.muxUploadId ?? '')).toBe(5000 + 32)
    const uploads = [...h.fake.uploads.values()].filter((upload) =>
      String(upload.new_asset_settings?.passthrough).startsWith(`videos:${id}:`),
    )
    expect(uploads).toHaveLength(1)
  })
})

describe.each(testBackends.filter((backend) => backend.kind !== 'mongodb'))(
  'videos without Mux credentials on $kind',
  (backend) => {
    it.skipIf(!backend.serverUrl)(
      'wait as pending with a clear message, and are pushed once the server restarts with credentials',
      async () => {
        const database = await lastingDatabase(backend)
        const spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-spool-'))
        let h = await startVideoHarness(backend, {
          withMux: false,
          databaseUrl: database.url,
          spoolDir,
        })
        try {
          const fromFile = await createdId(await h.uploadVideo('Waiting file', tinyMp4(2048)))
          const fromUrl = await createdId(
            await h.api('/api/videos', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ title: 'Waiting URL', sourceUrl: 'https://x.example/a.mp4' }),
            }),
          )
          await h.runJobs()
          for (const id of [fromFile, fromUrl]) {
            const status = (await (await h.api(`/api/videos/${id}/mux-status`)).json()) as {
              status: string
              configured: boolean
              message: string
            }
            expect(status).toMatchObject({ status: 'pending', configured: false })
            expect(status.message).toMatch(/Mux is not configured on this server/)
          }
          const upload = await h.api(`/api/videos/${fromFile}/direct-upload`, { method: 'POST' })
          expect(upload.status).toBe(503)
          // No secret to check signatures with: answer 5xx so Mux delivers again later.
          const webhook = await h.api('/api/mux/webhook', { method: 'POST', body: '{}', as: null })
          expect(webhook.status).toBe(500)
          await h.destroy()

          h = await startVideoHarness(backend, { databaseUrl: database.url, spoolDir })
          // What the server's start-up (and its schedule) runs: the safety net.
          await h.payload.jobs.queue({ task: 'muxMaintain' as never, input: {} as never })
          for (const id of [fromFile, fromUrl]) {
            const ready = await h.settle(async () => {
              const video = await h.video(id)
              return video.status === 'ready' && !video.ingest?.source ? video : null
            })
            expect(ready.playbackIds).toHaveLength(1)
          }
        } finally {
          await h.destroy()
          await database.drop()
          fs.rmSync(spoolDir, { recursive: true, force: true })
        }
      },
    )
  },
)
