import { createMuxProvider, type PlaybackSigningKey, type VideoProvider } from '../../video'
import { KeyedLock } from './keyedLock'
import type { MuxVideoPluginOptions } from './options'
import { VideoSpool } from './spool'
import { videoRecordsOf, type VideoRecords } from './videoRecords'

/** What every hook, endpoint and task of the plugin closes over. */
export interface MuxRuntime {
  options: MuxVideoPluginOptions
  /** Null without Mux credentials: sources wait, and are pushed once credentials exist. */
  provider: VideoProvider | null
  signing: PlaybackSigningKey | null
  webhookSecret: string | null
  spool: VideoSpool
  locks: KeyedLock
  /** The videos collection the app gave the plugin. */
  videos: VideoRecords
}

export const createMuxRuntime = (options: MuxVideoPluginOptions): MuxRuntime => {
  const { mux } = options
  const provider =
    options.provider !== undefined
      ? options.provider
      : mux
        ? createMuxProvider({
            tokenId: mux.tokenId,
            tokenSecret: mux.tokenSecret,
            baseURL: mux.baseURL,
            timeoutMs: options.apiTimeoutMs,
            maxRetries: options.apiMaxRetries,
          })
        : null
  return {
    options,
    provider,
    signing: mux?.signing ?? null,
    webhookSecret: mux?.webhookSecret ?? null,
    spool: new VideoSpool(options.spoolDir),
    locks: new KeyedLock(),
    videos: videoRecordsOf(options.videosCollection),
  }
}

export const notConfiguredMessage =
  'Mux is not configured on this server (MUX_TOKEN_ID and MUX_TOKEN_SECRET): the video waits ' +
  'and is sent to Mux as soon as the credentials are set.'
