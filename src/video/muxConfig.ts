import {
  muxPlaybackBaseUrls,
  type PlaybackBaseUrls,
  type PlaybackSigningKey,
} from './playbackSigning'

export interface MuxConfig {
  tokenId: string
  tokenSecret: string
  webhookSecret: string | null
  /** Needed to play signed videos; null when MUX_SIGNING_KEY or MUX_PRIVATE_KEY is missing. */
  signing: PlaybackSigningKey | null
  baseURL: string | null
  /** Stream and image origins of playback URLs (MUX_STREAM_BASE_URL, MUX_IMAGE_BASE_URL). */
  playbackBaseUrls: PlaybackBaseUrls
  /** Optional variables that are not set, for a start-up warning. */
  missing: string[]
}

type Env = Record<string, string | undefined>

const valueOf = (env: Env, name: string): string | null => env[name]?.trim() || null

const withoutTrailingSlash = (value: string | null): string | null =>
  value ? value.replace(/\/+$/, '') : null

/** Mux settings from the environment, or null without API credentials: the app runs without Mux. */
export const muxConfigFromEnv = (env: Env): MuxConfig | null => {
  const tokenId = valueOf(env, 'MUX_TOKEN_ID')
  const tokenSecret = valueOf(env, 'MUX_TOKEN_SECRET')
  if (!tokenId || !tokenSecret) return null
  const webhookSecret = valueOf(env, 'MUX_WEBHOOK_SECRET')
  const keyId = valueOf(env, 'MUX_SIGNING_KEY')
  const privateKeyBase64 = valueOf(env, 'MUX_PRIVATE_KEY')
  const optional = {
    MUX_WEBHOOK_SECRET: webhookSecret,
    MUX_SIGNING_KEY: keyId,
    MUX_PRIVATE_KEY: privateKeyBase64,
  }
  return {
    tokenId,
    tokenSecret,
    webhookSecret,
    signing: keyId && privateKeyBase64 ? { keyId, privateKeyBase64 } : null,
    baseURL: valueOf(env, 'MUX_BASE_URL'),
    playbackBaseUrls: {
      stream:
        withoutTrailingSlash(valueOf(env, 'MUX_STREAM_BASE_URL')) ?? muxPlaybackBaseUrls.stream,
      image: withoutTrailingSlash(valueOf(env, 'MUX_IMAGE_BASE_URL')) ?? muxPlaybackBaseUrls.image,
    },
    missing: Object.entries(optional)
      .filter(([, value]) => !value)
      .map(([name]) => name),
  }
}
