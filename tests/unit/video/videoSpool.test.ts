import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { VideoSpool } from '../../../src/plugins/mux/spool'

describe('VideoSpool', () => {
  let dir: string
  let spool: VideoSpool

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spool-test-'))
    spool = new VideoSpool(path.join(dir, 'spool'))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('keeps a copy of a temp file that outlives the temp file, without reading it', async () => {
    const temp = path.join(dir, 'tmp-upload')
    fs.writeFileSync(temp, 'video bytes')
    const { name, bytes } = await spool.adopt(
      'videos',
      { name: 'Clip.MP4', tempFilePath: temp },
      'n1',
    )
    expect(name).toBe('n1.mp4')
    expect(bytes).toBe(11)
    fs.rmSync(temp)
    expect(await spool.exists('videos', name)).toBe(true)
    const chunks: Buffer[] = []
    for await (const chunk of spool.read('videos', name)) chunks.push(chunk as Buffer)
    expect(Buffer.concat(chunks).toString()).toBe('video bytes')
    // A hard link where possible: the same file, no copy.
    const linked = path.join(dir, 'linked')
    fs.writeFileSync(linked, 'x')
    await spool.adopt('videos', { name: 'b.mov', tempFilePath: linked }, 'n2')
    expect(fs.statSync(spool.pathOf('videos', 'n2.mov')).ino).toBe(fs.statSync(linked).ino)
  })

  it('writes an in-memory upload (Local API) and drops odd extensions', async () => {
    const { name } = await spool.adopt('tracks', {
      name: 'subs.v t t',
      data: Buffer.from('WEBVTT'),
    })
    expect(name).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(fs.readFileSync(spool.pathOf('tracks', name), 'utf8')).toBe('WEBVTT')
  })

  it('refuses names that could leave the spool', () => {
    for (const name of ['../x', 'a/b', '', '.hidden', 'x.verylongextension']) {
      expect(() => spool.pathOf('videos', name)).toThrow()
    }
  })

  it('sweeps old files it is not told to keep', async () => {
    const keep = await spool.adopt('tracks', { name: 'a.vtt', data: Buffer.from('a') }, 'keep')
    const old = await spool.adopt('tracks', { name: 'b.vtt', data: Buffer.from('b') }, 'old')
    const fresh = await spool.adopt('tracks', { name: 'c.vtt', data: Buffer.from('c') }, 'fresh')
    const past = new Date(Date.now() - 3600_000)
    for (const file of [keep.name, old.name])
      fs.utimesSync(spool.pathOf('tracks', file), past, past)
    expect(await spool.sweep('tracks', new Set([keep.name]), 60_000)).toEqual([old.name])
    expect(await spool.exists('tracks', fresh.name)).toBe(true)
    expect(await spool.exists('tracks', keep.name)).toBe(true)
    await spool.remove('tracks', '../../etc/passwd')
  })
})
