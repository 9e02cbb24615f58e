import { generateKeyPairSync } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ffmpegCommand, renderTestPattern } from '../../src/seed/testPattern'
import { startFakeMux, type FakeMux } from '../fakes/fakeMux'
import { findFfmpeg } from '../fakes/fakeMuxEncoder'
import { artifactsDir, launchChromium, logInToAdmin } from './support/browser'
import { type RunningServer, startProductionServer } from './support/server'

// The local stack plays: an editor uploads a real file in the admin, the fake Mux encodes it
// with ffmpeg into HLS, and the panel's preview plays it in Chromium (signed playback: the
// fake checks the tokens the server signs).

const ffmpeg = ffmpegCommand()
const skipReason = !ffmpeg || !findFfmpeg() ? ' (skipped: ffmpeg/ffprobe not installed)' : ''

const admin = { email: 'video-player@reelhouse.test', password: 'a long admin password' }
const credentials = { tokenId: 'e2e-token', tokenSecret: 'e2e-secret', webhookSecret: 'e2e-whsec' }
const signingKeyId = 'e2e-signing-key'

const videoStatus = (page: Page) =>
  page.locator('.video-mux-panel').getAttribute('data-status', { timeout: 5_000 })

describe.skipIf(skipReason)(`video preview plays in the admin (Chromium)${skipReason}`, () => {
  let fake: FakeMux
  let server: RunningServer
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let page: Page
  let dataDir: string

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-e2e-playback-'))
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    fake = await startFakeMux({
      ...credentials,
      media: {
        dir: path.join(dataDir, 'fake-mux'),
        signingKeys: {
          [signingKeyId]: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        },
      },
    })
    server = await startProductionServer({
      DATABASE_URL: `file:${path.join(dataDir, 'reelhouse.db')}`,
      MEDIA_DIR: path.join(dataDir, 'media'),
      VIDEO_SPOOL_DIR: path.join(dataDir, 'spool'),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      MUX_TOKEN_ID: credentials.tokenId,
      MUX_TOKEN_SECRET: credentials.tokenSecret,
      MUX_WEBHOOK_SECRET: credentials.webhookSecret,
      MUX_BASE_URL: fake.url,
      MUX_STREAM_BASE_URL: fake.url,
      MUX_IMAGE_BASE_URL: fake.url,
      MUX_SIGNING_KEY: signingKeyId,
      MUX_PRIVATE_KEY: Buffer.from(
        privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      ).toString('base64'),
    })
    fake.configure({ webhookUrl: `${server.url}/api/mux/webhook` })
    browser = await launchChromium()
    page = await browser.context.newPage()
    fs.mkdirSync(artifactsDir, { recursive: true })
  })

  afterAll(async () => {
    if (page && !page.isClosed()) {
      await page
        .screenshot({ path: path.join(artifactsDir, 'video-playback-last-page.png') })
        .catch(() => {})
    }
    await browser?.close()
    await server?.stop()
    await fake?.stop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('uploads a real file, and the preview plays it: currentTime advances', async () => {
    const file = path.join(dataDir, 'pattern.mp4')
    await renderTestPattern(ffmpeg as string, file, {
      seconds: 6,
      width: 640,
      height: 360,
      tone: 440,
    })
    await logInToAdmin(page, server.url, admin)
    await page.goto(`${server.url}/admin/collections/videos/create`)
    await page.waitForSelector('#field-title', { timeout: 60_000 })
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: 'pattern.mp4', mimeType: 'video/mp4', buffer: fs.readFileSync(file) })
    await page.fill('#field-title', 'Test pattern')
    await page.waitForTimeout(500)
    await page.click('#action-save')
    await page.waitForURL(/\/admin\/collections\/videos\/\d+/, { timeout: 60_000 })
    await expect.poll(() => videoStatus(page), { timeout: 120_000, interval: 500 }).toBe('ready')

    const preview = page.locator('.video-mux-panel video')
    await preview.waitFor({ timeout: 30_000 })
    const src = (await preview.getAttribute('src')) ?? ''
    expect(src.startsWith(`${fake.url}/`)).toBe(true)
    expect(new URL(src).searchParams.get('token')).toBeTruthy()

    const before = await preview.evaluate(async (element: HTMLVideoElement) => {
      element.muted = true
      await element.play()
      return element.currentTime
    })
    await expect
      .poll(() => preview.evaluate((element: HTMLVideoElement) => element.currentTime), {
        timeout: 30_000,
        interval: 250,
      })
      .toBeGreaterThan(before + 1)
    const state = await preview.evaluate((element: HTMLVideoElement) => ({
      error: element.error?.code ?? null,
      width: element.videoWidth,
      duration: Math.round(element.duration),
    }))
    expect(state).toEqual({ error: null, width: expect.any(Number), duration: 6 })
    expect(state.width).toBeGreaterThan(0)
    await page.screenshot({ path: path.join(artifactsDir, 'video-playing.png') })
  })
})
