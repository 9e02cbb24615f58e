import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { importSPKI, jwtVerify } from 'jose'
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

// A signing key, so the signed video gets a preview and a thumbnail the server signs.
const signingKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
const signingKeyId = 'e2e-signing-key'

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
      MUX_SIGNING_KEY: signingKeyId,
      MUX_PRIVATE_KEY: Buffer.from(
        signingKey.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      ).toString('base64'),
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
    await expect.poll(() => page.locator('.video-status-badge').first().textContent()).toBe('Ready')
    // The sidebar's help says what a ready video is, no longer what a pending one waits for.
    const help = page.locator('.video-status-field .video-status-field__help')
    await expect.poll(() => help.textContent()).toMatch(/^Ready: /)
    expect(await help.textContent()).not.toMatch(/pending/i)
    expect(await page.locator('.video-status-field').getAttribute('data-help')).toBe(
      'videoHelpReady',
    )
    expect(await page.locator('.video-mux-panel__message').textContent()).toMatch(/^Ready: /)
    // The badge is the admin's own pill.
    expect(
      await page.locator('.video-status-field .video-status-badge .pill--style-success').count(),
    ).toBe(1)
    await page.screenshot({ path: path.join(artifactsDir, 'video-ready.png'), fullPage: true })
    // The preview's thumbnail cannot load here (image.mux.com is not reachable); nothing else
    // may go wrong.
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

  it('shows the Mux thumbnail, signed by the server', async () => {
    const videoId = Number(/videos\/(\d+)/.exec(page.url())?.[1])
    const api = await loginAs(server, admin)
    const video = await api.json<{ playbackIds: { playbackId: string; policy: string }[] }>(
      `/api/videos/${videoId}`,
    )
    const [{ playbackId, policy }] = video.playbackIds
    expect(policy).toBe('signed')
    const thumbnail = page.locator('.video-mux-panel__thumbnail')
    await thumbnail.waitFor({ state: 'visible', timeout: 30_000 })
    const src = new URL((await thumbnail.getAttribute('src')) ?? '', server.url)
    expect(`${src.pathname}${src.search}`).toBe(`/api/videos/${videoId}/thumbnail?v=${playbackId}`)
    // The fake Mux serves no images: when the image did not load, its URL must still be the
    // thumbnail Mux would serve, with a thumbnail token for this playback id.
    const naturalWidth = await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)
    const response = await fetch(src, {
      headers: { Authorization: api.authorization },
      redirect: 'manual',
    })
    expect(response.status).toBe(302)
    const location = new URL(response.headers.get('location') ?? '')
    if (naturalWidth === 0) {
      expect(`${location.origin}${location.pathname}`).toBe(
        `https://image.mux.com/${playbackId}/thumbnail.webp`,
      )
    }
    const publicKey = await importSPKI(
      signingKey.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      'RS256',
    )
    const { payload, protectedHeader } = await jwtVerify(
      location.searchParams.get('token') ?? '',
      publicKey,
      { audience: 't', subject: playbackId },
    )
    expect(protectedHeader.kid).toBe(signingKeyId)
    expect(payload.exp).toBeGreaterThan(Date.now() / 1000)
    // The <video> gets the same poster, and the preview is left alone between polls.
    const poster = await page.locator('.video-mux-panel video').getAttribute('poster')
    expect(poster).toBe(src.href)
    const hls = await page.locator('.video-mux-panel video').getAttribute('src')
    // The next poll brings freshly signed URLs; the element keeps the ones it plays.
    await page.waitForResponse((answer) => answer.url().includes('/mux-status'), {
      timeout: 30_000,
    })
    await page.waitForTimeout(300)
    expect(await page.locator('.video-mux-panel video').getAttribute('src')).toBe(hls)
  })

  it("adds subtitles with the admin's own controls, Enter sending the track", async () => {
    const videoId = Number(/videos\/(\d+)/.exec(page.url())?.[1])
    const api = await loginAs(server, admin)
    const form = page.locator('.video-mux-subtitles')
    await form.waitFor({ state: 'visible', timeout: 30_000 })
    // Payload's react-select, text inputs and checkbox, not bare browser controls.
    expect(await form.locator('select').count()).toBe(0)
    const source = form.locator('#field-muxSubtitles__source .react-select')
    await source.locator('.rs__control').click()
    await page.locator('.rs__option', { hasText: 'A URL' }).click()
    expect(await source.locator('.rs__single-value').textContent()).toBe('A URL')
    await form
      .locator('input#field-muxSubtitles__url')
      .fill('https://subtitles.example/harbour.de.vtt')
    await form.locator('input#field-muxSubtitles__languageCode').fill('de')
    await form.locator('input#field-muxSubtitles__name').fill('Deutsch')
    await form.locator('.checkbox-input input[type="checkbox"]').check()
    await page.screenshot({
      path: path.join(artifactsDir, 'video-subtitles-form.png'),
      fullPage: true,
    })
    const requests: string[] = []
    const record = (request: { method: () => string; url: () => string }) =>
      requests.push(`${request.method()} ${new URL(request.url()).pathname}`)
    page.on('request', record)
    await form.locator('input#field-muxSubtitles__name').press('Enter')

    await expect
      .poll(() => page.locator('.video-mux-tracks__notice').textContent(), { timeout: 30_000 })
      .toContain('Requested')
    const track = page.locator('.video-mux-tracks tbody tr', { hasText: 'Deutsch' })
    await expect
      .poll(() => track.getAttribute('data-track-status', { timeout: 2_000 }).catch(() => null), {
        timeout: 60_000,
      })
      .toBe('ready')
    expect(await track.locator('.pill').textContent()).toBe('Ready')
    await page.screenshot({ path: path.join(artifactsDir, 'video-subtitles.png'), fullPage: true })

    const video = await api.json<{
      tracks: { kind: string; languageCode: string; name: string; closedCaptions: boolean }[]
    }>(`/api/videos/${videoId}`)
    expect(video.tracks).toContainEqual(
      expect.objectContaining({
        kind: 'text',
        languageCode: 'de',
        name: 'Deutsch',
        closedCaptions: true,
      }),
    )
    // Enter sent the track; it did not save the document's form.
    page.off('request', record)
    expect(requests).toContain(`POST /api/videos/${videoId}/tracks`)
    expect(requests.filter((request) => request.startsWith('PATCH '))).toEqual([])
  })

  it('keeps to the theme in dark mode', async () => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.reload()
    await page.locator('.video-mux-panel[data-status="ready"]').waitFor({ timeout: 60_000 })
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark')
    // Our parts draw with the theme's variables: the panel's text is light on dark.
    const [text, background] = await page.locator('.video-mux-panel').evaluate((panel) => {
      const style = getComputedStyle(panel)
      const body = getComputedStyle(document.body)
      return [style.color, body.backgroundColor]
    })
    const luminance = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+/g) ?? ['0', '0', '0']).map(Number)
      return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }
    expect(luminance(text)).toBeGreaterThan(luminance(background))
    await page.screenshot({ path: path.join(artifactsDir, 'video-ready-dark.png'), fullPage: true })
    await page.emulateMedia({ colorScheme: 'light' })
    await page.reload()
    await page.locator('.video-mux-panel[data-status="ready"]').waitFor({ timeout: 60_000 })
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
