import { decodeProtectedHeader, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { PlaybackInfo } from '../../src/plugins/mux'
import { muxTestCredentials, startVideoHarness, type VideoHarness } from '../fakes/videoHarness'
import { tinyMp4 } from '../fakes/videoFiles'
import { testBackends } from './support/backends'
import {
  createCatalogFixtures,
  licenseForViewing,
  publicViewerIn,
  type CatalogFixtures,
} from './support/fixtures'

// What frontends get: ready-to-play data on the titles that use a video, signed per request,
// only where the title is available; and nothing of Mux on the videos themselves.

type Playback = Record<string, PlaybackInfo | null>

/** Few members per title in lists, to stay within the GraphQL cost cap at limit 100. */
const listPlaybackSelection = 'playback { video { playbackId hls } trailer { playbackId hls } }'
const playbackSelection =
  'playback { video { videoId policy playbackId hls thumbnail storyboard duration aspectRatio expiresAt } trailer { videoId playbackId hls } }'
type Title = { id: number; playback?: Playback | null }

const ttl = 1800

const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? ''

describe.each(testBackends)('playback data on $kind', (backend) => {
  let h: VideoHarness
  let fixtures: CatalogFixtures
  let signedVideo: number
  let publicVideo: number

  const publicGet = async (path: string, territory = 'DE') =>
    h.api(path, { as: null, headers: { 'x-viewer-territory': territory } })

  const readyUpload = async (title: string, playbackPolicy: 'signed' | 'public') => {
    const response = await h.uploadVideo(title, tinyMp4(2048), { playbackPolicy })
    const { doc } = (await response.json()) as { doc: { id: number } }
    await h.settle(async () => (await h.video(doc.id)).status === 'ready')
    return doc.id
  }

  beforeAll(async () => {
    if (!backend.serverUrl) return
    h = await startVideoHarness(backend, { env: { MUX_PLAYBACK_TOKEN_TTL_SECONDS: String(ttl) } })
    fixtures = await createCatalogFixtures(h.payload)
    await h.payload.create({
      collection: 'regions',
      data: { code: 'US', kind: 'country', name: 'United States', timeZone: 'America/New_York' },
    })
    signedVideo = await readyUpload('Feature', 'signed')
    publicVideo = await readyUpload('Trailer', 'public')
  })
  afterAll(async () => h?.destroy())

  it.skipIf(!backend.serverUrl)(
    'signs every URL of a signed video per request with RS256 tokens that verify with the public key',
    async () => {
      const film = await h.payload.create({
        collection: 'films',
        data: {
          title: 'Signed feature',
          video: signedVideo,
          trailer: publicVideo,
          _status: 'published',
        },
      })
      await licenseForViewing(h.payload, 'films', film.id, fixtures)
      const response = await publicGet(`/api/films/${film.id}`)
      expect(response.status).toBe(200)
      const { playback } = (await response.json()) as Title
      const video = playback?.video as PlaybackInfo
      const stored = await h.video(signedVideo)
      const playbackId = stored.playbackIds?.[0].playbackId as string
      expect(video).toMatchObject({ policy: 'signed', playbackId, videoId: signedVideo })
      expect(video.hls).toMatch(
        new RegExp(`^https://stream\\.mux\\.com/${playbackId}\\.m3u8\\?token=`),
      )
      expect(video.thumbnail).toMatch(
        new RegExp(`^https://image\\.mux\\.com/${playbackId}/thumbnail`),
      )
      expect(video.storyboard).toMatch(
        new RegExp(`^https://image\\.mux\\.com/${playbackId}/storyboard\\.vtt\\?token=`),
      )
      // `select` keeps the shape: playback alone (without the relationships it reads) still
      // plays; left out, it is absent.
      const selected = (await (
        await publicGet(`/api/films/${film.id}?select[playback]=true`)
      ).json()) as Title
      expect(Object.keys(selected).sort()).toEqual(['id', 'playback'])
      expect(selected.playback?.video).toMatchObject({ policy: 'signed', playbackId })
      expect(selected.playback?.trailer).toMatchObject({ policy: 'public' })
      const without = (await (
        await publicGet(`/api/films/${film.id}?select[title]=true`)
      ).json()) as Title
      expect(without).not.toHaveProperty('playback')

      const now = Math.floor(Date.now() / 1000)
      for (const [url, audience] of [
        [video.hls, 'v'],
        [video.thumbnail, 't'],
        [video.storyboard, 's'],
      ] as const) {
        const token = tokenOf(url)
        const { payload, protectedHeader } = await jwtVerify(token, h.publicKey, {
          algorithms: ['RS256'],
          audience,
          subject: playbackId,
        })
        expect(protectedHeader).toMatchObject({
          alg: 'RS256',
          kid: muxTestCredentials.signingKeyId,
        })
        expect(payload.kid).toBe(muxTestCredentials.signingKeyId)
        expect(payload.exp).toBeGreaterThan(now)
        expect(payload.exp).toBeLessThanOrEqual(now + ttl + 2)
        await expect(
          jwtVerify(token, h.publicKey, { audience: audience === 'v' ? 't' : 'v' }),
        ).rejects.toThrow()
      }
      expect(decodeProtectedHeader(tokenOf(video.hls)).alg).toBe('RS256')
      // A player can cache the response, but not beyond the tokens.
      const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get('cache-control') ?? '')?.[1])
      expect(maxAge).toBeLessThanOrEqual(ttl / 4)

      const trailer = playback?.trailer as PlaybackInfo
      expect(trailer.policy).toBe('public')
      expect(trailer.hls).toBe(`https://stream.mux.com/${trailer.playbackId}.m3u8`)
      expect(trailer.expiresAt).toBeNull()

      // Signed per request: a second read carries fresh tokens.
      await new Promise((resolve) => setTimeout(resolve, 1100))
      const again = (await (await publicGet(`/api/films/${film.id}`)).json()) as Title
      expect(tokenOf((again.playback?.video as PlaybackInfo).hls)).not.toBe(tokenOf(video.hls))
    },
  )

  it.skipIf(!backend.serverUrl)(
    'gives nothing of a title that is not available to the viewer, and no playback ids at all',
    async () => {
      const unlicensed = await h.payload.create({
        collection: 'films',
        data: { title: 'No rights', video: signedVideo, _status: 'published' },
      })
      const licensed = await h.payload.create({
        collection: 'films',
        data: { title: 'Germany only', video: signedVideo, _status: 'published' },
      })
      await licenseForViewing(h.payload, 'films', licensed.id, fixtures)

      expect((await publicGet(`/api/films/${unlicensed.id}`)).status).toBe(404)
      expect((await publicGet(`/api/films/${licensed.id}`, 'US')).status).toBe(404)
      const list = (await (await publicGet('/api/films?limit=100', 'US')).json()) as {
        docs: Title[]
      }
      expect(list.docs.map((doc) => doc.id)).not.toContain(licensed.id)
      const body = JSON.stringify(list)
      const { playbackIds } = await h.video(signedVideo)
      expect(body).not.toContain(playbackIds?.[0].playbackId)

      const local = await h.payload.find({
        collection: 'films',
        where: { id: { equals: unlicensed.id } },
        ...publicViewerIn('DE'),
      })
      expect(local.docs).toEqual([])
    },
  )

  it.skipIf(!backend.serverUrl)(
    'never shows Mux ids, playback ids or sources on public reads of videos',
    async () => {
      // The public reads videos only populated into titles (public API hardening, item 4).
      expect((await h.api(`/api/videos/${signedVideo}`, { as: null })).status).toBe(403)
      expect((await h.api('/api/videos?limit=100&depth=1', { as: null })).status).toBe(403)
      const film = await h.payload.create({
        collection: 'films',
        data: { title: 'Showing its video', video: signedVideo, _status: 'published' },
      })
      await licenseForViewing(h.payload, 'films', film.id, fixtures)
      const response = await publicGet(`/api/films/${film.id}?depth=1`)
      expect(response.status).toBe(200)
      const video = ((await response.json()) as { video: Record<string, unknown> }).video
      expect(video).toMatchObject({ title: 'Feature', status: 'ready', duration: 23.857 })
      // Payload answers an array the reader may not see as empty: nothing is in it.
      expect(video.playbackIds ?? []).toEqual([])
      for (const field of [
        'muxUploadId',
        'muxAssetId',
        'sourceUrl',
        'muxSync',
        'muxIds',
        'ingest',
        'error',
        'filename',
        'url',
        'thumbnailURL',
      ]) {
        expect(video[field], field).toBeUndefined()
      }
      for (const track of video.tracks as Record<string, unknown>[]) {
        expect(track.muxTrackId).toBeUndefined()
      }
      expect((await h.api(`/api/videos/${signedVideo}/mux-status`, { as: null })).status).toBe(403)
    },
  )

  it.skipIf(!backend.serverUrl)('fills a series trailer and an episode video', async () => {
    const series = await h.payload.create({
      collection: 'series',
      data: { title: 'With a trailer', trailer: publicVideo, _status: 'published' },
    })
    await licenseForViewing(h.payload, 'series', series.id, fixtures)
    const seriesBody = (await (await publicGet(`/api/series/${series.id}`)).json()) as Title
    expect(seriesBody.playback?.trailer?.policy).toBe('public')

    const episode = await h.payload.create({
      collection: 'episodes',
      data: {
        season: fixtures.seasonId,
        episodeNumber: 7,
        title: 'Episode with video',
        video: signedVideo,
        _status: 'published',
      },
    })
    await licenseForViewing(h.payload, 'episodes', episode.id, fixtures)
    const episodeBody = (await (await publicGet(`/api/episodes/${episode.id}`)).json()) as Title
    expect(episodeBody.playback?.video?.policy).toBe('signed')
    expect(tokenOf(episodeBody.playback?.video?.hls ?? '')).not.toBe('')
  })

  it.skipIf(!backend.serverUrl)(
    'uses only an id of the video policy: a public id on a signed video is never handed out, and is removed',
    async () => {
      const film = await h.payload.create({
        collection: 'films',
        data: { title: 'Leaky', video: signedVideo, _status: 'published' },
      })
      await licenseForViewing(h.payload, 'films', film.id, fixtures)
      const { muxAssetId, playbackIds } = await h.video(signedVideo)
      const signedId = playbackIds?.[0].playbackId
      // Someone adds a public id in the Mux dashboard; we read the asset back.
      const auth = `Basic ${Buffer.from(`${muxTestCredentials.tokenId}:${muxTestCredentials.tokenSecret}`).toString('base64')}`
      await fetch(`${h.fake.url}/video/v1/assets/${muxAssetId}/playback-ids`, {
        method: 'POST',
        headers: { Authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ policy: 'public' }),
      })
      await h.payload.jobs.queue({
        task: 'muxSyncVideo' as never,
        input: { videoId: String(signedVideo) } as never,
      })
      await h.payload.jobs.run({ silent: true, where: { taskSlug: { equals: 'muxSyncVideo' } } })
      const both = await h.video(signedVideo)
      expect(both.playbackIds?.map((entry) => entry.policy).sort()).toEqual(['public', 'signed'])
      const body = (await (await publicGet(`/api/films/${film.id}`)).json()) as Title
      expect(body.playback?.video?.playbackId).toBe(signedId)
      const publicId = both.playbackIds?.find((entry) => entry.policy === 'public')?.playbackId
      expect(JSON.stringify(body)).not.toContain(publicId)

      await h.settle(async () => {
        const current = await h.video(signedVideo)
        return current.playbackIds?.map((entry) => entry.policy).join() === 'signed'
      })
      expect(
        h.fake.assets.get(muxAssetId ?? '')?.playback_ids.map((entry) => entry.policy),
      ).toEqual(['signed'])
    },
  )

  it.skipIf(!backend.serverUrl)(
    'gives the same playback data over GraphQL: signed per request, only where the title is available',
    async () => {
      const film = await h.payload.create({
        collection: 'films',
        data: { title: 'Through GraphQL', video: signedVideo, _status: 'published' },
      })
      await licenseForViewing(h.payload, 'films', film.id, fixtures)
      const graphql = async (query: string, territory: string) => {
        const response = await h.api('/api/graphql', {
          method: 'POST',
          as: null,
          headers: { 'content-type': 'application/json', 'x-viewer-territory': territory },
          body: JSON.stringify({ query }),
        })
        if (response.status !== 200) throw new Error(await response.text())
        return (await response.json()) as {
          data?: Record<string, { playback?: Playback | null; docs?: Title[] } | null>
          errors?: Array<{ message: string }>
        }
      }
      const { playbackIds } = await h.video(signedVideo)
      const playbackId = playbackIds?.[0].playbackId as string

      const inGermany = await graphql(
        `{ Film(id: ${film.id}) { title ${playbackSelection} } }`,
        'DE',
      )
      expect(inGermany.errors).toBeUndefined()
      const video = inGermany.data?.Film?.playback?.video as PlaybackInfo
      expect(video).toMatchObject({ policy: 'signed', playbackId })
      const { payload: claims } = await jwtVerify(tokenOf(video.hls), h.publicKey, {
        algorithms: ['RS256'],
        audience: 'v',
        subject: playbackId,
      })
      expect(claims.exp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + ttl + 2)
      await new Promise((resolve) => setTimeout(resolve, 1100))
      const again = await graphql(`{ Film(id: ${film.id}) { ${playbackSelection} } }`, 'DE')
      expect(tokenOf((again.data?.Film?.playback?.video as PlaybackInfo).hls)).not.toBe(
        tokenOf(video.hls),
      )

      // Not licensed in the US: the title is not there, and neither is anything of its video.
      const inUs = await graphql(`{ Film(id: ${film.id}) { title ${playbackSelection} } }`, 'US')
      expect(inUs.data?.Film ?? null).toBeNull()
      const listInUs = await graphql(
        `{ Films(limit: 100) { docs { id ${listPlaybackSelection} } } }`,
        'US',
      )
      expect(listInUs.data?.Films?.docs?.map((doc) => doc.id)).not.toContain(film.id)
      expect(JSON.stringify([inUs, listInUs])).not.toContain(playbackId)
    },
  )

  it.skipIf(!backend.serverUrl)('lets staff preview playback of any title', async () => {
    const draft = await h.payload.create({
      collection: 'films',
      data: { title: 'Unreleased', video: signedVideo },
      draft: true,
    })
    const response = await h.api(`/api/films/${draft.id}?draft=true`)
    const body = (await response.json()) as Title
    expect(body.playback?.video?.policy).toBe('signed')
    expect(response.headers.get('cache-control')).toBe('private, no-store')
  })
})
