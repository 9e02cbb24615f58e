import type { CollectionConfig, Config, Field, Payload, PayloadRequest } from 'payload'

import { acceptVideoSource } from '../../../hooks/videos/acceptVideoSource'
import { discardSpooledUpload } from '../../../hooks/videos/discardSpooledUpload'
import { queueVideoWork } from '../../../hooks/videos/queueVideoWork'
import { releaseMuxVideo } from '../../../hooks/videos/releaseMuxVideo'
import { fastUploadEndpoints } from './endpoints/fastUploadEndpoints'
import { muxWebhookEndpoint } from './endpoints/muxWebhook'
import { trackEndpoints } from './endpoints/trackEndpoints'
import { videoEndpoints } from './endpoints/videoEndpoints'
import { queueMuxTask } from './jobs'
import { MuxEvents } from './muxEventsCollection'
import type { MuxVideoPluginOptions } from './options'
import {
  contractTypeNames,
  type IdFieldType,
  type PlaybackRelation,
  titlePlaybackFields,
} from '../../contract/titleContract'
import { nullableGroup } from '../../fields/nullableGroup'
import { fillPlayback } from './playback'
import { createMuxRuntime, type MuxRuntime } from './runtime'
import { muxTasks } from './tasks'
import { videosSlug } from './videoRecords'

export { muxVideoPluginOptionsFromEnv, type MuxVideoPluginOptions } from './options'
export type { PlaybackInfo, TitlePlayback } from './playback'

/** Which relationships of which titles point at videos a player may need. */
const playbackRelationsOf: Record<string, readonly PlaybackRelation[]> = {
  films: ['video', 'trailer'],
  series: ['trailer'],
  episodes: ['video'],
}

const playbackField = (idType: IdFieldType): Field => ({
  name: 'playback',
  type: 'group',
  virtual: true,
  interfaceName: contractTypeNames.titlePlayback,
  admin: { hidden: true, readOnly: true },
  typescriptSchema: [nullableGroup],
  fields: titlePlaybackFields(idType),
})

const panelField: Field = {
  name: 'muxPanel',
  type: 'ui',
  admin: { components: { Field: '/src/admin/video/VideoMuxPanel#VideoMuxPanel' } },
}

/** The status shows live (list cell and sidebar), not as the form loaded it. */
const withLiveStatus = (field: Field): Field =>
  field.type === 'select' && field.name === 'status'
    ? {
        ...field,
        admin: {
          ...field.admin,
          components: {
            Cell: '/src/admin/video/VideoStatusCell#VideoStatusCell',
            Field: '/src/admin/video/VideoStatusField#VideoStatusField',
          },
        },
      }
    : field

const withMux = (
  runtime: MuxRuntime,
  collection: CollectionConfig,
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
  return {
    ...collection,
    fields: [title, panelField, ...rest].map(withLiveStatus),
    endpoints: [
      ...(collection.endpoints || []),
      ...fastUploadEndpoints(runtime, startPushNow),
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
  idType: IdFieldType,
): CollectionConfig => {
  const relations = playbackRelationsOf[collection.slug]
  if (!relations) return collection
  return {
    ...collection,
    fields: [...collection.fields, playbackField(idType)],
    hooks: {
      ...collection.hooks,
      afterRead: [...(collection.hooks?.afterRead ?? []), fillPlayback(runtime, relations)],
    },
  }
}

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
 * Mux as the video service of the `videos` collection, in the shape of Payload's
 * plugin-cloud-storage: a `VideoProvider` adapter (src/video) and hooks, endpoints and jobs
 * that close over it. Adds the `mux-events` collection, the `/api/mux/webhook` endpoint, the
 * push / sync / release / track / policy / maintenance tasks, and a virtual `playback` field
 * on films, series and episodes. Without credentials everything stays in place and videos wait.
 */
export const muxVideoPlugin =
  (options: MuxVideoPluginOptions) =>
  (config: Config): Config => {
    const runtime = createMuxRuntime(options)
    const shouldRunJobs = async (payload: Payload) =>
      Boolean(config.jobs?.autoRun) &&
      (config.jobs?.shouldAutoRun ? await config.jobs.shouldAutoRun(payload) : true)
    const collections = (config.collections ?? []).map((collection) =>
      collection.slug === videosSlug
        ? withMux(runtime, collection, shouldRunJobs)
        : withPlayback(runtime, collection, config.db?.defaultIDType ?? 'number'),
    )
    return {
      ...config,
      upload: withRoomForVideos(config.upload),
      collections: [...collections, MuxEvents],
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
