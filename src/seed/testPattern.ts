import { spawn, spawnSync } from 'node:child_process'

/** ffmpeg on PATH (or FFMPEG_PATH), or null: the demo videos need it. */
export const ffmpegCommand = (env: Record<string, string | undefined> = process.env) => {
  const command = env.FFMPEG_PATH?.trim() || 'ffmpeg'
  return spawnSync(command, ['-version'], { stdio: 'ignore' }).status === 0 ? command : null
}

export interface TestPattern {
  seconds: number
  width: number
  height: number
  /** Pitch of the sine tone, Hz. */
  tone: number
  /** An ffmpeg lavfi test source (testsrc2, smptehdbars, testsrc, ...): each demo looks different. */
  pattern?: string
}

/** An H.264/AAC MP4 of one of ffmpeg's test patterns with a sine tone, written to `output`. */
export const renderTestPattern = (
  ffmpeg: string,
  output: string,
  { seconds, width, height, tone, pattern = 'testsrc2' }: TestPattern,
): Promise<void> =>
  new Promise((resolve, reject) => {
    const picture = `${pattern}=size=${width}x${height}:rate=25:duration=${seconds}`
    const child = spawn(
      ffmpeg,
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        '-f',
        'lavfi',
        '-i',
        picture,
        '-f',
        'lavfi',
        '-i',
        `sine=frequency=${tone}:duration=${seconds}`,
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-pix_fmt',
        'yuv420p',
        '-c:a',
        'aac',
        '-b:a',
        '96k',
        '-shortest',
        '-movflags',
        '+faststart',
        output,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.once('error', reject)
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}: ${stderr.trim()}`)),
    )
  })
