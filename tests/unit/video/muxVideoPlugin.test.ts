import type { CollectionConfig, Config, Endpoint, Field } from 'payload'
import { describe, expect, it } from 'vitest'

import {
  muxVideoPlugin,
  muxVideoPluginSettingsFromEnv,
  type MuxVideoPluginWiring,
} from '../../../src/plugins/mux'

const wiring: MuxVideoPluginWiring = {
  videosCollection: 'videos',
  access: { manageVideos: () => true, isStaff: () => true, readEvents: () => true },
  playback: {
    collections: {
      films: { video: 'video', trailer: 'trailer' },
      series: { trailer: 'trailer' },
      episodes: { video: 'video' },
    },
    field: () => ({
      name: 'playback',
      type: 'group',
      virtual: true,
      interfaceName: 'TitlePlayback',
      fields: [],
    }),
    mayPlay: async () => true,
    limitCache: () => undefined,
  },
}

const optionsFromEnv = (env: Record<string, string | undefined>) => ({
  ...muxVideoPluginSettingsFromEnv(env),
  ...wiring,
})

const collection = (slug: string, fields: Field[] = []): CollectionConfig => ({
  slug,
  fields: [{ name: 'title', type: 'text' }, ...fields],
})

const baseConfig = (): Config =>
  ({
    secret: 'x',
    collections: [
      collection('films', [
        { name: 'video', type: 'relationship', relationTo: 'videos' },
        { name: 'trailer', type: 'relationship', relationTo: 'videos' },
      ]),
      collection('series', [{ name: 'trailer', type: 'relationship', relationTo: 'videos' }]),
      collection('episodes', [{ name: 'video', type: 'relationship', relationTo: 'videos' }]),
      collection('people'),
      {
        ...collection('videos', [{ name: 'filename', type: 'text' }]),
        hooks: { beforeChange: [() => undefined] },
        endpoints: [],
      },
    ],
    endpoints: [{ path: '/existing', method: 'get', handler: () => new Response() }],
    jobs: { tasks: [{ slug: 'schedulePublish', handler: async () => ({ output: {} }) }] },
  }) as unknown as Config

const names = (fields: Field[]) =>
  fields.map((field) => ('name' in field ? field.name : field.type))

describe('muxVideoPlugin', () => {
  const options = optionsFromEnv({})
  const config = muxVideoPlugin(options)(baseConfig())
  const bySlug = (slug: string) => config.collections?.find((entry) => entry.slug === slug)

  it('adds the events collection, the webhook endpoint and the tasks, keeping what was there', () => {
    expect(bySlug('mux-events')).toBeDefined()
    expect((config.endpoints as Endpoint[]).map((endpoint) => endpoint.path)).toEqual([
      '/existing',
      '/mux/webhook',
    ])
    expect(config.jobs?.tasks?.map((task) => task.slug)).toEqual([
      'schedulePublish',
      'muxPushSource',
      'muxSyncVideo',
      'muxRelease',
      'muxAddTrack',
      'muxSyncPlaybackPolicy',
      'muxMaintain',
    ])
    expect(config.jobs?.enableConcurrencyControl).toBe(true)
  })

  it('gives the titles a virtual playback field, and no other collection', () => {
    for (const slug of ['films', 'series', 'episodes']) {
      const playback = bySlug(slug)?.fields.find(
        (field) => 'name' in field && field.name === 'playback',
      )
      expect(playback).toMatchObject({
        type: 'group',
        virtual: true,
        interfaceName: 'TitlePlayback',
      })
      expect(bySlug(slug)?.hooks?.afterRead).toHaveLength(1)
    }
    expect(names(bySlug('people')?.fields ?? [])).toEqual(['title'])
  })

  it('adds its hooks, endpoints and admin panel to videos after the existing ones', () => {
    const videos = bySlug('videos') as CollectionConfig
    expect(videos.hooks?.beforeChange).toHaveLength(2)
    expect(videos.hooks?.afterChange).toHaveLength(1)
    expect(videos.hooks?.afterDelete).toHaveLength(1)
    expect(videos.hooks?.afterError).toHaveLength(1)
    // The Mux fields come right after the title, the collection's own fields after them.
    const fields = names(videos.fields)
    expect(fields.slice(0, 5)).toEqual([
      'title',
      'muxPanel',
      'status',
      'playbackPolicy',
      'sourceUrl',
    ])
    expect(fields.at(-1)).toBe('filename')
    expect(fields).toContain('ingest')
    expect(
      (videos.endpoints as Endpoint[]).map((endpoint) => `${endpoint.method} ${endpoint.path}`),
    ).toEqual([
      'post /',
      'patch /:id',
      'get /track-files/:file',
      'post /:id/tracks',
      'delete /:id/tracks/:trackId',
      'get /:id/mux-status',
      'post /:id/direct-upload',
      'post /:id/mux-retry',
      'get /:id/thumbnail',
    ])
  })

  it('schedules the safety net unless turned off', () => {
    const maintain = (cron: string | undefined) =>
      muxVideoPlugin(optionsFromEnv({ MUX_MAINTENANCE_CRON: cron }))(
        baseConfig(),
      ).jobs?.tasks?.find((task) => task.slug === 'muxMaintain')
    expect(maintain(undefined)?.schedule?.[0].cron).toBe('0 * * * * *')
    expect(maintain('false')?.schedule).toBeUndefined()
  })
})

describe('muxVideoPluginSettingsFromEnv', () => {
  it('runs without Mux, with defaults for everything', () => {
    const options = muxVideoPluginSettingsFromEnv({})
    expect(options.mux).toBeNull()
    expect(options.spoolDir).toMatch(/data\/video-spool$/)
    expect(options).toMatchObject({
      reconcileAfterSeconds: 900,
      playbackTokenTtlSeconds: 1800,
      publicServerUrl: null,
      apiMaxRetries: 2,
    })
  })

  it('reads the Mux settings and the public URL (PUBLIC_SERVER_URL before SERVER_URL)', () => {
    const options = muxVideoPluginSettingsFromEnv({
      MUX_TOKEN_ID: 'id',
      MUX_TOKEN_SECRET: 'secret',
      MUX_BASE_URL: 'http://127.0.0.1:4001',
      SERVER_URL: 'https://cms.example.com',
      PUBLIC_SERVER_URL: 'https://public.example.com',
      MUX_RECONCILE_AFTER_SECONDS: '60',
      VIDEO_SPOOL_DIR: '/var/spool/videos',
    })
    expect(options.mux).toMatchObject({ tokenId: 'id', baseURL: 'http://127.0.0.1:4001' })
    expect(options).toMatchObject({
      publicServerUrl: 'https://public.example.com',
      reconcileAfterSeconds: 60,
      spoolDir: '/var/spool/videos',
    })
    expect(
      muxVideoPluginSettingsFromEnv({ SERVER_URL: 'https://cms.example.com' }).publicServerUrl,
    ).toBe('https://cms.example.com')
  })
})
