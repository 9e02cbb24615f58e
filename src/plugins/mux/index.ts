import type {
  CollectionConfig,
  CollectionSlug,
  Config,
  Field,
  Payload,
  PayloadRequest,
} from 'payload'

import { multipartSaveEndpoints } from './endpoints/multipartSaveEndpoints'
import { muxWebhookEndpoint } from './endpoints/muxWebhook'
import { trackEndpoints } from './endpoints/trackEndpoints'
import { videoEndpoints } from './endpoints/videoEndpoints'
import { muxVideoFields } from './fields'
import { acceptVideoSource } from './hooks/acceptVideoSource'
import { discardSpooledUpload } from './hooks/discardSpooledUpload'
import { queueVideoWork } from './hooks/queueVideoWork'
import { releaseMuxVideo } from './hooks/releaseMuxVideo'
import { queueMuxTask } from './jobs'
import { muxEventsCollection } from './muxEventsCollection'
import type { MuxVideoPluginOptions, PlaybackMember } from './options'
import { createMuxRuntime, type MuxRuntime } from './runtime'
import { muxTasks } from './tasks'
import { fillPlayback } from './titlePlayback'

export {
  muxVideoPluginSettingsFromEnv,
  type MuxAccessOptions,
  type MuxPlaybackOptions,
  type MuxVideoPluginOptions,
  type MuxVideoPluginSettings,
  type MuxVideoPluginWiring,
  type PlaybackMember,
} from './options'

export type { PlaybackInfo, TitlePlayback } from './titlePlayback'

const withMux = (
  runtime: MuxRuntime,
  collection: CollectionConfig,
  apiRoute: string,
  shouldRunJobs: (payload: Payload) => Promise<boolean>,
): CollectionConfig => {
  // A process that runs the queue starts the push at once instead of at the next tick.
  const startPushNow = async (req: PayloadRequest) => {
    if (!runtime.provider || !(await shouldRunJobs(req.payload))) return
    void req.payload.jobs
      .run({ where: { taskSlug: { equals: 'muxPushSource' } }, limit: 5 })
      .catch((error: unknown) =>
        req.payload.logger.error({ err: error }, 'Mux push failed to start'),
      )
  }
  const [title, ...rest] = collection.fields
  const upload = typeof collection.upload === 'object' ? collection.upload : {}
  return {
    ...collection,
    upload: {
      ...upload,
      adminThumbnail: ({ doc }) =>
        doc.status === 'ready'
          ? `${apiRoute}/${collection.slug}/${String(doc.id)}/thumbnail`
          : null,
    },
    fields: [title, ...muxVideoFields(runtime.options.access), ...rest],
    endpoints: [
      ...(collection.endpoints || []),
      ...multipartSaveEndpoints(runtime, startPushNow),
      ...trackEndpoints(runtime),
      ...videoEndpoints(runtime),
    ],
    hooks: {
      ...collection.hooks,
      beforeChange: [...(collection.hooks?.beforeChange ?? []), acceptVideoSource(runtime)],
      afterChange: [...(collection.hooks?.afterChange ?? []), queueVideoWork(runtime)],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), releaseMuxVideo(runtime)],
      afterError: [...(collection.hooks?.afterError ?? []), discardSpooledUpload(runtime)],
    },
  }
}

const withPlayback = (
  runtime: MuxRuntime,
  collection: CollectionConfig,
  relations: Partial<Record<PlaybackMember, string>>,
  playbackField: Field,
): CollectionConfig => ({
  ...collection,
  fields: [...collection.fields, playbackField],
  hooks: {
    ...collection.hooks,
    afterRead: [...(collection.hooks?.afterRead ?? []), fillPlayback(runtime, relations)],
  },
})

/**
 * Payload refuses multipart requests over 50 MiB unless told otherwise, whatever the file size
 * limit: a video may be as large as the file size limit allows (plus the form around it).
 */
const withRoomForVideos = (upload: Config['upload']): Config['upload'] => {
  if (!upload || upload.requestSizeLimit !== undefined) return upload
  const fileSize = upload.limits?.fileSize
  return { ...upload, requestSizeLimit: fileSize ? fileSize + 1024 * 1024 : Infinity }
}

/**
 * Mux as the video service of the app's videos collection (`videosCollection`), in the shape of
 * Payload's plugin-cloud-storage: a `VideoProvider` adapter (src/video) and hooks, endpoints and
 * jobs that close over it. Adds the Mux fields to the videos collection, the `mux-events`
 * collection, the `/api/mux/webhook` endpoint, the push / sync / release / track / policy /
 * maintenance tasks, and a virtual `playback` group on the collections `playback` names. It
 * takes everything it needs from the app through its options (access, playback gate, slugs).
 * Without credentials everything stays in place and videos wait.
 */
export const muxVideoPlugin =
  (options: MuxVideoPluginOptions) =>
  (config: Config): Config => {
    const runtime = createMuxRuntime(options)
    const shouldRunJobs = async (payload: Payload) =>
      Boolean(config.jobs?.autoRun) &&
      (config.jobs?.shouldAutoRun ? await config.jobs.shouldAutoRun(payload) : true)
    const apiRoute = config.routes?.api ?? '/api'
    const playbackField = options.playback.field(config.db?.defaultIDType ?? 'number')
    const collections = (config.collections ?? []).map((collection) => {
      if (collection.slug === options.videosCollection) {
        return withMux(runtime, collection, apiRoute, shouldRunJobs)
      }
      const relations = options.playback.collections[collection.slug as CollectionSlug]
      return relations ? withPlayback(runtime, collection, relations, playbackField) : collection
    })
    return {
      ...config,
      upload: withRoomForVideos(config.upload),
      collections: [...collections, muxEventsCollection(options.access)],
      endpoints: [...(config.endpoints ?? []), muxWebhookEndpoint(runtime)],
      jobs: {
        ...config.jobs,
        enableConcurrencyControl: true,
        tasks: [...(config.jobs?.tasks ?? []), ...muxTasks(runtime, shouldRunJobs)],
      },
      onInit: async (payload) => {
        await config.onInit?.(payload)
        if (!runtime.options.mux) {
          payload.logger.warn(
            'Mux is not configured (MUX_TOKEN_ID, MUX_TOKEN_SECRET): videos wait as pending.',
          )
        } else if (runtime.options.mux.missing.length) {
          payload.logger.warn(`Mux: not set: ${runtime.options.mux.missing.join(', ')}`)
        }
        // The process that runs the queue catches up at start: sources that waited for
        // credentials, stuck videos, events that waited for their video.
        if (await shouldRunJobs(payload)) await queueMuxTask(payload, 'muxMaintain', {})
      },
    }
  }
