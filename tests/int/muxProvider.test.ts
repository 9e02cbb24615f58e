import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'

import Mux, { BadRequestError, InternalServerError } from '@mux/mux-node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import {
  applyMuxEvent,
  beginIngest,
  ResumableUploadStream,
  createMuxProvider,
  emptyVideoMuxState,
  putFile,
  queryUploadProgress,
  resumeFile,
  verifyMuxWebhook,
  matchKeysOf,
  stateFromAsset,
  WebhookSignatureError,
  type MuxWebhookEvent,
  type VideoMuxState,
  type VideoProvider,
  type WebhookRejection,
} from '../../src/video'
import { startFakeMux, type FakeMux } from '../fakes/fakeMux'
import { startWebhookReceiver, type WebhookReceiver } from '../fakes/webhookReceiver'

// The real MuxProvider (real @mux/mux-node) against the fake Mux over real HTTP, with webhooks
// posted to a local endpoint that verifies them and folds them into documents.

const tokenId = 'int-token-id'
const tokenSecret = 'int-token-secret'
const webhookSecret = 'int-webhook-secret'

/** Stands in for the webhook route + Payload: find the document, apply the event, answer. */
class Documents {
  private readonly byPassthrough = new Map<string, VideoMuxState>()

  startUpload(passthrough: string, uploadId: string) {
    const current = this.byPassthrough.get(passthrough) ?? emptyVideoMuxState()
    this.byPassthrough.set(passthrough, beginIngest(current, { uploadId }).state)
  }

  get(passthrough: string) {
    return this.byPassthrough.get(passthrough)
  }

  clear() {
    this.byPassthrough.clear()
  }

  /** 503 when the event cannot be placed yet, so the sender delivers it again later. */
  apply(event: MuxWebhookEvent): number {
    const keys = matchKeysOf(event)
    const owns = (passthrough: string, doc: VideoMuxState) => {
      const replacement = doc.muxSync?.replacement
      const ids = [doc.muxUploadId, doc.muxAssetId, replacement?.uploadId, replacement?.assetId]
      return (
        passthrough === keys.passthrough ||
        (!!keys.uploadId && ids.includes(keys.uploadId)) ||
        (!!keys.assetId && ids.includes(keys.assetId))
      )
    }
    const found = [...this.byPassthrough].find(([passthrough, doc]) => owns(passthrough, doc))
    if (!found) return this.byPassthrough.size ? 503 : 200
    const result = applyMuxEvent(found[1], event)
    if (result.outcome === 'unrouted') return 503
    this.byPassthrough.set(found[0], result.state)
    return 200
  }
}

let fake: FakeMux
let receiver: WebhookReceiver
let provider: VideoProvider
const documents = new Documents()
const verified: MuxWebhookEvent[] = []
const rejected: WebhookRejection[] = []

beforeAll(async () => {
  receiver = await startWebhookReceiver(async (rawBody, headers) => {
    try {
      const event = verifyMuxWebhook({ rawBody, headers, secret: webhookSecret })
      verified.push(event)
      return documents.apply(event)
    } catch (error) {
      if (!(error instanceof WebhookSignatureError)) throw error
      rejected.push(error.reason)
      return 400
    }
  })
  fake = await startFakeMux({
    tokenId,
    tokenSecret,
    webhookUrl: receiver.url,
    webhookSecret,
    readyDelayMs: 50,
    webhookRetryBaseMs: 20,
    webhookMaxAttempts: 8,
  })
  provider = createMuxProvider({
    tokenId,
    tokenSecret,
    baseURL: fake.url,
    timeoutMs: 500,
    maxRetries: 2,
  })
})

afterEach(() => {
  fake.reset()
  fake.configure({ autoReady: true, readyDelayMs: 50 })
  documents.clear()
  verified.length = 0
  rejected.length = 0
  receiver.received.length = 0
})

afterAll(async () => {
  await fake?.stop()
  await receiver?.close()
})

/** A stream of `size` bytes made from one reused buffer, so the test itself holds no file. */
const generatedFile = (size: number, fill: string | number = 7) => {
  const block = Buffer.alloc(1024 * 1024, fill)
  let produced = 0
  return new Readable({
    read() {
      if (produced >= size) return void this.push(null)
      const length = Math.min(block.length, size - produced)
      produced += length
      this.push(length === block.length ? block : block.subarray(0, length))
    },
  })
}

const requestsTo = (method: string, path: string) =>
  fake.requests.filter((request) => request.method === method && request.path === path)

const eventsOfType = (type: string) => verified.filter((event) => event.type === type)

const readyAssetFromUrl = async (passthrough: string) => {
  const { assetId } = await provider.createAsset({
    url: 'https://media.example.com/source.mp4',
    passthrough,
    playbackPolicy: 'signed',
  })
  await fake.waitFor(() => fake.assets.get(assetId)?.status === 'ready')
  return assetId
}

describe('direct uploads', () => {
  it('streams a file to the upload URL, then the asset goes preparing -> ready', async () => {
    fake.configure({ autoReady: false })
    const passthrough = 'videos:upload-1'
    const { uploadId, url } = await provider.createUpload({
      passthrough,
      playbackPolicy: 'signed',
    })
    documents.startUpload(passthrough, uploadId)
    expect(url.startsWith(`${fake.url}/upload/`)).toBe(true)
    expect(await provider.getUpload(uploadId)).toMatchObject({ status: 'waiting' })

    const size = 8 * 1024 * 1024 + 123
    expect(await putFile(url, generatedFile(size), { sizeBytes: size })).toMatchObject({
      bytesSent: size,
    })
    expect(fake.uploadedBytes.get(uploadId)).toBe(size)

    const upload = await provider.getUpload(uploadId)
    expect(upload).toMatchObject({ status: 'asset_created', asset_id: expect.any(String) })
    const assetId = upload?.asset_id ?? ''
    expect(await provider.getAsset(assetId)).toMatchObject({
      status: 'preparing',
      passthrough,
      upload_id: uploadId,
    })
    await fake.waitFor(() => documents.get(passthrough)?.status === 'preparing')

    fake.markAssetReady(assetId)
    const asset = await provider.getAsset(assetId)
    expect(asset).not.toBeNull()
    expect(stateFromAsset(asset!)).toMatchObject({
      status: 'ready',
      muxAssetId: assetId,
      playbackIds: [{ playbackId: expect.any(String), policy: 'signed' }],
      duration: expect.any(Number),
      aspectRatio: '16:9',
      tracks: [expect.objectContaining({ kind: 'audio' })],
    })

    // The webhooks arrive signed, verify, and bring the document to ready.
    const doc = await fake.waitFor(() => {
      const current = documents.get(passthrough)
      return current?.status === 'ready' ? current : null
    })
    expect(doc).toMatchObject({ muxUploadId: uploadId, muxAssetId: assetId, duration: 23.857 })
    expect(verified.map((event) => event.type)).toEqual(
      expect.arrayContaining([
        'video.upload.created',
        'video.upload.asset_created',
        'video.asset.created',
        'video.asset.ready',
      ]),
    )
  })

  it('streams a gigabyte without holding it in memory', async () => {
    const size = Number(process.env.MUX_FAKE_UPLOAD_BYTES ?? 2 ** 30)
    const { uploadId, url } = await provider.createUpload({
      passthrough: 'videos:big',
      playbackPolicy: 'public',
    })
    const rssBefore = process.memoryUsage().rss
    let rssPeak = rssBefore
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
    }, 10)
    try {
      const web = Readable.toWeb(generatedFile(size)) as ReadableStream<Uint8Array>
      expect(await putFile(url, web, { sizeBytes: size })).toMatchObject({ bytesSent: size })
    } finally {
      clearInterval(sampler)
    }
    expect(fake.uploadedBytes.get(uploadId)).toBe(size)
    expect(rssPeak - rssBefore).toBeLessThan(256 * 1024 * 1024)
  })

  it('errors the asset when the uploaded file carries the error marker', async () => {
    const passthrough = 'videos:bad-upload'
    const { uploadId, url } = await provider.createUpload({
      passthrough,
      playbackPolicy: 'public',
    })
    documents.startUpload(passthrough, uploadId)
    const body = Readable.from([Buffer.from('header mux-fake-error trailer')])
    await putFile(url, body)

    const doc = await fake.waitFor(() => {
      const current = documents.get(passthrough)
      return current?.status === 'errored' ? current : null
    })
    expect(doc.error).toEqual({
      type: 'invalid_input',
      messages: ['The input file could not be processed.'],
    })
  })

  it('cancels a waiting upload, and treats deleting it again or an unknown one as done', async () => {
    const { uploadId, url } = await provider.createUpload({
      passthrough: 'videos:cancel',
      playbackPolicy: 'public',
    })
    await provider.deleteUpload(uploadId)
    expect(await provider.getUpload(uploadId)).toMatchObject({ status: 'cancelled' })
    await provider.deleteUpload(uploadId)
    await provider.deleteUpload('no-such-upload')
    await expect(putFile(url, Readable.from([Buffer.from('late')]))).rejects.toMatchObject({
      name: 'UploadTransferError',
      status: 410,
      retryable: false,
    })
    expect(await provider.getUpload('no-such-upload')).toBeNull()
  })
})

describe('streaming to an upload while the file arrives (resumable chunks)', () => {
  const kib256 = 256 * 1024
  /** Distinct bytes, so a byte sent twice or skipped changes the digest. */
  const patterned = (size: number) => {
    const bytes = Buffer.alloc(size)
    for (let index = 0; index + 4 <= size; index += 4) bytes.writeUInt32BE(index, index)
    return bytes
  }
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
  const chunked = (url: string) => new ResumableUploadStream(url, { chunkBytes: kib256 })
  /** Feeds `bytes` in odd-sized pieces, as a socket would. */
  const feed = async (stream: ResumableUploadStream, bytes: Buffer, piece = 100_003) => {
    for (let at = 0; at < bytes.length; at += piece) {
      await stream.write(bytes.subarray(at, at + piece))
    }
  }

  it('sends chunks of unknown total, then the last with the size; Mux gets the exact bytes', async () => {
    const { uploadId, url } = await provider.createUpload({
      passthrough: 'videos:new:chunks',
      playbackPolicy: 'signed',
    })
    const bytes = patterned(5 * kib256 + 12_345)
    const stream = chunked(url)
    await feed(stream, bytes)
    // Confirmed as it goes, never more than two chunks behind.
    expect(stream.written - stream.confirmed).toBeLessThan(2 * kib256 + 100_003)
    expect(stream.confirmed).toBeGreaterThan(0)
    await stream.finish()
    expect(stream).toMatchObject({ complete: true, failure: null, confirmed: bytes.length })
    expect(fake.uploadDigests.get(uploadId)).toBe(sha256(bytes))
    expect(await provider.getUpload(uploadId)).toMatchObject({ status: 'asset_created' })
  })

  it('sends chunks while they arrive when the size is known, and survives a wrong guess either way', async () => {
    const bytes = patterned(5 * kib256 + 4321)
    for (const expectedBytes of [
      bytes.length,
      bytes.length + 3 * kib256,
      bytes.length - 2 * kib256,
    ]) {
      const { uploadId, url } = await provider.createUpload({
        passthrough: `videos:new:guess${expectedBytes}`,
        playbackPolicy: 'signed',
      })
      const stream = new ResumableUploadStream(url, { chunkBytes: kib256, expectedBytes })
      await feed(stream, bytes, 65_536)
      await stream.finish()
      expect(stream, `guess ${expectedBytes}`).toMatchObject({ complete: true, failure: null })
      expect(fake.uploadDigests.get(uploadId)).toBe(sha256(bytes))
    }
  })

  it('finishes an exact multiple of the chunk size with an empty last request', async () => {
    const { uploadId, url } = await provider.createUpload({
      passthrough: 'videos:new:exact',
      playbackPolicy: 'signed',
    })
    const bytes = patterned(2 * kib256)
    const stream = chunked(url)
    await feed(stream, bytes)
    await stream.finish()
    expect(stream.complete).toBe(true)
    expect(fake.uploadDigests.get(uploadId)).toBe(sha256(bytes))
  })

  it('hands back what Mux did not confirm when the connection drops; resuming from the reported size completes it', async () => {
    const { uploadId, url } = await provider.createUpload({
      passthrough: 'videos:new:resume',
      playbackPolicy: 'signed',
    })
    fake.setFailures({ mode: 'reset', path: '/upload/*', afterBytes: 600_000 })
    const bytes = patterned(6 * kib256 + 777)
    const stream = chunked(url)
    await feed(stream, bytes)
    await stream.finish()
    expect(stream.complete).toBe(false)
    expect(stream.failure).toMatchObject({ name: 'UploadTransferError', retryable: true })
    const { offset, chunks } = stream.unconfirmed()
    expect(offset).toBe(2 * kib256)
    expect(Buffer.concat(chunks).equals(bytes.subarray(offset))).toBe(true)

    // The URL kept a little more than it confirmed (the dropped request's first bytes).
    const progress = await queryUploadProgress(url)
    expect(progress).toEqual({ received: 600_000, complete: false })
    await resumeFile(url, Readable.from([bytes.subarray(progress.received)]), {
      start: progress.received,
      totalBytes: bytes.length,
    })
    expect(fake.uploadDigests.get(uploadId)).toBe(sha256(bytes))
    expect(await queryUploadProgress(url)).toMatchObject({ complete: true })
  })

  it('fails, retryably, on a 503 from the upload URL, keeping every byte for the spool', async () => {
    const { url } = await provider.createUpload({
      passthrough: 'videos:new:503',
      playbackPolicy: 'signed',
    })
    fake.setFailures({ mode: 'status', status: 503, path: '/upload/*' })
    const bytes = patterned(3 * kib256)
    const stream = chunked(url)
    await feed(stream, bytes)
    await stream.finish()
    expect(stream.failure).toMatchObject({ status: 503, retryable: true })
    const { offset, chunks } = stream.unconfirmed()
    expect(offset).toBe(0)
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true)
  })

  it('refuses chunk sizes an upload URL would reject', () => {
    expect(() => new ResumableUploadStream('http://x', { chunkBytes: 1000 })).toThrow(
      /multiple of 262144 bytes/,
    )
  })

  it('discards an upload: cancelled while waiting, its asset deleted once made', async () => {
    const waiting = await provider.createUpload({
      passthrough: 'videos:new:d1',
      playbackPolicy: 'signed',
    })
    await provider.deleteUpload(waiting.uploadId)
    expect(await provider.getUpload(waiting.uploadId)).toMatchObject({ status: 'cancelled' })

    const done = await provider.createUpload({
      passthrough: 'videos:new:d2',
      playbackPolicy: 'signed',
    })
    await putFile(done.url, Readable.from([patterned(4096)]), { sizeBytes: 4096 })
    const assetId = fake.uploads.get(done.uploadId)?.asset_id as string
    expect(fake.assets.has(assetId)).toBe(true)
    await provider.deleteUpload(done.uploadId)
    expect(fake.assets.has(assetId)).toBe(false)
    await provider.deleteUpload(done.uploadId)
    await provider.deleteUpload('no-such-upload')
  })
})

describe('assets from a URL', () => {
  it('ingests a URL and becomes ready with the passthrough kept', async () => {
    const { assetId, status } = await provider.createAsset({
      url: 'https://media.example.com/film.mp4',
      passthrough: 'videos:url-1',
      playbackPolicy: 'public',
    })
    expect(status).toBe('preparing')
    await fake.waitFor(() => fake.assets.get(assetId)?.status === 'ready')
    expect(await provider.getAsset(assetId)).toMatchObject({
      status: 'ready',
      passthrough: 'videos:url-1',
      playback_ids: [{ policy: 'public' }],
    })
  })

  it('errors an asset whose URL carries the error marker', async () => {
    const { assetId } = await provider.createAsset({
      url: 'https://media.example.com/mux-fake-error.mp4',
      passthrough: 'videos:url-bad',
      playbackPolicy: 'signed',
    })
    await fake.waitFor(() => eventsOfType('video.asset.errored').length === 1)
    const asset = await provider.getAsset(assetId)
    expect(stateFromAsset(asset!)).toMatchObject({
      status: 'errored',
      error: { type: 'invalid_input' },
    })
  })

  it('deletes an asset, and treats deleting it again as done', async () => {
    const assetId = await readyAssetFromUrl('videos:delete')
    await provider.deleteAsset(assetId)
    expect(await provider.getAsset(assetId)).toBeNull()
    await provider.deleteAsset(assetId)
    expect(requestsTo('DELETE', `/video/v1/assets/${assetId}`).map((r) => r.outcome)).toEqual([
      204, 404,
    ])
    await fake.waitFor(() => eventsOfType('video.asset.deleted').length === 1)
  })

  it("updates an asset's passthrough: at most 255 characters, 404 for an unknown asset", async () => {
    const assetId = await readyAssetFromUrl('videos:new:abc')
    await provider.updateAsset(assetId, { passthrough: 'videos:42:abc' })
    expect(fake.assets.get(assetId)?.passthrough).toBe('videos:42:abc')
    expect((await provider.getAsset(assetId))?.passthrough).toBe('videos:42:abc')
    await fake.waitFor(() =>
      eventsOfType('video.asset.updated').some(
        (event) => event.data.passthrough === 'videos:42:abc',
      ),
    )

    await expect(
      provider.updateAsset(assetId, { passthrough: 'x'.repeat(256) }),
    ).rejects.toBeInstanceOf(BadRequestError)
    await provider.updateAsset(assetId, { passthrough: 'y'.repeat(255) })
    expect(fake.assets.get(assetId)?.passthrough).toBe('y'.repeat(255))
    await expect(
      provider.updateAsset('no-such-asset', { passthrough: 'videos:1:a' }),
    ).rejects.toThrow(/404/)
    expect(requestsTo('PATCH', '/video/v1/assets/no-such-asset').map((r) => r.outcome)).toEqual([
      404,
    ])
  })

  it('finds every asset with a passthrough across pages, oldest included', async () => {
    const create = (passthrough: string) =>
      provider.createAsset({
        url: 'https://m.example.com/a.mp4',
        passthrough,
        playbackPolicy: 'public',
      })
    const first = await create('videos:dup')
    for (let index = 0; index < 101; index += 1) await create(`videos:other-${index}`)
    const last = await create('videos:dup')

    const found = await provider.findAssets({ passthrough: 'videos:dup' })
    expect(found.map((asset) => asset.id).sort()).toEqual([first.assetId, last.assetId].sort())
    expect(requestsTo('GET', '/video/v1/assets').length).toBe(2)
  })
})

describe('retries and failures', () => {
  it('retries 500s and succeeds', async () => {
    fake.setFailures({
      mode: 'status',
      status: 500,
      count: 2,
      method: 'POST',
      path: '/video/v1/assets',
    })
    await provider.createAsset({
      url: 'https://m.example.com/a.mp4',
      passthrough: 'videos:retry-500',
      playbackPolicy: 'public',
    })
    expect(requestsTo('POST', '/video/v1/assets').map((r) => r.outcome)).toEqual([500, 500, 201])
    expect(fake.assets.size).toBe(1)
  })

  it('honours retry-after on a 429 and succeeds', async () => {
    fake.setFailures({
      mode: 'status',
      status: 429,
      retryAfterSeconds: 1,
      path: '/video/v1/uploads',
    })
    const started = Date.now()
    await provider.createUpload({ passthrough: 'videos:429', playbackPolicy: 'public' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(requestsTo('POST', '/video/v1/uploads').map((r) => r.outcome)).toEqual([429, 201])
  })

  it('retries a request that timed out, and a dropped connection', async () => {
    const assetId = await readyAssetFromUrl('videos:timeout')
    fake.setFailures([
      { mode: 'hang', method: 'GET', path: `/video/v1/assets/${assetId}` },
      { mode: 'reset', method: 'GET', path: `/video/v1/assets/${assetId}` },
    ])
    const started = Date.now()
    expect(await provider.getAsset(assetId)).toMatchObject({ id: assetId })
    expect(Date.now() - started).toBeGreaterThanOrEqual(450)
    expect(requestsTo('GET', `/video/v1/assets/${assetId}`).map((r) => r.outcome)).toEqual([
      'hang',
      'reset',
      200,
    ])
  })

  it('creates twice when a create times out after Mux did it; passthrough finds both', async () => {
    fake.setFailures({ mode: 'hang', commit: true, method: 'POST', path: '/video/v1/assets' })
    const { assetId } = await provider.createAsset({
      url: 'https://m.example.com/a.mp4',
      passthrough: 'videos:double',
      playbackPolicy: 'signed',
    })
    const duplicates = await provider.findAssets({ passthrough: 'videos:double' })
    expect(duplicates).toHaveLength(2)
    expect(duplicates.map((asset) => asset.id)).toContain(assetId)
  })

  it('gives up after maxRetries with a retryable error', async () => {
    fake.setFailures({ mode: 'status', status: 503, count: 3, path: '/video/v1/assets/*' })
    const error = await provider.getAsset('anything').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InternalServerError)
    expect(provider.isRetryable(error)).toBe(true)
    expect(requestsTo('GET', '/video/v1/assets/anything')).toHaveLength(3)
  })

  it('does not retry a 400, and calls it not retryable', async () => {
    fake.configure({ autoReady: false })
    const { assetId } = await provider.createAsset({
      url: 'https://m.example.com/a.mp4',
      passthrough: 'videos:400',
      playbackPolicy: 'public',
    })
    const error = await provider
      .updateAsset(assetId, {
        addTextTrack: {
          kind: 'file',
          url: 'https://m.example.com/fr.vtt',
          languageCode: 'fr',
          name: 'Français',
          closedCaptions: false,
        },
      })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BadRequestError)
    expect(provider.isRetryable(error)).toBe(false)
    expect(requestsTo('POST', `/video/v1/assets/${assetId}/tracks`)).toHaveLength(1)
  })

  it('accepts failure rules over HTTP from another process', async () => {
    const response = await fetch(`${fake.url}/_fake/failures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ mode: 'status', status: 502, path: '/video/v1/uploads' }] }),
    })
    expect(response.status).toBe(200)
    await provider.createUpload({ passthrough: 'videos:http-rule', playbackPolicy: 'public' })
    expect(requestsTo('POST', '/video/v1/uploads').map((r) => r.outcome)).toEqual([502, 201])
  })
})

describe('tracks and playback ids', () => {
  it('adds a text track that becomes ready, then deletes it (twice)', async () => {
    const assetId = await readyAssetFromUrl('videos:tracks')
    const {
      tracks: [track],
    } = await provider.updateAsset(assetId, {
      addTextTrack: {
        kind: 'file',
        url: 'https://m.example.com/fr.vtt',
        languageCode: 'fr',
        name: 'Français',
        closedCaptions: true,
      },
    })
    expect(track.status).toBe('preparing')
    const ready = await fake.waitFor(() =>
      eventsOfType('video.asset.track.ready').find((event) => event.data.id === track.trackId),
    )
    expect(matchKeysOf(ready)).toEqual({ assetId })
    expect((await provider.getAsset(assetId))?.tracks).toContainEqual(
      expect.objectContaining({
        id: track.trackId,
        status: 'ready',
        language_code: 'fr',
        closed_captions: true,
      }),
    )

    await provider.updateAsset(assetId, { removeTrack: track.trackId })
    await provider.updateAsset(assetId, { removeTrack: track.trackId })
    const tracks = (await provider.getAsset(assetId))?.tracks ?? []
    expect(tracks.map((candidate) => candidate.id)).not.toContain(track.trackId)
    await fake.waitFor(() => eventsOfType('video.asset.track.deleted').length === 1)
  })

  it('reports a text track whose file carries the error marker as errored', async () => {
    const assetId = await readyAssetFromUrl('videos:bad-track')
    const {
      tracks: [track],
    } = await provider.updateAsset(assetId, {
      addTextTrack: {
        kind: 'file',
        url: 'https://m.example.com/mux-fake-error.vtt',
        languageCode: 'de',
        name: 'Deutsch',
        closedCaptions: false,
      },
    })
    const errored = await fake.waitFor(() => eventsOfType('video.asset.track.errored')[0])
    expect(errored.data).toMatchObject({ id: track.trackId, asset_id: assetId, status: 'errored' })
  })

  it('generates subtitles from the primary audio track', async () => {
    const assetId = await readyAssetFromUrl('videos:generated')
    const {
      tracks: [generated],
    } = await provider.updateAsset(assetId, {
      addTextTrack: { kind: 'generated', languageCode: 'en', name: 'English (generated)' },
    })
    expect(generated.status).toBe('preparing')
    const audioId = fake.assets.get(assetId)?.tracks.find((t) => t.type === 'audio')?.id
    expect(
      requestsTo('POST', `/video/v1/assets/${assetId}/tracks/${audioId}/generate-subtitles`),
    ).toHaveLength(1)
    await fake.waitFor(() =>
      eventsOfType('video.asset.track.ready').some((event) => event.data.id === generated.trackId),
    )
    expect(fake.assets.get(assetId)?.tracks).toContainEqual(
      expect.objectContaining({ id: generated.trackId, text_source: 'generated_vod' }),
    )
  })

  it('adds and removes playback ids, treating a second removal as done', async () => {
    const assetId = await readyAssetFromUrl('videos:playback')
    const {
      playbackIds: [added],
    } = await provider.updateAsset(assetId, { addPlaybackId: 'public' })
    expect(added.policy).toBe('public')
    expect((await provider.getAsset(assetId))?.playback_ids).toContainEqual({
      id: added.playbackId,
      policy: 'public',
    })
    await provider.updateAsset(assetId, { removePlaybackId: added.playbackId })
    await provider.updateAsset(assetId, { removePlaybackId: added.playbackId })
    const remaining = (await provider.getAsset(assetId))?.playback_ids ?? []
    expect(remaining.map((entry) => entry.policy)).toEqual(['signed'])
  })
})

describe('webhook delivery', () => {
  const uploadFlow = async (passthrough: string) => {
    const { uploadId, url } = await provider.createUpload({
      passthrough,
      playbackPolicy: 'signed',
    })
    documents.startUpload(passthrough, uploadId)
    await putFile(url, Readable.from([Buffer.from('a small video')]))
    return uploadId
  }

  const settledDocument = (passthrough: string) =>
    fake.waitFor(() => {
      const doc = documents.get(passthrough)
      return doc?.status === 'ready' ? doc : null
    })

  it('signs like Mux: the SDK reference check accepts what the fake sends', async () => {
    await provider.createUpload({ passthrough: 'videos:sdk-check', playbackPolicy: 'public' })
    const delivered = await fake.waitFor(() => receiver.received[0])
    const mux = new Mux({ tokenId, tokenSecret, webhookSecret })
    const event = await mux.webhooks.unwrap(delivered.rawBody, delivered.headers)
    expect(event.type).toBe('video.upload.created')
  })

  it('rejects a bad signature with WebhookSignatureError, then accepts the signed retry', async () => {
    fake.setWebhookRules({ action: 'bad-signature' })
    await provider.createUpload({ passthrough: 'videos:bad-sig', playbackPolicy: 'public' })
    await fake.waitFor(() => fake.events[0]?.state === 'delivered')
    expect(rejected).toEqual(['signature-mismatch'])
    expect(fake.events[0].deliveries.map((attempt) => attempt.response_status_code)).toEqual([
      400, 200,
    ])
    // Mux tells the retry about the failed attempt.
    const retried = JSON.parse(receiver.received[1].rawBody) as MuxWebhookEvent
    expect(retried.attempts).toEqual([expect.objectContaining({ response_status_code: 400 })])
  })

  it('rejects a timestamp older than five minutes', async () => {
    fake.setWebhookRules({ action: 'stale-signature' })
    await provider.createUpload({ passthrough: 'videos:stale', playbackPolicy: 'public' })
    await fake.waitFor(() => fake.events[0]?.state === 'delivered')
    expect(rejected).toEqual(['timestamp-out-of-tolerance'])
  })

  it('rejects a delivery without a signature header', async () => {
    fake.setWebhookRules({ action: 'missing-signature' })
    await provider.createUpload({ passthrough: 'videos:unsigned', playbackPolicy: 'public' })
    await fake.waitFor(() => fake.events[0]?.state === 'delivered')
    expect(rejected).toEqual(['missing-signature'])
    expect(receiver.received[0].headers['mux-signature']).toBeUndefined()
  })

  it('retries deliveries the endpoint failed, recording each attempt', async () => {
    // No document yet for this passthrough while another exists: the route answers 503.
    documents.startUpload('videos:someone-else', 'up-elsewhere')
    const uploadId = (
      await provider.createUpload({
        passthrough: 'videos:late-doc',
        playbackPolicy: 'public',
      })
    ).uploadId
    await fake.waitFor(() => (fake.events[0]?.deliveries.length ?? 0) >= 2)
    documents.startUpload('videos:late-doc', uploadId)
    await fake.waitFor(() => fake.events[0]?.state === 'delivered')
    const statuses = fake.events[0].deliveries.map((attempt) => attempt.response_status_code)
    expect(statuses.slice(0, 2)).toEqual([503, 503])
    expect(statuses.at(-1)).toBe(200)
  })

  it('delivers duplicates, which change nothing once applied', async () => {
    fake.setWebhookRules({ action: 'duplicate', type: 'video.asset.*', count: 2, copies: 2 })
    await uploadFlow('videos:dupes')
    const settled = await fake.waitFor(() =>
      fake.events.every((record) => record.state === 'delivered') &&
      eventsOfType('video.asset.ready').length === 3
        ? documents.get('videos:dupes')
        : null,
    )
    const readyIds = eventsOfType('video.asset.ready').map((event) => event.id)
    expect(new Set(readyIds).size).toBe(1)
    expect(eventsOfType('video.asset.created')).toHaveLength(3)

    // The same events applied once each give the same document.
    const once = [...new Map(verified.map((event) => [event.id, event])).values()]
    const fresh = new Documents()
    fresh.startUpload('videos:dupes', settled.muxUploadId ?? '')
    const pending = [...once]
    for (let pass = 0; pass < 3; pass += 1) {
      for (const event of [...pending]) {
        if (fresh.apply(event) === 200) pending.splice(pending.indexOf(event), 1)
      }
    }
    expect(fresh.get('videos:dupes')).toEqual(settled)
  })

  it('delivers held events in reverse, and the document still ends ready', async () => {
    fake.setWebhookRules({ action: 'reverse', count: 4 })
    const uploadId = await uploadFlow('videos:reversed')
    const doc = await settledDocument('videos:reversed')
    expect(doc.muxUploadId).toBe(uploadId)
    await fake.waitFor(() => verified.length >= 4)
    const delivered = verified.map((event) => event.type)
    expect(delivered.slice(0, 4)).toEqual([
      'video.asset.ready',
      'video.asset.created',
      'video.upload.asset_created',
      'video.upload.created',
    ])
  })

  it('holds and releases over HTTP control endpoints', async () => {
    const control = (path: string, body?: unknown) =>
      fetch(`${fake.url}/_fake/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      })
    expect((await control('webhooks/hold')).status).toBe(204)
    await uploadFlow('videos:held')
    await fake.waitFor(() =>
      fake.events.some((record) => record.event.type === 'video.asset.ready'),
    )
    expect(receiver.received).toHaveLength(0)
    expect((await control('webhooks/release', { order: 'reverse' })).status).toBe(204)
    await settledDocument('videos:held')
    expect(verified[0].type).toBe('video.asset.ready')
    await fake.waitFor(() => fake.events.every((record) => record.state === 'delivered'))

    const state = (await (await fetch(`${fake.url}/_fake/state`)).json()) as {
      events: Array<{ type: string; state: string }>
    }
    expect(state.events.every((event) => event.state === 'delivered')).toBe(true)
  })

  it('loses a dropped webhook until it is redelivered', async () => {
    fake.setWebhookRules({ action: 'drop', type: 'video.asset.ready' })
    await uploadFlow('videos:lost')
    const lost = await fake.waitFor(() =>
      fake.events.find((record) => record.event.type === 'video.asset.ready'),
    )
    expect(lost.state).toBe('dropped')
    await fake.waitFor(() => documents.get('videos:lost')?.status === 'preparing')
    expect(fake.redeliver(lost.event.id)).toBe(true)
    await settledDocument('videos:lost')
  })

  it('lets a delayed event be overtaken', async () => {
    fake.setWebhookRules({ action: 'delay', type: 'video.upload.asset_created', delayMs: 300 })
    await uploadFlow('videos:delayed')
    await fake.waitFor(() => eventsOfType('video.upload.asset_created').length === 1, 3000)
    const types = verified.map((event) => event.type)
    expect(types.indexOf('video.asset.created')).toBeLessThan(
      types.indexOf('video.upload.asset_created'),
    )
    expect(documents.get('videos:delayed')?.status).toBe('ready')
  })
})
