import { createPublicKey, type KeyObject } from 'node:crypto'
import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

import { jwtVerify, type JWTPayload } from 'jose'

import {
  encodeAsset,
  findFfmpeg,
  renderFrame,
  storyboardVtt,
  type EncodedAsset,
  type Ffmpeg,
} from './fakeMuxEncoder'

// What makes the fake's assets play: uploaded bytes kept on disk, encoded by ffmpeg into HLS,
// served with Mux's URL shapes (stream.mux.com's `/{playbackId}.m3u8`, image.mux.com's
// `/{playbackId}/thumbnail.jpg`, `/storyboard.vtt`), signed playback ids checked like Mux does.
// Everything lives under `dir` and survives a restart of the fake.

export interface FakeMuxMediaOptions {
  /** Sources, renditions and the playback id index. */
  dir: string
  /** Public keys of the playback signing keys, by key id (PEM, or base64 PEM as Mux hands out). */
  signingKeys?: Record<string, string>
  /** Heights of the renditions (those above the source's are left out). */
  renditionHeights?: number[]
  /** ffmpeg to use; found on PATH by default. */
  ffmpeg?: Ffmpeg | null
  log?: (line: string) => void
}

export interface PlaybackEntry {
  assetId: string
  policy: string
}

type Input = { file: string } | { url: string }

type Audience = 'v' | 't' | 's'

const publicKeyOf = (encoded: string): KeyObject =>
  createPublicKey(
    encoded.includes('-----BEGIN') ? encoded : Buffer.from(encoded, 'base64').toString('utf8'),
  )

const contentTypes: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.vtt': 'text/vtt; charset=utf-8',
}

const cors = { 'access-control-allow-origin': '*', 'timing-allow-origin': '*' }

const answerText = (res: ServerResponse, status: number, text: string, type = 'text/plain') => {
  res.writeHead(status, {
    ...cors,
    'content-type': type,
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

const answerFile = (res: ServerResponse, file: string) => {
  const { size } = fs.statSync(file)
  res.writeHead(200, {
    ...cors,
    'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': 'public, max-age=3600',
  })
  fs.createReadStream(file).pipe(res)
}

const withToken = (line: string, token: string | null) =>
  token ? `${line}${line.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}` : line

/** Playlist URIs (every line that is not a tag) with the token the playlist was asked with. */
const rewritePlaylist = (text: string, uri: (line: string) => string) =>
  text
    .split('\n')
    .map((line) => (line && !line.startsWith('#') ? uri(line.trim()) : line))
    .join('\n')

const playbackRoute =
  /^\/([A-Za-z0-9]{20,})(?:(\.m3u8)|\/rendition\/(r\d+)\/(index\.m3u8|segment\d+\.ts)|\/(thumbnail\.(?:jpg|png|webp)|storyboard\.(?:jpg|vtt)))$/

export class FakeMuxMedia {
  private readonly keys: Map<string, KeyObject>
  private readonly index: Map<string, PlaybackEntry>
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(
    private readonly options: FakeMuxMediaOptions,
    readonly tools: Ffmpeg,
  ) {
    fs.mkdirSync(path.join(options.dir, 'sources'), { recursive: true })
    fs.mkdirSync(path.join(options.dir, 'assets'), { recursive: true })
    this.keys = new Map(
      Object.entries(options.signingKeys ?? {}).map(([id, key]) => [id, publicKeyOf(key)]),
    )
    this.index = new Map(Object.entries(this.readIndex()))
  }

  /** Null (said once, in the log) when ffmpeg is not installed: assets then play nothing. */
  static create(options: FakeMuxMediaOptions): FakeMuxMedia | null {
    const tools = options.ffmpeg === undefined ? findFfmpeg() : options.ffmpeg
    if (!tools) {
      ;(options.log ?? console.warn)(
        'fake Mux: ffmpeg/ffprobe not found, so assets become ready without playable media ' +
          '(install ffmpeg for real HLS, thumbnails and storyboards).',
      )
      return null
    }
    return new FakeMuxMedia(options, tools)
  }

  get dir() {
    return this.options.dir
  }

  addSigningKey(keyId: string, publicKey: string) {
    this.keys.set(keyId, publicKeyOf(publicKey))
  }

  private sourcePath(uploadId: string) {
    return path.join(this.options.dir, 'sources', uploadId.replace(/[^A-Za-z0-9]/g, ''))
  }

  private assetDir(assetId: string) {
    return path.join(this.options.dir, 'assets', assetId.replace(/[^A-Za-z0-9]/g, ''))
  }

  private readIndex(): Record<string, PlaybackEntry> {
    try {
      return JSON.parse(
        fs.readFileSync(path.join(this.options.dir, 'playback-ids.json'), 'utf8'),
      ) as Record<string, PlaybackEntry>
    } catch {
      return {}
    }
  }

  private writeIndex() {
    const file = path.join(this.options.dir, 'playback-ids.json')
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(Object.fromEntries(this.index), null, 1))
    fs.renameSync(`${file}.tmp`, file)
  }

  /** Upload bytes, in order, as they arrive. */
  keepChunk(uploadId: string, chunk: Buffer) {
    fs.appendFileSync(this.sourcePath(uploadId), chunk)
  }

  uploadSource(uploadId: string): Input {
    return { file: this.sourcePath(uploadId) }
  }

  /** Encodes one asset at a time (the machine has few cores); the uploaded source is removed after. */
  prepare(assetId: string, input: Input): Promise<EncodedAsset> {
    const run = async () => {
      const outDir = this.assetDir(assetId)
      const source = 'file' in input ? input.file : input.url
      try {
        const encoded = await encodeAsset(this.tools, source, outDir, {
          heights: this.options.renditionHeights,
        })
        fs.writeFileSync(path.join(outDir, 'asset.json'), JSON.stringify(encoded))
        return encoded
      } finally {
        if ('file' in input) fs.rmSync(input.file, { force: true })
      }
    }
    const encoding = this.queue.then(run, run)
    this.queue = encoding.catch(() => undefined)
    return encoding
  }

  /** The asset's playback ids now: what `/{playbackId}...` serves. */
  publish(asset: { id: string; playback_ids: ReadonlyArray<{ id: string; policy: string }> }) {
    for (const [playbackId, entry] of this.index) {
      if (entry.assetId === asset.id) this.index.delete(playbackId)
    }
    for (const { id, policy } of asset.playback_ids)
      this.index.set(id, { assetId: asset.id, policy })
    this.writeIndex()
  }

  forget(assetId: string) {
    this.publish({ id: assetId, playback_ids: [] })
    fs.rmSync(this.assetDir(assetId), { recursive: true, force: true })
  }

  forgetUpload(uploadId: string) {
    fs.rmSync(this.sourcePath(uploadId), { force: true })
  }

  /** True when the request was a playback URL (answered here). */
  handles(path: string): boolean {
    return playbackRoute.test(path)
  }

  async answer(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const match = playbackRoute.exec(url.pathname)
    if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return answerText(res, 404, 'Not found')
    }
    const [, playbackId, master, rendition, renditionFile, imageFile] = match
    const entry = this.index.get(playbackId)
    if (!entry) return answerText(res, 404, 'Playback ID not found')
    const audience: Audience = imageFile?.startsWith('thumbnail')
      ? 't'
      : imageFile?.startsWith('storyboard')
        ? 's'
        : 'v'
    const token = url.searchParams.get('token')
    let claims: JWTPayload = {}
    if (entry.policy === 'signed') {
      const verified = token ? await this.verify(token, playbackId, audience) : null
      if (!verified) return answerText(res, 403, 'Invalid or missing playback token')
      claims = verified
    }
    const dir = this.assetDir(entry.assetId)
    const facts = this.encodedFacts(dir)
    if (!facts) return answerText(res, 412, 'The asset is not ready to play')
    const signedToken = entry.policy === 'signed' ? token : null

    if (master) {
      const text = fs.readFileSync(path.join(dir, 'master.m3u8'), 'utf8')
      const body = rewritePlaylist(text, (line) =>
        withToken(
          `${playbackId}/rendition/${line.replace(/\/index\.m3u8$/, '')}/index.m3u8`,
          signedToken,
        ),
      )
      return answerText(res, 200, body, contentTypes['.m3u8'])
    }
    if (rendition) {
      const file = path.join(dir, rendition, renditionFile)
      if (!fs.existsSync(file)) return answerText(res, 404, 'Not found')
      if (renditionFile.endsWith('.m3u8')) {
        const body = rewritePlaylist(fs.readFileSync(file, 'utf8'), (line) =>
          withToken(line, signedToken),
        )
        return answerText(res, 200, body, contentTypes['.m3u8'])
      }
      return answerFile(res, file)
    }
    if (imageFile === 'storyboard.jpg') return answerFile(res, path.join(dir, 'storyboard.jpg'))
    if (imageFile === 'storyboard.vtt') {
      const image = withToken(
        `http://${req.headers.host}/${playbackId}/storyboard.jpg`,
        signedToken,
      )
      return answerText(
        res,
        200,
        storyboardVtt(facts.storyboard, facts.duration, image),
        contentTypes['.vtt'],
      )
    }
    return answerFile(
      res,
      await this.thumbnail(
        dir,
        facts,
        imageFile,
        entry.policy === 'signed' ? claims : url.searchParams,
      ),
    )
  }

  private encodedFacts(dir: string): EncodedAsset | null {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, 'asset.json'), 'utf8')) as EncodedAsset
    } catch {
      return null
    }
  }

  /** Signed ids take `time` and `width` from the token's claims, public ones from the query. */
  private async thumbnail(
    dir: string,
    facts: EncodedAsset,
    file: string,
    params: JWTPayload | URLSearchParams,
  ): Promise<string> {
    const read = (name: string) => {
      const value = params instanceof URLSearchParams ? params.get(name) : params[name]
      const number = Number(value)
      return value !== null && value !== undefined && Number.isFinite(number) && number >= 0
        ? number
        : undefined
    }
    const time = Math.min(read('time') ?? facts.duration / 2, Math.max(0, facts.duration - 0.1))
    const width = read('width')
    const extension = path.extname(file)
    if (extension === '.jpg' && read('time') === undefined && width === undefined) {
      return path.join(dir, 'thumbnail.jpg')
    }
    const cached = path.join(dir, `thumbnail-${time.toFixed(2)}-${width ?? 'source'}${extension}`)
    if (!fs.existsSync(cached)) {
      await renderFrame(this.tools, path.join(dir, 'r0', 'index.m3u8'), cached, { time, width })
    }
    return cached
  }

  private async verify(
    token: string,
    playbackId: string,
    audience: Audience,
  ): Promise<JWTPayload | null> {
    try {
      const { payload } = await jwtVerify(
        token,
        (header) => {
          const key = header.kid ? this.keys.get(header.kid) : undefined
          if (!key) throw new Error(`Unknown signing key ${header.kid}`)
          return key
        },
        { algorithms: ['RS256'], audience, subject: playbackId },
      )
      return payload
    } catch {
      return null
    }
  }
}
