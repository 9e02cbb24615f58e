import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { PayloadRequest } from 'payload'

import type { Environment } from '../config/environment'
import type { DocumentId, IdsByKey } from './documentIds'
import { ffmpegCommand, renderTestPattern, type TestPattern } from './testPattern'

/** Short generated trailers, one per film (by seed key), so the demo catalog plays. */
export const demoTrailers: ReadonlyArray<{ film: string; title: string } & TestPattern> = [
  {
    film: 'glass-harbour',
    title: 'The Glass Harbour — trailer',
    pattern: 'testsrc2',
    tone: 440,
    seconds: 10,
    width: 640,
    height: 360,
  },
  {
    film: 'winter-orchard',
    title: 'The Winter Orchard — trailer',
    pattern: 'smptehdbars',
    tone: 330,
    seconds: 10,
    width: 640,
    height: 360,
  },
  {
    film: 'suzhou-lanterns',
    title: 'Paper Lanterns over Suzhou — trailer',
    pattern: 'testsrc',
    tone: 550,
    seconds: 10,
    width: 640,
    height: 360,
  },
]

export type DemoVideoTarget = { ffmpeg: string } | { skipped: string }

/**
 * Test patterns go only to the local fake Mux (never to a real Mux account), and only when it
 * encodes them: the fake at MUX_BASE_URL answers `/_fake/media` with `enabled`, and ffmpeg is
 * here to make the files.
 */
export const demoVideoTarget = async (env: Environment): Promise<DemoVideoTarget> => {
  const baseUrl = env.MUX_BASE_URL?.trim()
  if (!env.MUX_TOKEN_ID?.trim() || !baseUrl) {
    return { skipped: 'no local fake Mux is configured (npm run dev and npm run seed start one)' }
  }
  const media = await fetch(`${baseUrl.replace(/\/+$/, '')}/_fake/media`, {
    signal: AbortSignal.timeout(3000),
  })
    .then((response) => (response.ok ? (response.json() as Promise<{ enabled?: boolean }>) : null))
    .catch(() => null)
  if (!media) return { skipped: `MUX_BASE_URL (${baseUrl}) is not the local fake Mux` }
  if (!media.enabled) return { skipped: 'the fake Mux has no ffmpeg to encode them' }
  const ffmpeg = ffmpegCommand(env)
  if (!ffmpeg) return { skipped: 'ffmpeg is not installed here' }
  return { ffmpeg }
}

export type SeededDemoVideos = { created: number; skipped?: string }

/**
 * Renders each demo trailer, saves it as a video (the Mux plugin spools the file and a job sends
 * it to the fake, which encodes it) and makes it its film's trailer. Videos that exist (by
 * title) are kept.
 */
export const seedDemoVideos = async (
  req: PayloadRequest,
  filmIds: IdsByKey,
  {
    env,
    log,
    trailers = demoTrailers,
  }: { env: Environment; log: (line: string) => void; trailers?: typeof demoTrailers },
): Promise<SeededDemoVideos> => {
  const target = await demoVideoTarget(env)
  if ('skipped' in target) {
    log(`Demo videos skipped: ${target.skipped}.`)
    return { created: 0, skipped: target.skipped }
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-demo-videos-'))
  let created = 0
  try {
    for (const trailer of trailers) {
      const filmId = filmIds.get(trailer.film)
      if (filmId === undefined) continue
      const existing = await req.payload.find({
        collection: 'videos',
        where: { title: { equals: trailer.title } },
        limit: 1,
        depth: 0,
        req,
      })
      let videoId: DocumentId | undefined = existing.docs[0]?.id
      if (videoId === undefined) {
        const file = path.join(workDir, `${trailer.film}-trailer.mp4`)
        await renderTestPattern(target.ffmpeg, file, trailer)
        const video = await req.payload.create({
          collection: 'videos',
          data: { title: trailer.title },
          filePath: file,
          depth: 0,
          req,
        })
        videoId = video.id
        created++
      }
      const film = await req.payload.findByID({ collection: 'films', id: filmId, depth: 0, req })
      // One locale, as the artwork is given (titleArtwork.ts); the film keeps its status.
      await req.payload.update({
        collection: 'films',
        id: filmId,
        locale: 'en',
        data: { trailer: videoId, _status: film._status ?? 'published' },
        depth: 0,
        req,
      })
    }
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true })
  }
  log(
    `Demo videos: ${created} generated trailers sent to the fake Mux; they play once it has ` +
      'encoded them (a few seconds each, after the server starts its jobs).',
  )
  return { created }
}
