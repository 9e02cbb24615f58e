import { createPrivateKey, type KeyObject } from 'node:crypto'

import { SignJWT } from 'jose'

import type { PlaybackIdEntry, PlaybackPolicy } from './types'

/** Mux token audiences: video, thumbnail, storyboard, animated gif. */
export type PlaybackAudience = 'v' | 't' | 's' | 'g'

export type ThumbnailParams = Record<string, string | number>

export interface PlaybackTokens {
  video: string
  thumbnail: string
  storyboard: string
}

export interface PlaybackUrls {
  hls: string
  thumbnail: string
  storyboard: string
}

/** Where streams and images are served: Mux's hosts, or another origin (the local fake). */
export interface PlaybackBaseUrls {
  stream: string
  image: string
}

export const muxPlaybackBaseUrls: PlaybackBaseUrls = {
  stream: 'https://stream.mux.com',
  image: 'https://image.mux.com',
}

/**
 * The playback id a player may use for a video with this policy. A signed video never falls
 * back to a public id, and a public video never needs a token.
 */
export const playbackIdFor = (
  policy: PlaybackPolicy,
  playbackIds: readonly PlaybackIdEntry[],
): string | null => playbackIds.find((entry) => entry.policy === policy)?.playbackId ?? null

const withQuery = (url: string, query: Record<string, string | number | undefined>): string => {
  const entries = Object.entries(query).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined,
  )
  if (!entries.length) return url
  return `${url}?${new URLSearchParams(entries.map(([key, value]) => [key, String(value)]))}`
}

/**
 * Stream and image URLs. Signed ids need one token per audience (see `signPlaybackTokens`);
 * for them thumbnail params must be inside the thumbnail token, so `thumbnail` is ignored.
 */
export const playbackUrls = ({
  playbackId,
  policy,
  tokens,
  thumbnail = {},
  bases = muxPlaybackBaseUrls,
}: {
  playbackId: string
  policy: PlaybackPolicy
  tokens?: PlaybackTokens
  thumbnail?: ThumbnailParams
  bases?: PlaybackBaseUrls
}): PlaybackUrls => {
  const id = encodeURIComponent(playbackId)
  if (policy === 'signed' && !tokens) {
    throw new Error('A signed playback id needs video, thumbnail and storyboard tokens.')
  }
  const signed = policy === 'signed' ? tokens : undefined
  return {
    hls: withQuery(`${bases.stream}/${id}.m3u8`, { token: signed?.video }),
    thumbnail: withQuery(
      `${bases.image}/${id}/thumbnail.webp`,
      signed ? { token: signed.thumbnail } : thumbnail,
    ),
    storyboard: withQuery(`${bases.image}/${id}/storyboard.vtt`, {
      token: signed?.storyboard,
    }),
  }
}

export interface PlaybackSigningKey {
  keyId: string
  /** As Mux hands it out: the PEM, base64-encoded. A raw PEM is accepted too. */
  privateKeyBase64: string
}

const keyCache = new Map<string, KeyObject>()

const privateKeyOf = (encoded: string): KeyObject => {
  const cached = keyCache.get(encoded)
  if (cached) return cached
  const pem = encoded.includes('-----BEGIN')
    ? encoded
    : Buffer.from(encoded, 'base64').toString('utf8')
  // createPrivateKey reads both PKCS#1 (what Mux issues) and PKCS#8.
  const key = createPrivateKey(pem)
  keyCache.set(encoded, key)
  return key
}

/** An RS256 playback token as Mux documents it: sub, aud, exp and kid (claim and header). */
export const signPlayback = async ({
  playbackId,
  keyId,
  privateKeyBase64,
  expiresInSeconds,
  audience,
  params = {},
}: PlaybackSigningKey & {
  playbackId: string
  expiresInSeconds: number
  audience: PlaybackAudience
  params?: ThumbnailParams
}): Promise<string> => {
  if (!(expiresInSeconds > 0)) throw new Error('expiresInSeconds must be positive.')
  const expiresAt = Math.floor(Date.now() / 1000) + Math.ceil(expiresInSeconds)
  return new SignJWT({ ...params, kid: keyId })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: keyId })
    .setSubject(playbackId)
    .setAudience(audience)
    .setExpirationTime(expiresAt)
    .sign(privateKeyOf(privateKeyBase64))
}

/** The three tokens a signed player needs; thumbnail params are signed into the `t` token. */
export const signPlaybackTokens = async ({
  thumbnail,
  ...options
}: PlaybackSigningKey & {
  playbackId: string
  expiresInSeconds: number
  thumbnail?: ThumbnailParams
}): Promise<PlaybackTokens> => {
  const [video, thumbnailToken, storyboard] = await Promise.all([
    signPlayback({ ...options, audience: 'v' }),
    signPlayback({ ...options, audience: 't', params: thumbnail }),
    signPlayback({ ...options, audience: 's' }),
  ])
  return { video, thumbnail: thumbnailToken, storyboard }
}
