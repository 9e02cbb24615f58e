import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

// ffmpeg behind the fake Mux: turns a source into HLS renditions, a poster and a storyboard,
// laid out as files the fake serves (see fakeMuxPlayback.ts).

export interface MediaFacts {
  duration: number
  width: number
  height: number
  frameRate: number
  hasAudio: boolean
}

export interface StoryboardLayout {
  tileWidth: number
  tileHeight: number
  columns: number
  /** Seconds each tile stands for. */
  interval: number
  count: number
}

export interface EncodedAsset extends MediaFacts {
  renditions: Array<{ name: string; width: number; height: number }>
  storyboard: StoryboardLayout
}

export interface Ffmpeg {
  ffmpeg: string
  ffprobe: string
  version: string
}

/** ffmpeg and ffprobe when both run, else null. */
export const findFfmpeg = (
  ffmpeg = process.env.FAKE_MUX_FFMPEG || 'ffmpeg',
  ffprobe = process.env.FAKE_MUX_FFPROBE || 'ffprobe',
): Ffmpeg | null => {
  const run = (command: string) => spawnSync(command, ['-version'], { encoding: 'utf8' })
  const probed = run(ffmpeg)
  if (probed.status !== 0 || run(ffprobe).status !== 0) return null
  const version = /version (\S+)/.exec(probed.stdout)?.[1] ?? 'unknown'
  return { ffmpeg, ffprobe, version }
}

const runTool = (command: string, args: string[]): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.once('error', reject)
    child.once('close', (code) => {
      if (code === 0) return resolve(Buffer.concat(out).toString('utf8'))
      const tail = Buffer.concat(err).toString('utf8').trim().split('\n').slice(-3).join(' ')
      reject(new Error(`${path.basename(command)} exited with ${code}: ${tail}`))
    })
  })

interface ProbeStream {
  codec_type?: string
  width?: number
  height?: number
  avg_frame_rate?: string
}

const rateOf = (fraction: string | undefined): number => {
  const [numerator, denominator] = (fraction ?? '0/1').split('/').map(Number)
  return denominator ? Math.round((numerator / denominator) * 1000) / 1000 : 0
}

export const probeMedia = async (tools: Ffmpeg, input: string): Promise<MediaFacts> => {
  const json = await runTool(tools.ffprobe, [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    input,
  ])
  const parsed = JSON.parse(json) as { streams?: ProbeStream[]; format?: { duration?: string } }
  const streams = parsed.streams ?? []
  const video = streams.find((stream) => stream.codec_type === 'video')
  if (!video?.width || !video.height) throw new Error('The input has no video stream.')
  return {
    duration: Math.round(Number(parsed.format?.duration ?? 0) * 1000) / 1000,
    width: video.width,
    height: video.height,
    frameRate: rateOf(video.avg_frame_rate),
    hasAudio: streams.some((stream) => stream.codec_type === 'audio'),
  }
}

const even = (value: number) => Math.max(2, Math.round(value / 2) * 2)

/** The rendition heights that fit the source (at least one: the source's own). */
export const renditionSizes = (facts: MediaFacts, heights: readonly number[]) => {
  const fitting = heights.filter((height) => height <= facts.height)
  return (fitting.length ? fitting : [facts.height]).map((height, index) => ({
    name: `r${index}`,
    height: even(height),
    width: even((facts.width * height) / facts.height),
  }))
}

const segmentSeconds = 2

/**
 * HLS as Mux serves it: H.264/AAC MPEG-TS segments, one media playlist per rendition
 * (`r0/index.m3u8` ...) and `master.m3u8`; `thumbnail.jpg` (the middle frame) and
 * `storyboard.jpg` (a grid of frames) beside them.
 */
export const encodeAsset = async (
  tools: Ffmpeg,
  input: string,
  outDir: string,
  { heights = [360, 240] }: { heights?: readonly number[] } = {},
): Promise<EncodedAsset> => {
  const facts = await probeMedia(tools, input)
  const renditions = renditionSizes(facts, heights)
  fs.mkdirSync(outDir, { recursive: true })
  const split = renditions.map((_, index) => `[s${index}]`).join('')
  const scales = renditions
    .map(({ width, height }, index) => `[s${index}]scale=${width}:${height}[v${index}]`)
    .join(';')
  const gop = String(Math.max(1, Math.round((facts.frameRate || 25) * segmentSeconds)))
  const args = [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-i',
    input,
    '-filter_complex',
    `[0:v]split=${renditions.length}${split};${scales}`,
  ]
  renditions.forEach((rendition, index) => {
    args.push('-map', `[v${index}]`)
    if (facts.hasAudio) args.push('-map', '0:a:0')
    args.push(`-b:v:${index}`, `${rendition.height * 2}k`)
  })
  args.push(
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-profile:v',
    'main',
    '-pix_fmt',
    'yuv420p',
    '-g',
    gop,
    '-keyint_min',
    gop,
    '-sc_threshold',
    '0',
  )
  if (facts.hasAudio) args.push('-c:a', 'aac', '-b:a', '96k', '-ac', '2')
  args.push(
    '-f',
    'hls',
    '-hls_time',
    String(segmentSeconds),
    '-hls_playlist_type',
    'vod',
    '-hls_segment_filename',
    path.join(outDir, '%v', 'segment%03d.ts'),
    '-master_pl_name',
    'master.m3u8',
    '-var_stream_map',
    renditions
      .map((rendition, index) =>
        facts.hasAudio
          ? `v:${index},a:${index},name:${rendition.name}`
          : `v:${index},name:${rendition.name}`,
      )
      .join(' '),
    path.join(outDir, '%v', 'index.m3u8'),
  )
  await runTool(tools.ffmpeg, args)
  await renderFrame(tools, input, path.join(outDir, 'thumbnail.jpg'), {
    time: facts.duration / 2,
  })
  const storyboard = await renderStoryboard(
    tools,
    input,
    path.join(outDir, 'storyboard.jpg'),
    facts,
  )
  return { ...facts, renditions, storyboard }
}

/** One frame as JPEG, PNG or WebP (by the file's extension), `width` wide when given. */
export const renderFrame = async (
  tools: Ffmpeg,
  input: string,
  output: string,
  { time = 0, width }: { time?: number; width?: number },
): Promise<void> => {
  await runTool(tools.ffmpeg, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-ss',
    String(Math.max(0, time)),
    '-i',
    input,
    '-frames:v',
    '1',
    ...(width ? ['-vf', `scale=${even(width)}:-2`] : []),
    output,
  ])
}

const storyboardTileWidth = 256
const storyboardColumns = 5

export const storyboardLayout = (facts: MediaFacts): StoryboardLayout => {
  const count = Math.max(1, Math.min(50, Math.ceil(facts.duration)))
  return {
    tileWidth: storyboardTileWidth,
    tileHeight: even((storyboardTileWidth * facts.height) / facts.width),
    columns: Math.min(storyboardColumns, count),
    interval: facts.duration / count || 1,
    count,
  }
}

const renderStoryboard = async (
  tools: Ffmpeg,
  input: string,
  output: string,
  facts: MediaFacts,
): Promise<StoryboardLayout> => {
  const layout = storyboardLayout(facts)
  const rows = Math.ceil(layout.count / layout.columns)
  await runTool(tools.ffmpeg, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-i',
    input,
    '-vf',
    `fps=1/${layout.interval},scale=${layout.tileWidth}:${layout.tileHeight},` +
      `tile=${layout.columns}x${rows}`,
    '-frames:v',
    '1',
    output,
  ])
  return layout
}

const timestamp = (seconds: number) => {
  const millis = Math.round(seconds * 1000)
  const hours = Math.floor(millis / 3_600_000)
  const minutes = Math.floor((millis % 3_600_000) / 60_000)
  const rest = (millis % 60_000) / 1000
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${rest.toFixed(3).padStart(6, '0')}`
}

/** `storyboard.vtt` as Mux writes it: one cue per tile, pointing into the image by xywh. */
export const storyboardVtt = (layout: StoryboardLayout, duration: number, imageUrl: string) => {
  const cues = Array.from({ length: layout.count }, (_, index) => {
    const start = index * layout.interval
    const end = Math.min(duration, start + layout.interval)
    const x = (index % layout.columns) * layout.tileWidth
    const y = Math.floor(index / layout.columns) * layout.tileHeight
    return `${timestamp(start)} --> ${timestamp(end)}\n${imageUrl}#xywh=${x},${y},${layout.tileWidth},${layout.tileHeight}`
  })
  return `WEBVTT\n\n${cues.join('\n\n')}\n`
}
