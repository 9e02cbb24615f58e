import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { buildConfig, getPayload, type Payload } from 'payload'

import { closePayload } from '../../src/config/closeDatabase'
import { reelhouseConfig } from '../../reelhouseConfig'
import { videoRecordsOf, type VideoRecord } from '../../src/plugins/mux/videoRecords'
import type { MuxSync } from '../../src/video'
import type { TestBackend } from '../int/support/backends'
import { payloadFor } from '../int/support/payloadFor'
import { startFakeMux, type FakeMux, type FakeMuxOptions } from './fakeMux'
import { servePayloadOverHttp, type PayloadHttpServer } from './payloadHttp'

// Payload (the real config, on a fresh database) served over HTTP, wired to an in-process fake
// Mux that posts signed webhooks back to it: the whole video pipeline in one test process.

export const muxTestCredentials = {
  tokenId: 'test-token-id',
  tokenSecret: 'test-token-secret',
  webhookSecret: 'test-webhook-secret',
  signingKeyId: 'test-signing-key',
}

/** A stored video, its reducer state typed (the JSON field `muxSync`). */
export type HarnessVideo = Omit<VideoRecord, 'muxSync'> & { muxSync?: MuxSync | null }

export interface VideoHarness {
  payload: Payload
  fake: FakeMux
  server: PayloadHttpServer
  spoolDir: string
  /** Verifies playback tokens, as Mux would. */
  publicKey: KeyObject
  /** `Authorization` header of an editor. */
  editor: string
  api(pathname: string, init?: RequestInit & { as?: string | null }): Promise<Response>
  /** `POST /api/videos` multipart, as the admin sends it. */
  uploadVideo(
    title: string,
    file: Buffer | Blob,
    fields?: Record<string, unknown>,
  ): Promise<Response>
  video(id: number | string): Promise<HarnessVideo>
  /** Runs due jobs until `check` passes (webhooks arrive meanwhile). */
  settle<T>(check: () => Promise<T | null | undefined | false>, timeoutMs?: number): Promise<T>
  runJobs(): Promise<void>
  destroy(): Promise<void>
}

/** Payload on a database that outlives it, as a restarted server would see it. */
const payloadOn = async (databaseUrl: string, env: Record<string, string>) => {
  const config = buildConfig(
    reelhouseConfig({ env: { ...process.env, JOBS_AUTORUN: 'false', ...env }, databaseUrl }),
  )
  const key = `restart-${Math.random().toString(36).slice(2)}`
  const payload = await getPayload({ config, key, cron: true })
  return { payload, destroy: () => closePayload(payload) }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port')),
      )
    })
  })

const signingKeys = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
  return { privateKeyBase64: Buffer.from(pem).toString('base64'), publicKey }
}

export const startVideoHarness = async (
  backend: TestBackend,
  {
    env = {},
    fake: fakeOptions = {},
    withMux = true,
    databaseUrl,
    spoolDir: sharedSpool,
  }: {
    env?: Record<string, string>
    fake?: FakeMuxOptions
    withMux?: boolean
    /** An existing database (e.g. to restart on it with other settings) instead of a new one. */
    databaseUrl?: string
    spoolDir?: string
  } = {},
): Promise<VideoHarness> => {
  const spoolDir = sharedSpool ?? fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-spool-'))
  const port = await freePort()
  const serverUrl = `http://127.0.0.1:${port}`
  const keys = signingKeys()
  const publicPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString()
  const fake = await startFakeMux({
    tokenId: muxTestCredentials.tokenId,
    tokenSecret: muxTestCredentials.tokenSecret,
    webhookSecret: muxTestCredentials.webhookSecret,
    readyDelayMs: 80,
    webhookRetryBaseMs: 50,
    webhookMaxAttempts: 8,
    ...fakeOptions,
    // The fake checks playback tokens with the key the app signs them with.
    ...(fakeOptions.media
      ? {
          media: {
            ...fakeOptions.media,
            signingKeys: { [muxTestCredentials.signingKeyId]: publicPem },
          },
        }
      : {}),
  })
  const muxEnv: Record<string, string> = withMux
    ? {
        MUX_TOKEN_ID: muxTestCredentials.tokenId,
        MUX_TOKEN_SECRET: muxTestCredentials.tokenSecret,
        MUX_WEBHOOK_SECRET: muxTestCredentials.webhookSecret,
        MUX_SIGNING_KEY: muxTestCredentials.signingKeyId,
        MUX_PRIVATE_KEY: keys.privateKeyBase64,
        MUX_BASE_URL: fake.url,
        // Playback URLs point at the fake when it serves media.
        ...(fake.media ? { MUX_STREAM_BASE_URL: fake.url, MUX_IMAGE_BASE_URL: fake.url } : {}),
      }
    : {}
  const harnessEnv = {
    MUX_TOKEN_ID: '',
    MUX_TOKEN_SECRET: '',
    VIDEO_SPOOL_DIR: spoolDir,
    PUBLIC_SERVER_URL: serverUrl,
    MUX_TIMEOUT_MS: '1500',
    MUX_MAX_RETRIES: '1',
    MUX_RETRY_BASE_MS: '40',
    MUX_RETRY_ATTEMPTS: '6',
    MUX_MAINTENANCE_CRON: 'false',
    MUX_RECONCILE_AFTER_SECONDS: '600',
    ...muxEnv,
    ...env,
  }
  const { payload, destroy } = databaseUrl
    ? await payloadOn(databaseUrl, harnessEnv)
    : await payloadFor(backend, harnessEnv, { cron: true })
  // Teardown drops the database WITH (FORCE): a pooled connection it kills must not surface as
  // an uncaught error of the test run.
  const pool = (payload.db as { pool?: { on(event: 'error', listener: () => void): void } }).pool
  pool?.on('error', () => undefined)
  const server = await servePayloadOverHttp(payload, { port })
  fake.configure({ webhookUrl: `${server.url}/api/mux/webhook` })

  const email = `editor-${port}@example.test`
  const password = 'correct horse battery'
  await payload.create({ collection: 'users', data: { email, password, roles: ['editor'] } })
  const login = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const { token } = (await login.json()) as { token: string }
  const editor = `JWT ${token}`

  const api: VideoHarness['api'] = (pathname, { as = editor, headers, ...init } = {}) =>
    fetch(`${server.url}${pathname}`, {
      ...init,
      headers: { ...(as ? { Authorization: as } : {}), ...(headers as Record<string, string>) },
    })

  const runJobs = async () => {
    for (let round = 0; round < 10; round += 1) {
      const result = await payload.jobs.run({ limit: 50, silent: true })
      if (result.noJobsRemaining) return
    }
  }

  const harness: VideoHarness = {
    payload,
    fake,
    server,
    spoolDir,
    publicKey: keys.publicKey,
    editor,
    api,
    uploadVideo: (title, file, fields = {}) => {
      const form = new FormData()
      form.append('_payload', JSON.stringify({ title, ...fields }))
      const blob =
        file instanceof Blob ? file : new Blob([new Uint8Array(file)], { type: 'video/mp4' })
      form.append('file', blob, `${title.replace(/\W+/g, '-')}.mp4`)
      return api('/api/videos', { method: 'POST', body: form })
    },
    async video(id) {
      const video = await videoRecordsOf('videos').find(payload, id)
      if (!video) throw new Error(`video ${id} not found`)
      return { ...video, muxSync: video.muxSync as MuxSync | null | undefined }
    },
    async settle(check, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        await runJobs()
        const result = await check()
        if (result) return result
        if (Date.now() > deadline) throw new Error(`not settled within ${timeoutMs} ms`)
        await new Promise((resolve) => setTimeout(resolve, 40))
      }
    },
    runJobs,
    async destroy() {
      await fake.stop()
      await server.close()
      await destroy()
      if (!sharedSpool) fs.rmSync(spoolDir, { recursive: true, force: true })
    },
  }
  return harness
}
