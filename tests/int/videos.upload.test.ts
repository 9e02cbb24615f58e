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

describe.each(testBackends)('video ingest with spooled uploads on $kind', (backend) => {
  let h: VideoHarness

  beforeAll(async () => {
    // The whole file is spooled first and pushed by a job (MUX_STREAM_UPLOADS=false); the
    // streamed path, and its fall-back to this one, are tested below.
    if (backend.serverUrl)
      h = await startVideoHarness(backend, { env: { MUX_STREAM_UPLOADS: 'false' } })
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

/** A valid MP4 whose media bytes all differ, so a byte skipped, repeated or moved shows. */
const patternedMp4 = (mediaBytes: number): Buffer => {
  const file = tinyMp4(mediaBytes)
  const mediaStart = file.length - mediaBytes
  for (let at = mediaStart; at + 4 <= file.length; at += 4) file.writeUInt32BE(at, at)
  return file
}

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex')

type EventRow = { status: string; uploadId?: string | null; type: string }

describe.each(testBackends)(
  'video uploads streamed to Mux while they arrive on $kind',
  (backend) => {
    let h: VideoHarness
    const chunk = 256 * 1024
    const eventsOfUpload = async (uploadId: string) =>
      (
        await h.payload.find({
          collection: 'mux-events' as never,
          where: { uploadId: { equals: uploadId } },
          limit: 100,
          depth: 0,
        })
      ).docs as unknown as EventRow[]
    const uploadsNamed = (pattern: RegExp) =>
      [...h.fake.uploads.values()].filter((upload) =>
        pattern.test(String(upload.new_asset_settings?.passthrough)),
      )

    beforeAll(async () => {
      // Quarter-MiB chunks, so a test file of a few MiB crosses several of them.
      if (backend.serverUrl)
        h = await startVideoHarness(backend, { env: { MUX_UPLOAD_CHUNK_MB: '0.25' } })
    })
    afterEach(() => {
      h?.fake.clearFailures()
      h?.fake.clearWebhookRules()
    })
    afterAll(async () => h?.destroy())

    it.skipIf(!backend.serverUrl)(
      'sends the file on in chunks as it arrives: nothing spooled, events from before the save applied',
      async () => {
        const file = patternedMp4(5 * chunk + 12_345)
        const response = await h.uploadVideo('Streamed straight', file)
        expect(response.status).toBe(201)
        const { doc } = (await response.json()) as Created
        // Every byte is at Mux when the save answers; its asset is on the way.
        expect(['uploading', 'preparing', 'ready']).toContain(doc.status)
        const saved = await h.video(doc.id)
        const uploadId = saved.muxUploadId as string
        expect(h.fake.uploadDigests.get(uploadId)).toBe(sha256(file))
        expect(h.fake.uploads.get(uploadId)?.new_asset_settings?.passthrough).toBe(
          `videos:new:${saved.ingest?.nonce}`,
        )
        expect(saved.ingest?.source ?? null).toBeNull()
        expect(spooled(h)).toEqual([])

        const ready = await h.settle(async () => {
          const video = await h.video(doc.id)
          return video.status === 'ready' ? video : null
        })
        expect(ready.muxUploadId).toBe(uploadId)
        expect(ready.playbackIds?.map((entry) => entry.policy)).toEqual(['signed'])
        // upload.created / asset_created came before the video existed: kept, then applied.
        const events = await h.settle(async () => {
          const rows = await eventsOfUpload(uploadId)
          return rows.length >= 2 && rows.every((row) => row.status === 'applied') ? rows : null
        })
        expect(events.map((row) => row.type)).toEqual(
          expect.arrayContaining(['video.upload.created', 'video.upload.asset_created']),
        )
      },
    )

    it.skipIf(!backend.serverUrl)(
      'keeps what Mux did not confirm when the upload URL drops mid-file, and a job resumes the same upload',
      async () => {
        h.fake.setFailures({ mode: 'reset', path: '/upload/*', afterBytes: 2 * chunk + 75_000 })
        const file = patternedMp4(6 * chunk + 777)
        const response = await h.uploadVideo('Broken off', file)
        expect(response.status).toBe(201)
        const { doc } = (await response.json()) as Created
        const saved = await h.video(doc.id)
        // Mux confirmed two chunks; the spool holds the file from there on.
        expect(saved.ingest).toMatchObject({
          source: 'file',
          spoolOffset: 2 * chunk,
          spoolBytes: file.length,
          uploadId: saved.muxUploadId,
        })
        expect(saved.status).toBe('uploading')
        expect(spooled(h)).toEqual([saved.ingest?.spoolFile])
        const spoolPath = path.join(h.spoolDir, 'videos', saved.ingest?.spoolFile as string)
        const kept = fs.readFileSync(spoolPath)
        expect(kept.subarray(2 * chunk).equals(file.subarray(2 * chunk))).toBe(true)

        const ready = await h.settle(async () => {
          const video = await h.video(doc.id)
          return video.status === 'ready' && !video.ingest?.source ? video : null
        })
        expect(ready.muxUploadId).toBe(saved.muxUploadId)
        expect(h.fake.uploadDigests.get(ready.muxUploadId as string)).toBe(sha256(file))
        expect(uploadsNamed(new RegExp(`:${saved.ingest?.nonce}$`))).toHaveLength(1)
        expect(spooled(h)).toEqual([])
      },
    )

    it.skipIf(!backend.serverUrl)(
      'spools the whole file when Mux cannot even start the upload, and pushes it later',
      async () => {
        h.fake.setFailures({
          mode: 'status',
          status: 500,
          count: 2,
          method: 'POST',
          path: '/video/v1/uploads',
        })
        const file = patternedMp4(3 * chunk)
        const { doc } = (await (await h.uploadVideo('Mux down', file)).json()) as Created
        const saved = await h.video(doc.id)
        expect(saved.status).toBe('pending')
        expect(saved.ingest).toMatchObject({ source: 'file', spoolOffset: 0, uploadId: null })
        const ready = await h.settle(async () => {
          const video = await h.video(doc.id)
          return video.status === 'ready' && !video.ingest?.source ? video : null
        })
        expect(h.fake.uploadDigests.get(ready.muxUploadId as string)).toBe(sha256(file))
      },
    )

    it.skipIf(!backend.serverUrl)(
      'lets go of what reached Mux when the save is refused (invalid, not a video, corrupt)',
      async () => {
        const refusals: Array<{ form: FormData; path: string; message: RegExp }> = []
        const noTitle = new FormData()
        noTitle.append('_payload', JSON.stringify({}))
        noTitle.append(
          'file',
          new Blob([new Uint8Array(patternedMp4(chunk))], { type: 'video/mp4' }),
          'a.mp4',
        )
        refusals.push({ form: noTitle, path: 'title', message: /required/i })
        const text = new FormData()
        text.append('_payload', JSON.stringify({ title: 'Notes' }))
        text.append(
          'file',
          new Blob(['just text, '.repeat(50_000)], { type: 'text/plain' }),
          'notes.txt',
        )
        refusals.push({ form: text, path: 'file', message: /not allowed/i })
        // An MP4 whose media box claims more bytes than the file has: Payload's structure check
        // reads the box headers, which the sparse outline of the streamed file must carry.
        const corrupt = patternedMp4(2 * chunk)
        corrupt.writeUInt32BE(corrupt.length * 2, 24)
        const broken = new FormData()
        broken.append('_payload', JSON.stringify({ title: 'Corrupt' }))
        broken.append('file', new Blob([new Uint8Array(corrupt)], { type: 'video/mp4' }), 'c.mp4')
        refusals.push({ form: broken, path: 'file', message: /corrupted/i })

        for (const { form, path: field, message } of refusals) {
          const before = new Set(h.fake.uploads.keys())
          const response = await h.api('/api/videos', { method: 'POST', body: form })
          const body = (await response.json()) as {
            errors: Array<{
              message: string
              data?: { errors?: Array<{ path: string; message: string }> }
            }>
          }
          expect(response.status).toBe(400)
          const detail = JSON.stringify(body.errors)
          expect(detail).toMatch(message)
          expect(detail).toContain(field)
          const [upload] = [...h.fake.uploads.values()].filter((entry) => !before.has(entry.id))
          expect(upload?.new_asset_settings?.passthrough).toMatch(/^videos:new:/)
          await h.settle(async () => {
            const current = h.fake.uploads.get(upload.id)
            const assetGone = !current?.asset_id || !h.fake.assets.has(current.asset_id)
            const events = await eventsOfUpload(upload.id)
            return assetGone && events.every((row) => row.status !== 'pending')
          })
        }
        expect(spooled(h)).toEqual([])
        const { totalDocs } = await h.payload.count({
          collection: 'videos',
          where: { title: { in: ['Notes', 'Corrupt'] } },
        })
        expect(totalDocs).toBe(0)
      },
    )

    it.skipIf(!backend.serverUrl)(
      'sends nothing to Mux for someone who may not save videos',
      async () => {
        const before = h.fake.uploads.size
        const form = new FormData()
        form.append('_payload', JSON.stringify({ title: 'Anonymous' }))
        form.append(
          'file',
          new Blob([new Uint8Array(patternedMp4(chunk))], { type: 'video/mp4' }),
          'x.mp4',
        )
        const response = await h.api('/api/videos', { method: 'POST', body: form, as: null })
        expect(response.status).toBe(403)
        expect(h.fake.uploads.size).toBe(before)
        expect(spooled(h)).toEqual([])
      },
    )
  },
)

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
