import { generateKeyPairSync } from 'node:crypto'

import { decodeProtectedHeader, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'

import {
  playbackIdFor,
  playbackUrls,
  signPlayback,
  signPlaybackTokens,
  type PlaybackIdEntry,
} from '../../../src/video'

// Mux hands out signing keys as a base64-encoded PKCS#1 PEM.
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
const muxStylePrivateKey = Buffer.from(
  privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
).toString('base64')
const signingKey = { keyId: 'key-123', privateKeyBase64: muxStylePrivateKey }

const nowSeconds = () => Math.floor(Date.now() / 1000)

describe('playbackIdFor', () => {
  const both: PlaybackIdEntry[] = [
    { playbackId: 'pub', policy: 'public' },
    { playbackId: 'sig', policy: 'signed' },
  ]

  it('gives a signed video its signed id, never the public one', () => {
    expect(playbackIdFor('signed', both)).toBe('sig')
    expect(playbackIdFor('signed', [{ playbackId: 'pub', policy: 'public' }])).toBeNull()
  })

  it('gives a public video its public id', () => {
    expect(playbackIdFor('public', both)).toBe('pub')
    expect(playbackIdFor('public', [{ playbackId: 'sig', policy: 'signed' }])).toBeNull()
  })
})

describe('playbackUrls', () => {
  it('builds public stream, thumbnail and storyboard URLs', () => {
    expect(
      playbackUrls({ playbackId: 'abc', policy: 'public', thumbnail: { time: 12, width: 640 } }),
    ).toEqual({
      hls: 'https://stream.mux.com/abc.m3u8',
      thumbnail: 'https://image.mux.com/abc/thumbnail.webp?time=12&width=640',
      storyboard: 'https://image.mux.com/abc/storyboard.vtt',
    })
  })

  it('puts each audience its own token and keeps thumbnail params out of signed URLs', () => {
    const urls = playbackUrls({
      playbackId: 'abc',
      policy: 'signed',
      tokens: { video: 'V.V.V', thumbnail: 'T.T.T', storyboard: 'S.S.S' },
      thumbnail: { time: 12 },
    })
    expect(urls).toEqual({
      hls: 'https://stream.mux.com/abc.m3u8?token=V.V.V',
      thumbnail: 'https://image.mux.com/abc/thumbnail.webp?token=T.T.T',
      storyboard: 'https://image.mux.com/abc/storyboard.vtt?token=S.S.S',
    })
  })

  it('serves from other stream and image origins, with the same paths and tokens', () => {
    expect(
      playbackUrls({
        playbackId: 'abc',
        policy: 'signed',
        tokens: { video: 'V.V.V', thumbnail: 'T.T.T', storyboard: 'S.S.S' },
        bases: { stream: 'http://127.0.0.1:4001', image: 'http://127.0.0.1:4001' },
      }),
    ).toEqual({
      hls: 'http://127.0.0.1:4001/abc.m3u8?token=V.V.V',
      thumbnail: 'http://127.0.0.1:4001/abc/thumbnail.webp?token=T.T.T',
      storyboard: 'http://127.0.0.1:4001/abc/storyboard.vtt?token=S.S.S',
    })
  })

  it('refuses to build unsigned URLs for a signed playback id', () => {
    expect(() => playbackUrls({ playbackId: 'abc', policy: 'signed' })).toThrow(/tokens/)
  })

  it('escapes the playback id', () => {
    expect(playbackUrls({ playbackId: 'a/b?', policy: 'public' }).hls).toBe(
      'https://stream.mux.com/a%2Fb%3F.m3u8',
    )
  })
})

describe('signPlayback', () => {
  it('signs an RS256 token that verifies with the public key and carries sub, aud, exp, kid', async () => {
    const before = nowSeconds()
    const token = await signPlayback({
      ...signingKey,
      playbackId: 'play-1',
      audience: 'v',
      expiresInSeconds: 3600,
    })
    const { payload, protectedHeader } = await jwtVerify(token, publicKey, {
      algorithms: ['RS256'],
      audience: 'v',
      subject: 'play-1',
    })
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: 'key-123' })
    expect(payload).toMatchObject({ sub: 'play-1', aud: 'v', kid: 'key-123' })
    expect(payload.exp).toBeGreaterThanOrEqual(before + 3600)
    expect(payload.exp).toBeLessThanOrEqual(nowSeconds() + 3600)
  })

  it('does not verify with another key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey
    const token = await signPlayback({
      ...signingKey,
      playbackId: 'p',
      audience: 'v',
      expiresInSeconds: 60,
    })
    await expect(jwtVerify(token, other)).rejects.toThrow(/signature/)
  })

  it('accepts a raw PKCS#8 PEM as well', async () => {
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const token = await signPlayback({
      keyId: 'k',
      privateKeyBase64: pem,
      playbackId: 'p',
      audience: 's',
      expiresInSeconds: 60,
    })
    expect((await jwtVerify(token, publicKey, { audience: 's' })).payload.sub).toBe('p')
  })

  it('rejects a non-positive lifetime', async () => {
    await expect(
      signPlayback({ ...signingKey, playbackId: 'p', audience: 'v', expiresInSeconds: 0 }),
    ).rejects.toThrow(/positive/)
  })
})

describe('signPlaybackTokens', () => {
  it('signs one token per audience and puts thumbnail params in the thumbnail token only', async () => {
    const tokens = await signPlaybackTokens({
      ...signingKey,
      playbackId: 'play-1',
      expiresInSeconds: 600,
      thumbnail: { time: 7, width: 320 },
    })
    const claims = async (token: string, audience: string) =>
      (await jwtVerify(token, publicKey, { audience, subject: 'play-1' })).payload
    expect(await claims(tokens.video, 'v')).not.toHaveProperty('time')
    expect(await claims(tokens.thumbnail, 't')).toMatchObject({ time: 7, width: 320 })
    expect(await claims(tokens.storyboard, 's')).not.toHaveProperty('width')
    expect(decodeProtectedHeader(tokens.thumbnail).kid).toBe('key-123')
  })
})
