import { describe, expect, it } from 'vitest'

import { fakeMuxWanted } from '../../fakes/devFakeMux'
import { startFakeMux } from '../../fakes/fakeMux'
import { storyboardLayout, storyboardVtt, renditionSizes } from '../../fakes/fakeMuxEncoder'

describe('fakeMuxWanted (npm run dev, npm run seed)', () => {
  it('starts the fake without Mux credentials, or when MUX_FAKE=true, never with MUX_FAKE=false', () => {
    expect(fakeMuxWanted({})).toBe(true)
    expect(fakeMuxWanted({ MUX_TOKEN_ID: ' ', MUX_TOKEN_SECRET: '' })).toBe(true)
    expect(fakeMuxWanted({ MUX_TOKEN_ID: 'id', MUX_TOKEN_SECRET: 'secret' })).toBe(false)
    expect(fakeMuxWanted({ MUX_TOKEN_ID: 'id', MUX_TOKEN_SECRET: 's', MUX_FAKE: 'true' })).toBe(
      true,
    )
    expect(fakeMuxWanted({ MUX_FAKE: 'false' })).toBe(false)
  })
})

describe('the fake encoder layout', () => {
  const hd = { duration: 10, width: 1280, height: 720, frameRate: 25, hasAudio: true }

  it('keeps renditions no taller than the source, even-sized, and at least one', () => {
    expect(renditionSizes(hd, [360, 240])).toEqual([
      { name: 'r0', width: 640, height: 360 },
      { name: 'r1', width: 426, height: 240 },
    ])
    expect(renditionSizes({ ...hd, width: 320, height: 180 }, [360, 240])).toEqual([
      { name: 'r0', width: 320, height: 180 },
    ])
  })

  it('writes one storyboard cue per tile, pointing into the grid', () => {
    const layout = storyboardLayout(hd)
    expect(layout).toEqual({ tileWidth: 256, tileHeight: 144, columns: 5, interval: 1, count: 10 })
    const vtt = storyboardVtt(layout, 10, 'http://fake/p/storyboard.jpg')
    expect(vtt).toContain(
      '00:00:06.000 --> 00:00:07.000\nhttp://fake/p/storyboard.jpg#xywh=256,144,256,144',
    )
    expect(vtt.match(/#xywh=/g)).toHaveLength(10)
  })
})

describe('the fake without ffmpeg', () => {
  it('says so once and makes assets ready as before, serving no playback', async () => {
    const lines: string[] = []
    const fake = await startFakeMux({
      readyDelayMs: 10,
      media: { dir: '/nonexistent/fake-mux', ffmpeg: null, log: (line) => lines.push(line) },
    })
    try {
      expect(fake.media).toBeNull()
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/ffmpeg\/ffprobe not found/)
      expect(await (await fetch(`${fake.url}/_fake/media`)).json()).toEqual({
        enabled: false,
        ffmpeg: null,
      })
      const created = await fetch(`${fake.url}/video/v1/assets`, {
        method: 'POST',
        headers: { authorization: 'Basic eDp5', 'content-type': 'application/json' },
        body: JSON.stringify({ inputs: [{ url: 'https://example.test/a.mp4' }] }),
      })
      const { data } = (await created.json()) as { data: { id: string } }
      const asset = await fake.waitFor(() => {
        const current = fake.assets.get(data.id)
        return current?.status === 'ready' ? current : null
      })
      expect(asset).toMatchObject({ duration: 23.857, resolution_tier: '1080p' })
      expect(lines).toHaveLength(1)
    } finally {
      await fake.stop()
    }
  })
})
