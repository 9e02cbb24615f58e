import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startFakeMux, type FakeMux } from '../fakes/fakeMux'
import { tinyMp4 } from '../fakes/videoFiles'
import { loginAs } from './support/api'
import { artifactsDir, launchChromium, logInToAdmin } from './support/browser'
import { createPostgresDatabase, postgresServerUrl } from './support/postgres'
import { type RunningServer, spawnServer, startProductionServer } from './support/server'

// An editor uploads a video in the admin (Chromium) and sees it become ready: the production
// server pushes it to a fake Mux started here, whose signed webhooks come back to the server.
// Then a replacement goes straight from the browser to Mux with the panel's upload button.
//
// Production needs the migrations of the Mux schema (videos fields, mux-events, job
// concurrency). Before they exist, VIDEO_E2E_DEV=1 runs the same test against the development
// server (schema push; slower first compile).

const admin = { email: 'video-editor@reelhouse.test', password: 'a long admin password' }
const muxCredentials = {
  tokenId: 'e2e-token',
  tokenSecret: 'e2e-secret',
  webhookSecret: 'e2e-whsec',
}

const startDevelopmentServer = (env: Record<string, string>): Promise<RunningServer> =>
  spawnServer({
    mode: 'development',
    env: { JOBS_CRON: '* * * * * *', SEED_DEMO: 'false', ...env },
    readyTimeoutMs: 180_000,
  })

const videoStatus = (page: Page) =>
  page.locator('.video-mux-panel').getAttribute('data-status', { timeout: 5_000 })

describe(`video upload in the admin (Chromium, ${postgresServerUrl ? 'postgres' : 'sqlite'})`, () => {
  let fake: FakeMux
  let server: RunningServer
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let page: Page
  let dataDir: string
  let dropDatabase = async () => {}
  const consoleErrors: string[] = []

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-e2e-video-'))
    fake = await startFakeMux({ ...muxCredentials, readyDelayMs: 300 })
    // PostgreSQL when the suite has a server (CI), else SQLite, as the content API e2e does.
    let databaseUrl = `file:${path.join(dataDir, 'reelhouse.db')}`
    if (postgresServerUrl) {
      const database = await createPostgresDatabase(postgresServerUrl)
      databaseUrl = database.url
      dropDatabase = database.drop
    }
    const env = {
      DATABASE_URL: databaseUrl,
      MEDIA_DIR: path.join(dataDir, 'media'),
      VIDEO_SPOOL_DIR: path.join(dataDir, 'spool'),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      MUX_TOKEN_ID: muxCredentials.tokenId,
      MUX_TOKEN_SECRET: muxCredentials.tokenSecret,
      MUX_WEBHOOK_SECRET: muxCredentials.webhookSecret,
      MUX_BASE_URL: fake.url,
      MUX_SIGNING_KEY: '',
      MUX_PRIVATE_KEY: '',
    }
    server =
      process.env.VIDEO_E2E_DEV === '1'
        ? await startDevelopmentServer(env)
        : await startProductionServer(env)
    fake.configure({ webhookUrl: `${server.url}/api/mux/webhook` })
    browser = await launchChromium()
    page = await browser.context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(String(error)))
    fs.mkdirSync(artifactsDir, { recursive: true })
  })

  afterAll(async () => {
    if (page && !page.isClosed()) {
      await page
        .screenshot({ path: path.join(artifactsDir, 'video-last-page.png') })
        .catch(() => {})
    }
    await browser?.close()
    await server?.stop()
    await fake?.stop()
    await dropDatabase()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('uploads a video in the admin and sees it become ready', async () => {
    const harbour = tinyMp4(256 * 1024)
    await logInToAdmin(page, server.url, admin)

    await page.goto(`${server.url}/admin/collections/videos/create`)
    await page.waitForSelector('#field-title', { timeout: 60_000 })
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: 'harbour.mp4', mimeType: 'video/mp4', buffer: harbour })
    await page.fill('#field-title', 'Harbour at dawn')
    await page.waitForTimeout(500)
    await page.click('#action-save')
    await page.waitForURL(/\/admin\/collections\/videos\/\d+/, { timeout: 60_000 })
    const videoId = Number(/videos\/(\d+)/.exec(page.url())?.[1])

    await expect.poll(() => videoStatus(page), { timeout: 60_000, interval: 500 }).toBe('ready')
    await expect.poll(() => page.locator('.video-status-badge').first().textContent()).toBe('ready')
    await page.screenshot({ path: path.join(artifactsDir, 'video-ready.png'), fullPage: true })
    // Thumbnails of a signed video without a signing key 404; nothing else may go wrong.
    expect(consoleErrors.filter((text) => !text.includes('Failed to load resource'))).toEqual([])

    const api = await loginAs(server, admin)
    const video = await api.json<{
      status: string
      muxAssetId: string
      muxUploadId: string
      playbackIds: unknown[]
      ingest?: { nonce?: string | null }
    }>(`/api/videos/${videoId}`)
    expect(video.status).toBe('ready')
    // The file went on to Mux while the admin sent it, before the video had an id; once the
    // save committed, the asset was renamed to name its record.
    const asset = fake.assets.get(video.muxAssetId)
    expect(asset?.upload_id).toBe(video.muxUploadId)
    await expect
      .poll(() => fake.assets.get(video.muxAssetId)?.passthrough, { timeout: 30_000 })
      .toBe(`videos:${videoId}:${video.ingest?.nonce}`)
    expect(fake.uploadDigests.get(video.muxUploadId)).toBe(
      crypto.createHash('sha256').update(harbour).digest('hex'),
    )
    expect(video.playbackIds).toHaveLength(1)
  })

  it('replaces it with a file sent from the browser straight to Mux, with progress', async () => {
    const videoId = Number(/videos\/(\d+)/.exec(page.url())?.[1])
    const api = await loginAs(server, admin)
    const before = await api.json<{ muxAssetId: string }>(`/api/videos/${videoId}`)
    await page
      .locator('[data-testid="mux-direct-upload"]')
      .setInputFiles({ name: 'cut-two.mp4', mimeType: 'video/mp4', buffer: tinyMp4(512 * 1024) })
    await expect
      .poll(() => page.locator('.video-mux-panel__notice').textContent(), { timeout: 30_000 })
      .toContain('arrived at Mux')
    await expect
      .poll(
        async () => (await api.json<{ muxAssetId: string }>(`/api/videos/${videoId}`)).muxAssetId,
        { timeout: 60_000 },
      )
      .not.toBe(before.muxAssetId)
    await expect.poll(() => videoStatus(page), { timeout: 30_000 }).toBe('ready')
    // The old asset is deleted at Mux once the new one plays.
    await expect.poll(() => fake.assets.has(before.muxAssetId), { timeout: 30_000 }).toBe(false)
  })
})
