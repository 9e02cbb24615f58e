/**
 * `npm run bench:upload`: streams a generated video file (2 GiB by default) through
 * `POST /api/videos` (multipart, as the admin sends it) of the real server, which sends it on to
 * a fake Mux while it arrives (or, with MUX_STREAM_UPLOADS=false in the environment, spools it
 * and pushes it in a job); samples the server's resident memory (VmRSS) all along; and
 * sends the same file straight to the fake with a plain HTTP client for comparison. Writes the
 * "Upload" section of BENCHMARKS.md and bench/results/upload.json.
 *
 *   npm run bench:upload                      # production server (needs `npm run build` and
 *                                             # migrations that include the Mux schema)
 *   npm run bench:upload -- --dev             # development server (schema push)
 *   BENCH_UPLOAD_BYTES=268435456 npm run bench:upload -- --dev --no-report
 *
 * BENCH_PUSH_ON_DRIFT=true pushes schema the migrations lack (and says so); BENCH_UPLOAD_TRACE=1
 * prints the server's RSS while it runs; BENCH_UPLOAD_CPU_PROFILE=1 profiles the server
 * (/tmp/upload-prof).
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import { createMuxProvider } from '../../src/video'
import { startFakeMux, type FakeMux } from '../../tests/fakes/fakeMux'
import { generatedMp4, mp4MediaBytesFor, tinyMp4 } from '../../tests/fakes/videoFiles'
import { startCpuMeter, type CpuUsage } from '../availability/cpu'
import { newSecret } from '../availability/database'
import { prepareProductionDatabase, type SchemaSource } from './database'

import { multipartBody } from './multipart'
import { writeUploadReport, type UploadReport, type UploadRun } from './report'
import { sampleRss, settleRss } from './rss'
import { startServer, type ServerMode } from './server'

const totalBytes = Number(process.env.BENCH_UPLOAD_BYTES ?? 2 * 1024 ** 3)
/** Rounds of direct PUT, upload, direct PUT; the report takes the median round. */
const rounds = Math.max(1, Number(process.env.BENCH_UPLOAD_ROUNDS ?? 5))
const mode: ServerMode = process.argv.includes('--dev') ? 'development' : 'production'
const credentials = {
  tokenId: 'bench-token',
  tokenSecret: 'bench-secret',
  webhookSecret: 'bench-wh',
}
const admin = { email: 'bench-upload@reelhouse.test', password: 'a long bench password' }

const log = (line: string) => console.log(`[bench:upload] ${line}`)
const mib = (bytes: number) => bytes / 1024 ** 2
const mediaBytesFor = mp4MediaBytesFor

/** Sends a body with a known length and returns the status and parsed JSON answer. */
const send = (
  url: string,
  { method, headers, body }: { method: string; headers: Record<string, string>; body: Readable },
) =>
  new Promise<{ status: number; json: unknown }>((resolve, reject) => {
    const request = http.request(url, { method, headers, agent: false }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => {
        let json: unknown = null
        try {
          json = text ? JSON.parse(text) : null
        } catch {
          json = text
        }
        resolve({ status: response.statusCode ?? 0, json })
      })
    })
    request.on('error', reject)
    pipeline(body, request).catch(reject)
  })

const waitFor = async <T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
) => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const result = await check()
    if (result) return result
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

type PostedVideo = { id: number; muxUploadId?: string | null }

/**
 * The video's upload at the fake, once all its bytes arrived: the one the request streamed to
 * (named in the answer), or the one a push job made later (named by the passthrough).
 */
const pushedUpload = (fake: FakeMux, video: PostedVideo, bytes: number) => async () =>
  [...fake.uploads.values()].find(
    (upload) =>
      (upload.id === video.muxUploadId ||
        String(upload.new_asset_settings?.passthrough ?? '').startsWith(`videos:${video.id}:`)) &&
      fake.uploadedBytes.get(upload.id) === bytes,
  )

const postVideo = async (serverUrl: string, token: string, title: string, bytes: number) => {
  const { body, contentType, contentLength } = multipartBody({
    fields: { _payload: JSON.stringify({ title }) },
    file: generatedMp4(mediaBytesFor(bytes)),
    fileBytes: bytes,
    fileName: `${title.replace(/\W+/g, '-')}.mp4`,
    mimeType: 'video/mp4',
  })
  const { status, json } = await send(`${serverUrl}/api/videos`, {
    method: 'POST',
    headers: {
      Authorization: `JWT ${token}`,
      'Content-Type': contentType,
      'Content-Length': String(contentLength),
    },
    body,
  })
  if (status !== 201)
    throw new Error(`POST /api/videos answered ${status}: ${JSON.stringify(json)}`)
  return (json as { doc: PostedVideo }).doc
}

const directPut = async (fake: FakeMux, bytes: number) => {
  const provider = createMuxProvider({ ...credentials, baseURL: fake.url })
  const { url } = await provider.createUpload({
    passthrough: 'bench:direct',
    playbackPolicy: 'signed',
  })
  const started = performance.now()
  const { status } = await send(url, {
    method: 'PUT',
    headers: { 'Content-Type': 'video/mp4', 'Content-Length': String(bytes) },
    body: generatedMp4(mediaBytesFor(bytes)),
  })
  if (status !== 200) throw new Error(`direct PUT answered ${status}`)
  return performance.now() - started
}

const main = async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-bench-upload-'))
  const databaseUrl = `file:${path.join(dataDir, 'reelhouse.db')}`
  const secret = newSecret()
  const schemaSource: SchemaSource | 'push (development)' =
    mode === 'production'
      ? await prepareProductionDatabase(databaseUrl, secret)
      : 'push (development)'
  // The fake lives in this process with the client: together they are "the world outside the
  // server", on one core, and the server has the other. Both legs pay the same for the client
  // and the fake; the upload leg adds what the server costs. No hashing: transfer only.
  const fake = await startFakeMux({ ...credentials, readyDelayMs: 200, digestUploads: false })
  log(`fake Mux on ${fake.url}; starting the ${mode} server …`)
  const server = await startServer(mode, {
    PAYLOAD_SECRET: secret,
    DATABASE_URL: databaseUrl,
    MEDIA_DIR: path.join(dataDir, 'media'),
    VIDEO_SPOOL_DIR: path.join(dataDir, 'spool'),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    MUX_TOKEN_ID: credentials.tokenId,
    MUX_TOKEN_SECRET: credentials.tokenSecret,
    MUX_WEBHOOK_SECRET: credentials.webhookSecret,
    MUX_BASE_URL: fake.url,
    JOBS_CRON: '* * * * * *',
    MUX_MAINTENANCE_CRON: 'false',
    MUX_STREAM_UPLOADS: process.env.MUX_STREAM_UPLOADS ?? 'true',
  })
  fake.configure({ webhookUrl: `${server.url}/api/mux/webhook` })
  try {
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(admin),
    })
    const { token } = (await login.json()) as { token: string }

    log('warm-up: a small upload through the whole pipeline …')
    const warmBytes = tinyMp4(1024 * 1024).length
    const warm = await postVideo(server.url, token, 'warm up', warmBytes)
    await waitFor(pushedUpload(fake, warm, warmBytes), 120_000)

    const throughput = (ms: number) => mib(totalBytes) / (ms / 1000)
    const runs: UploadRun[] = []
    let ingestPath: UploadReport['ingestPath'] = 'spooled'
    for (let round = 1; round <= rounds; round += 1) {
      log(`round ${round}/${rounds}: direct PUT of ${mib(totalBytes).toFixed(0)} MiB to the fake …`)
      const directBeforeMs = await directPut(fake, totalBytes)
      log(`round ${round}/${rounds}: POST /api/videos with ${mib(totalBytes).toFixed(0)} MiB …`)
      await settleRss(server.pid)
      const rss = sampleRss(server.pid)
      const cpu = startCpuMeter({ serverPid: server.pid })
      const started = performance.now()
      const video = await postVideo(server.url, token, `bench upload ${round}`, totalBytes)
      const requestMs = performance.now() - started
      await waitFor(pushedUpload(fake, video, totalBytes), 30 * 60_000)
      const pushedMs = performance.now() - started
      const memory = rss.stop()
      const cpuUsage: CpuUsage = cpu()
      const directAfterMs = await directPut(fake, totalBytes)
      // Streamed: the answer already names the upload the request sent the file to.
      ingestPath = video.muxUploadId ? 'streamed' : 'spooled'
      const run: UploadRun = {
        requestMs,
        pushedMs,
        directBeforeMs,
        directAfterMs,
        rssBaselineMiB: mib(memory.baseline),
        rssPeakMiB: mib(memory.peak),
        rssGrowthMiB: mib(memory.growth),
        rssSamples: memory.samples,
        serverCpuSeconds: cpuUsage.serverSeconds,
        machineBusyCores: cpuUsage.machineBusyCores,
        ratio: throughput(pushedMs) / throughput((directBeforeMs + directAfterMs) / 2),
      }
      runs.push(run)
      log(
        `round ${round}: request ${requestMs.toFixed(0)} ms, Mux had it all after ` +
          `${pushedMs.toFixed(0)} ms; direct ${directBeforeMs.toFixed(0)} / ` +
          `${directAfterMs.toFixed(0)} ms → ratio ${run.ratio.toFixed(2)}; server CPU ` +
          `${run.serverCpuSeconds.toFixed(2)} s, RSS growth ${run.rssGrowthMiB.toFixed(1)} MiB`,
      )
    }
    // The round with the median ratio stands for the run; memory counts its worst round.
    const median = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor(runs.length / 2)]
    const worstRss = runs.reduce((worst, run) =>
      run.rssGrowthMiB > worst.rssGrowthMiB ? run : worst,
    )
    const directMs = (median.directBeforeMs + median.directAfterMs) / 2
    const report: UploadReport = {
      measuredAt: new Date().toISOString(),
      serverMode: mode,
      schemaSource,
      machine: {
        nproc: os.availableParallelism(),
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
        node: process.version,
      },
      fileBytes: totalBytes,
      ingestPath,
      rss: {
        baselineMiB: worstRss.rssBaselineMiB,
        peakMiB: worstRss.rssPeakMiB,
        growthMiB: worstRss.rssGrowthMiB,
        samples: worstRss.rssSamples,
      },
      throughput: {
        requestMiBps: throughput(median.requestMs),
        endToEndMiBps: throughput(median.pushedMs),
        directMiBps: throughput(directMs),
        ratio: median.ratio,
      },
      timings: {
        requestMs: median.requestMs,
        pushedMs: median.pushedMs,
        directBeforeMs: median.directBeforeMs,
        directAfterMs: median.directAfterMs,
      },
      cpu: {
        serverSeconds: median.serverCpuSeconds,
        serverBusyCores: median.serverCpuSeconds / (median.pushedMs / 1000),
        machineBusyCores: median.machineBusyCores,
      },
      runs,
      targets: { rssGrowthMiB: 150, ratio: 0.5 },
    }
    if (!process.argv.includes('--no-report')) {
      writeUploadReport(report, {
        resultsFile: path.resolve('bench/results/upload.json'),
        benchmarksFile: path.resolve('BENCHMARKS.md'),
      })
    }
    log(
      `${report.ingestPath}: RSS growth ${report.rss.growthMiB.toFixed(1)} MiB (target < 150); ` +
        `end-to-end ${report.throughput.endToEndMiBps.toFixed(0)} MiB/s vs direct ` +
        `${report.throughput.directMiBps.toFixed(0)} MiB/s = ${report.throughput.ratio.toFixed(2)} ` +
        '(target >= 0.5)',
    )
  } finally {
    await server.stop()
    await fake.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
