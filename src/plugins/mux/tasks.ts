import type { Payload, TaskConfig } from 'payload'

import { concurrencyKeyOf, type MuxTaskInputs, type MuxTaskSlug } from './jobs'
import { maintainMuxVideos } from './maintenance'
import { pushVideoSource } from './pushSource'
import type { MuxRuntime } from './runtime'
import { syncPlaybackPolicy, syncVideoFromMux } from './syncFromMux'
import { addTextTrack, TrackRequestError } from './textTracks'

type Task<Slug extends keyof MuxTaskInputs> = TaskConfig<{
  input: MuxTaskInputs[Slug]
  output: { result: string }
}>

const videoIdField = { name: 'videoId', type: 'text', required: true } as const

const retriesOf = (runtime: MuxRuntime) => ({
  attempts: runtime.options.retryAttempts,
  backoff: { type: 'exponential' as const, delay: runtime.options.retryBaseMs },
})

const exclusive = <Slug extends MuxTaskSlug>(task: Slug) => ({
  key: ({ input }: { input: MuxTaskInputs[Slug] }) => concurrencyKeyOf(task, input) ?? task,
  exclusive: true,
})

/**
 * @param shouldRunJobs Whether this process runs the queue: only such a process schedules the
 *   maintenance task (Payload schedules on every process that has crons otherwise).
 */
export const muxTasks = (
  runtime: MuxRuntime,
  shouldRunJobs: (payload: Payload) => boolean | Promise<boolean>,
): TaskConfig[] => {
  const push: Task<'muxPushSource'> = {
    slug: 'muxPushSource',
    label: 'Send a video to Mux',
    inputSchema: [videoIdField, { name: 'nonce', type: 'text', required: true }],
    retries: retriesOf(runtime),
    concurrency: exclusive('muxPushSource'),
    handler: async ({ input, job, req }) => ({
      output: { result: await pushVideoSource(runtime, req, input, job.totalTried ?? 0) },
    }),
  }
  const sync: Task<'muxSyncVideo'> = {
    slug: 'muxSyncVideo',
    label: 'Read a video back from Mux',
    inputSchema: [videoIdField],
    retries: retriesOf(runtime),
    concurrency: exclusive('muxSyncVideo'),
    handler: async ({ input, req }) => ({
      output: { result: await syncVideoFromMux(runtime, req, input.videoId) },
    }),
  }
  const release: Task<'muxRelease'> = {
    slug: 'muxRelease',
    label: 'Delete an asset or cancel an upload at Mux',
    inputSchema: [
      { name: 'kind', type: 'select', options: ['asset', 'upload'], required: true },
      { name: 'muxId', type: 'text', required: true },
      { name: 'reason', type: 'text' },
    ],
    retries: retriesOf(runtime),
    concurrency: exclusive('muxRelease'),
    handler: async ({ input }) => {
      const { provider } = runtime
      if (!provider) throw new Error('Mux is not configured; the release waits for credentials.')
      if (input.kind === 'asset') await provider.deleteAsset(input.muxId)
      // Cancelled if it still waits; an asset it already made is deleted with it.
      else await provider.deleteUpload(input.muxId)
      return { output: { result: 'released' } }
    },
  }
  const addTrack: Task<'muxAddTrack'> = {
    slug: 'muxAddTrack',
    label: 'Add a text track at Mux',
    inputSchema: [videoIdField, { name: 'track', type: 'json', required: true }],
    retries: retriesOf(runtime),
    handler: async ({ input, req }) => {
      try {
        return { output: { result: await addTextTrack(runtime, req, input) } }
      } catch (error) {
        if (error instanceof TrackRequestError) return { output: { result: error.message } }
        throw error
      }
    },
  }
  const policy: Task<'muxSyncPlaybackPolicy'> = {
    slug: 'muxSyncPlaybackPolicy',
    label: 'Align playback ids with the playback policy',
    inputSchema: [videoIdField],
    retries: retriesOf(runtime),
    concurrency: exclusive('muxSyncPlaybackPolicy'),
    handler: async ({ input, req }) => ({
      output: { result: await syncPlaybackPolicy(runtime, req, input.videoId) },
    }),
  }
  const maintain: Task<'muxMaintain'> = {
    slug: 'muxMaintain',
    label: 'Mux safety net (requeue, reconcile, sweep)',
    ...(runtime.options.maintenanceCron
      ? {
          schedule: [
            {
              cron: runtime.options.maintenanceCron,
              queue: 'default',
              hooks: {
                beforeSchedule: async (args) =>
                  (await shouldRunJobs(args.req.payload))
                    ? args.defaultBeforeSchedule(args)
                    : { shouldSchedule: false },
              },
            },
          ],
        }
      : {}),
    handler: async ({ req }) => ({
      output: { result: JSON.stringify(await maintainMuxVideos(runtime, req)) },
    }),
  }
  return [push, sync, release, addTrack, policy, maintain] as TaskConfig[]
}
