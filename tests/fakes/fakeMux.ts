import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

import { ApiFailures, parseFailureRule, type ApiFailureRule } from './fakeMuxFailures'
import {
  errorResponse,
  FakeHttpError,
  notFound,
  readJsonBody,
  send,
  TimerSet,
  type FakeResponse,
} from './fakeMuxHttp'
import { FakeMuxMedia, type FakeMuxMediaOptions } from './fakeMuxMedia'
import { FakeMuxStore, type FakeAsset, type FakeUpload } from './fakeMuxStore'
import { receiveUpload } from './fakeMuxUploads'
import {
  parseWebhookRule,
  WebhookDispatcher,
  type FakeEventRecord,
  type WebhookRule,
} from './fakeMuxWebhooks'

export type { ApiFailureRule } from './fakeMuxFailures'
export type { FakeEventRecord, WebhookRule } from './fakeMuxWebhooks'
export type { FakeAsset, FakeTrack, FakeUpload } from './fakeMuxStore'

export interface FakeMuxOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  host?: string
  /** When both are set, API calls must carry them as HTTP Basic auth, like Mux. */
  tokenId?: string
  tokenSecret?: string
  webhookUrl?: string | null
  webhookSecret?: string | null
  /** How long assets and tracks stay `preparing`. */
  readyDelayMs?: number
  /** With false, assets stay `preparing` until `markAssetReady`. */
  autoReady?: boolean
  /** An input URL or uploaded file containing this string makes the asset (or track) error. */
  errorMarker?: string
  /** SHA-256 of every upload in `uploadDigests` (default true). */
  digestUploads?: boolean
  webhookMaxAttempts?: number
  webhookRetryBaseMs?: number
  /**
   * Real media with ffmpeg: uploads and URL inputs are encoded into HLS, a thumbnail and a
   * storyboard, served at `/{playbackId}.m3u8` and `/{playbackId}/thumbnail.jpg` ... (see
   * fakeMuxMedia.ts). Without ffmpeg it says so once and assets play nothing, as without it.
   */
  media?: FakeMuxMediaOptions
}

export interface FakeMuxConfig {
  webhookUrl: string | null
  webhookSecret: string | null
  readyDelayMs: number
  autoReady: boolean
}

export interface FakeRequestRecord {
  method: string
  path: string
  outcome: number | 'hang' | 'reset'
}

export interface FakeMux {
  url: string
  port: number
  /** Null unless `media` was asked for and ffmpeg was found. */
  media: FakeMuxMedia | null
  stop(): Promise<void>
  /** Adds API failure rules (see `ApiFailureRule`); `clearFailures` removes those left. */
  setFailures(rules: ApiFailureRule | ApiFailureRule[]): void
  clearFailures(): void
  /** Adds webhook chaos rules (see `WebhookRule`). */
  setWebhookRules(rules: WebhookRule | WebhookRule[]): void
  clearWebhookRules(): void
  holdWebhooks(): void
  releaseWebhooks(order?: 'fifo' | 'reverse'): void
  redeliver(eventId: string): boolean
  markAssetReady(assetId: string): FakeAsset
  markAssetErrored(assetId: string, errors?: { type: string; messages: string[] }): FakeAsset
  configure(config: Partial<FakeMuxConfig>): void
  reset(): void
  /** Polls until `check` returns something truthy. */
  waitFor<T>(check: () => T | null | undefined | false, timeoutMs?: number): Promise<T>
  readonly config: FakeMuxConfig
  readonly assets: ReadonlyMap<string, FakeAsset>
  readonly uploads: ReadonlyMap<string, FakeUpload>
  readonly uploadedBytes: ReadonlyMap<string, number>
  /** SHA-256 (hex) of each completed upload's bytes. */
  readonly uploadDigests: ReadonlyMap<string, string>
  readonly events: readonly FakeEventRecord[]
  readonly requests: readonly FakeRequestRecord[]
}

type Route = (
  match: string[],
  body: () => Promise<Record<string, unknown>>,
) => Promise<FakeResponse> | FakeResponse

type ControlRoute = (match: string[], body: Record<string, unknown>) => unknown

/** A control body is one rule or `{ rules: [...] }`. */
const rulesIn = <T>(body: Record<string, unknown>, parse: (input: unknown) => T): T[] =>
  (Array.isArray(body.rules) ? body.rules : [body]).map(parse)

const configIn = (body: Record<string, unknown>): Partial<FakeMuxConfig> => {
  const changes: Partial<FakeMuxConfig> = {}
  if (typeof body.webhookUrl === 'string' || body.webhookUrl === null)
    changes.webhookUrl = body.webhookUrl
  if (typeof body.webhookSecret === 'string' || body.webhookSecret === null) {
    changes.webhookSecret = body.webhookSecret
  }
  if (typeof body.readyDelayMs === 'number') changes.readyDelayMs = body.readyDelayMs
  if (typeof body.autoReady === 'boolean') changes.autoReady = body.autoReady
  return changes
}

const errorsIn = (body: Record<string, unknown>) =>
  typeof body.type === 'string'
    ? {
        type: body.type,
        messages: Array.isArray(body.messages)
          ? body.messages.map(String)
          : [`Injected ${body.type}`],
      }
    : undefined

const ok = (data: unknown, status = 200): FakeResponse => ({ status, body: { data } })
const noContent: FakeResponse = { status: 204 }

const pageOf = <T>(items: T[], query: URLSearchParams) => {
  const limit = Math.min(Math.max(Number(query.get('limit') ?? 25) || 25, 1), 100)
  const cursor = query.get('cursor')
  const page = Math.max(Number(query.get('page') ?? 1) || 1, 1)
  const start = cursor
    ? Number(Buffer.from(cursor, 'base64url').toString()) || 0
    : (page - 1) * limit
  const data = items.slice(start, start + limit)
  const next =
    start + limit < items.length ? Buffer.from(String(start + limit)).toString('base64url') : null
  return { data, next_cursor: next }
}

const isAuthorized = (req: IncomingMessage, options: FakeMuxOptions) => {
  const header = req.headers.authorization ?? ''
  if (!header.startsWith('Basic ')) return false
  if (!options.tokenId || !options.tokenSecret) return true
  const expected = Buffer.from(`${options.tokenId}:${options.tokenSecret}`).toString('base64')
  return header.slice('Basic '.length) === expected
}

export const startFakeMux = async (options: FakeMuxOptions = {}): Promise<FakeMux> => {
  const timers = new TimerSet()
  const config: FakeMuxConfig = {
    webhookUrl: options.webhookUrl ?? null,
    webhookSecret: options.webhookSecret ?? null,
    readyDelayMs: options.readyDelayMs ?? 200,
    autoReady: options.autoReady ?? true,
  }
  const requests: FakeRequestRecord[] = []
  const failures = new ApiFailures()
  const sockets = new Set<Socket>()
  let baseUrl = ''

  const webhooks = new WebhookDispatcher({
    url: () => config.webhookUrl,
    secret: () => config.webhookSecret,
    maxAttempts: options.webhookMaxAttempts ?? 5,
    retryBaseMs: options.webhookRetryBaseMs ?? 100,
    timers,
  })
  const media = options.media ? FakeMuxMedia.create(options.media) : null
  const store = new FakeMuxStore({
    media,
    uploadUrl: (uploadId) => `${baseUrl}/upload/${uploadId}`,
    readyDelayMs: () => config.readyDelayMs,
    autoReady: () => config.autoReady,
    errorMarker: options.errorMarker ?? 'mux-fake-error',
    digestUploads: options.digestUploads ?? true,
    timers,
    publish: (type, object, data) => webhooks.publish(type, object, data),
  })

  const apiRoutes: Array<[string, RegExp, Route]> = [
    [
      'POST',
      /^\/video\/v1\/uploads$/,
      async (_, body) => ok(store.createUpload(await body()), 201),
    ],
    ['GET', /^\/video\/v1\/uploads\/([^/]+)$/, ([id]) => ok(store.upload(id))],
    ['PUT', /^\/video\/v1\/uploads\/([^/]+)\/cancel$/, ([id]) => ok(store.cancelUpload(id))],
    ['POST', /^\/video\/v1\/assets$/, async (_, body) => ok(store.createAsset(await body()), 201)],
    ['GET', /^\/video\/v1\/assets\/([^/]+)$/, ([id]) => ok(store.asset(id))],
    [
      'PATCH',
      /^\/video\/v1\/assets\/([^/]+)$/,
      async ([id], body) => ok(store.updateAsset(id, await body())),
    ],
    ['DELETE', /^\/video\/v1\/assets\/([^/]+)$/, ([id]) => (store.deleteAsset(id), noContent)],
    [
      'POST',
      /^\/video\/v1\/assets\/([^/]+)\/playback-ids$/,
      async ([id], body) => ok(store.createPlaybackId(id, await body()), 201),
    ],
    [
      'GET',
      /^\/video\/v1\/assets\/([^/]+)\/playback-ids\/([^/]+)$/,
      ([id, pid]) => ok(store.playbackId(id, pid)),
    ],
    [
      'DELETE',
      /^\/video\/v1\/assets\/([^/]+)\/playback-ids\/([^/]+)$/,
      ([id, pid]) => (store.deletePlaybackId(id, pid), noContent),
    ],
    ['GET', /^\/video\/v1\/playback-ids\/([^/]+)$/, ([pid]) => ok(store.findPlaybackId(pid))],
    [
      'POST',
      /^\/video\/v1\/assets\/([^/]+)\/tracks$/,
      async ([id], body) => ok(store.createTrack(id, await body()), 201),
    ],
    [
      'DELETE',
      /^\/video\/v1\/assets\/([^/]+)\/tracks\/([^/]+)$/,
      ([id, trackId]) => (store.deleteTrack(id, trackId), noContent),
    ],
    [
      'POST',
      /^\/video\/v1\/assets\/([^/]+)\/tracks\/([^/]+)\/generate-subtitles$/,
      async ([id, trackId], body) => ok(store.generateSubtitles(id, trackId, await body()), 201),
    ],
  ]

  const listRoutes = (path: string, query: URLSearchParams): FakeResponse | null => {
    if (path === '/video/v1/assets') {
      return {
        status: 200,
        body: pageOf(store.listAssets({ uploadId: query.get('upload_id') ?? undefined }), query),
      }
    }
    if (path === '/video/v1/uploads') {
      const { data } = pageOf([...store.uploads.values()].reverse(), query)
      return ok(data)
    }
    return null
  }

  const answerApi = async (
    req: IncomingMessage,
    path: string,
    query: URLSearchParams,
  ): Promise<FakeResponse> => {
    if (!isAuthorized(req, options))
      return errorResponse(401, 'unauthorized', 'Unauthorized request')
    const method = req.method ?? 'GET'
    if (method === 'GET') {
      const listed = listRoutes(path, query)
      if (listed) return listed
    }
    for (const [routeMethod, pattern, route] of apiRoutes) {
      const match = pattern.exec(path)
      if (match && routeMethod === method)
        return route(match.slice(1).map(decodeURIComponent), () => readJsonBody(req))
    }
    throw notFound('Route')
  }

  const failureResponse = (rule: ApiFailureRule): FakeResponse => {
    const status = rule.status ?? 500
    const response = errorResponse(
      status,
      status === 429 ? 'too_many_requests' : 'internal_error',
      `Injected ${status}`,
    )
    return status === 429
      ? { ...response, headers: { 'retry-after': String(rule.retryAfterSeconds ?? 1) } }
      : response
  }

  const handleApi = async (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
  ) => {
    const record: FakeRequestRecord = { method: req.method ?? 'GET', path, outcome: 0 }
    requests.push(record)
    const failure = failures.take(record.method, path)
    if (failure?.mode === 'reset') {
      record.outcome = 'reset'
      req.socket.destroy()
      return
    }
    if (failure?.mode === 'hang') {
      record.outcome = 'hang'
      // Carried out but never answered: the client times out and may do it again.
      if (failure.commit) await answerApi(req, path, query).catch(() => undefined)
      else req.resume()
      return
    }
    const delayed = failure?.mode === 'delay'
    const response =
      failure && !delayed
        ? failureResponse(failure)
        : await answerApi(req, path, query).catch(asErrorResponse)
    record.outcome = response.status
    if (delayed) await new Promise((resolve) => setTimeout(resolve, failure.delayMs ?? 500))
    send(res, response)
  }

  const controlRoutes: Array<[string, RegExp, ControlRoute]> = [
    ['GET', /^\/_fake\/state$/, () => snapshot()],
    // Whether assets get real media (the demo seed asks before it adds videos).
    [
      'GET',
      /^\/_fake\/media$/,
      () => ({ enabled: media !== null, ffmpeg: media?.tools.version ?? null }),
    ],
    // A light view for pollers: each upload and how many bytes it holds.
    [
      'GET',
      /^\/_fake\/uploads$/,
      () =>
        [...store.uploads.values()].map((upload) => ({
          id: upload.id,
          status: upload.status,
          passthrough: upload.new_asset_settings?.passthrough ?? null,
          bytesReceived: store.uploadedBytes.get(upload.id) ?? 0,
        })),
    ],
    ['POST', /^\/_fake\/reset$/, () => fake.reset()],
    ['GET', /^\/_fake\/config$/, () => config],
    ['PATCH', /^\/_fake\/config$/, (_, body) => (fake.configure(configIn(body)), config)],
    [
      'POST',
      /^\/_fake\/failures$/,
      (_, body) => (failures.add(rulesIn(body, parseFailureRule)), failures.pending()),
    ],
    ['DELETE', /^\/_fake\/failures$/, () => failures.clear()],
    [
      'POST',
      /^\/_fake\/webhooks\/rules$/,
      (_, body) => (webhooks.addRules(rulesIn(body, parseWebhookRule)), webhooks.pendingRules()),
    ],
    ['DELETE', /^\/_fake\/webhooks\/rules$/, () => webhooks.clearRules()],
    ['POST', /^\/_fake\/webhooks\/hold$/, () => webhooks.hold()],
    [
      'POST',
      /^\/_fake\/webhooks\/release$/,
      (_, body) => webhooks.release(body.order === 'reverse' ? 'reverse' : 'fifo'),
    ],
    [
      'POST',
      /^\/_fake\/webhooks\/redeliver\/([^/]+)$/,
      ([eventId]) => {
        if (!webhooks.redeliver(eventId)) throw notFound('Event')
      },
    ],
    ['POST', /^\/_fake\/assets\/([^/]+)\/ready$/, ([id]) => store.markAssetReady(id)],
    [
      'POST',
      /^\/_fake\/assets\/([^/]+)\/errored$/,
      ([id], body) => store.markAssetErrored(id, errorsIn(body)),
    ],
    [
      'POST',
      /^\/_fake\/uploads\/([^/]+)\/timeout$/,
      ([id]) => (store.timeOutUpload(id), store.upload(id)),
    ],
  ]

  const handleControl = async (req: IncomingMessage, path: string): Promise<FakeResponse> => {
    const method = req.method ?? 'GET'
    for (const [routeMethod, pattern, route] of controlRoutes) {
      const match = pattern.exec(path)
      if (!match || routeMethod !== method) continue
      const body = method === 'GET' ? {} : await readJsonBody(req)
      const result = route(match.slice(1).map(decodeURIComponent), body)
      return result === undefined ? noContent : { status: 200, body: result }
    }
    throw notFound('Control endpoint')
  }

  const snapshot = () => ({
    config,
    assets: [...store.assets.values()],
    uploads: [...store.uploads.values()].map((upload) => ({
      ...upload,
      bytesReceived: store.uploadedBytes.get(upload.id) ?? 0,
    })),
    events: webhooks.records.map(({ event, state, deliveries }) => ({
      id: event.id,
      type: event.type,
      objectId: event.object.id,
      createdAt: event.created_at,
      state,
      deliveries: deliveries.map((attempt) => attempt.response_status_code),
    })),
    requests,
    failures: failures.pending(),
    webhookRules: webhooks.pendingRules(),
  })

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    const path = url.pathname
    const handled = path.startsWith('/upload/')
      ? receiveUpload(req, res, path.slice('/upload/'.length), store, failures)
      : media?.handles(path)
        ? media.answer(req, res, url)
        : path.startsWith('/_fake/')
          ? handleControl(req, path).then((response) => send(res, response))
          : handleApi(req, res, path, url.searchParams)
    handled.catch((error: unknown) => {
      if (!res.headersSent && !res.destroyed) send(res, asErrorResponse(error))
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}`

  const fake: FakeMux = {
    url: baseUrl,
    port,
    media,
    async stop() {
      timers.clear()
      webhooks.close()
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
    setFailures: (rules) => failures.add(Array.isArray(rules) ? rules : [rules]),
    clearFailures: () => failures.clear(),
    setWebhookRules: (rules) => webhooks.addRules(Array.isArray(rules) ? rules : [rules]),
    clearWebhookRules: () => webhooks.clearRules(),
    holdWebhooks: () => webhooks.hold(),
    releaseWebhooks: (order) => webhooks.release(order),
    redeliver: (eventId) => webhooks.redeliver(eventId),
    markAssetReady: (assetId) => store.markAssetReady(assetId),
    markAssetErrored: (assetId, errors) => store.markAssetErrored(assetId, errors),
    configure(changes) {
      Object.assign(config, changes)
    },
    reset() {
      timers.clear()
      store.reset()
      failures.clear()
      webhooks.reset()
      requests.length = 0
    },
    async waitFor(check, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const result = check()
        if (result) return result
        if (Date.now() > deadline)
          throw new Error(`fake Mux: condition not met within ${timeoutMs} ms`)
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    },
    config,
    assets: store.assets,
    uploads: store.uploads,
    uploadedBytes: store.uploadedBytes,
    uploadDigests: store.uploadDigests,
    events: webhooks.records,
    requests,
  }
  return fake
}

const asErrorResponse = (error: unknown): FakeResponse => {
  if (error instanceof FakeHttpError) return errorResponse(error.status, error.type, error.message)
  return errorResponse(
    500,
    'internal_error',
    error instanceof Error ? error.message : String(error),
  )
}
