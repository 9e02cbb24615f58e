import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { publicServerUrl } from '../../../src/config/origins'
import {
  fileInside,
  fingerprintFile,
  versionOf,
  withVersion,
} from '../../../src/media/fileFingerprint'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-fingerprint-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('file fingerprints (content-addressed file URLs)', () => {
  it('follow the bytes: the same bytes the same version, new bytes a new one', async () => {
    const a = path.join(dir, 'a.webp')
    const b = path.join(dir, 'b.webp')
    fs.writeFileSync(a, 'first bytes')
    fs.writeFileSync(b, 'first bytes')
    const first = await fingerprintFile(a)
    expect(first).toBeDefined()
    expect(versionOf(first!)).toBe(versionOf((await fingerprintFile(b))!))
    // Rewritten in place (same name, same length): a new version, not the remembered one.
    fs.writeFileSync(a, 'other bytes')
    fs.utimesSync(a, new Date(), new Date(Date.now() + 5_000))
    const second = await fingerprintFile(a)
    expect(second?.hash).not.toBe(first?.hash)
    expect(versionOf(second!)).toMatch(/^[\w-]{16}$/)
    expect(await fingerprintFile(path.join(dir, 'missing.webp'))).toBeUndefined()
    expect(await fingerprintFile(dir)).toBeUndefined()
  })

  it('stay inside their folder', () => {
    expect(fileInside(dir, 'poster.webp')).toBe(path.join(dir, 'poster.webp'))
    expect(fileInside(dir, '../outside.webp')).toBeUndefined()
    expect(fileInside(dir, '/etc/passwd')).toBeUndefined()
  })

  it('put the version in the query of absolute and relative URLs', () => {
    expect(withVersion('https://cms.example/api/images/file/a%20b.webp', 'abc')).toBe(
      'https://cms.example/api/images/file/a%20b.webp?v=abc',
    )
    expect(withVersion('/api/images/file/a.webp?v=old', 'new')).toBe(
      '/api/images/file/a.webp?v=new',
    )
  })

  it('are served under SERVER_URL, or localhost:PORT in development', () => {
    expect(publicServerUrl({ SERVER_URL: 'https://cms.example.com/' })).toBe(
      'https://cms.example.com',
    )
    expect(publicServerUrl({ PORT: '4000' })).toBe('http://localhost:4000')
    expect(publicServerUrl({})).toBe('http://localhost:3000')
    expect(publicServerUrl({ NODE_ENV: 'production' })).toBeUndefined()
  })
})
