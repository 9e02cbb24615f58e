import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { licenseFilmInGermany, loginAs } from './support/api'
import { artifactsDir, launchChromium, logInToAdmin } from './support/browser'
import { type RunningServer, startProductionServer } from './support/server'

const admin = { email: 'editor-in-chief@reelhouse.test', password: 'a long admin password' }

describe('admin panel in Chromium', () => {
  let server: RunningServer
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let context: BrowserContext
  let page: Page
  let dataDir: string

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-e2e-'))
    server = await startProductionServer({
      DATABASE_URL: `file:${path.join(dataDir, 'reelhouse.db')}`,
      MEDIA_DIR: path.join(dataDir, 'media'),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    })
    browser = await launchChromium()
    context = browser.context
    page = await context.newPage()
    fs.mkdirSync(artifactsDir, { recursive: true })
  })

  afterAll(async () => {
    if (page && !page.isClosed()) {
      await page.screenshot({ path: path.join(artifactsDir, 'last-page.png') }).catch(() => {})
    }
    await browser?.close()
    await server?.stop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('logs in and shows the dashboard with the catalog collections', async () => {
    await logInToAdmin(page, server.url, admin)
    const nav = page.locator('nav')
    await expect
      .poll(async () => nav.getByText('Films', { exact: true }).count())
      .toBeGreaterThan(0)
    await expect
      .poll(async () => nav.getByText('Licences', { exact: true }).count())
      .toBeGreaterThan(0)
    await page.screenshot({ path: path.join(artifactsDir, 'dashboard.png'), fullPage: true })
    expect(fs.statSync(path.join(artifactsDir, 'dashboard.png')).size).toBeGreaterThan(10_000)
  })

  it('creates and publishes a film that the public REST API then shows', async () => {
    const title = `Harbour Lights ${Date.now()}`
    await page.goto(`${server.url}/admin/collections/films/create`)
    await page.waitForSelector('#field-title')
    await page.fill('#field-title', title)
    // Give autosave and the form state a moment (typing is debounced).
    await page.waitForTimeout(800)
    await page.click('#action-save')
    await page.waitForURL(/\/admin\/collections\/films\/\d+/, { timeout: 30_000 })
    const filmId = Number(/films\/(\d+)/.exec(page.url())?.[1])
    await licenseFilmInGermany(await loginAs(server, admin), filmId)

    await expect
      .poll(
        async () => {
          const response = await fetch(
            `${server.url}/api/films?where[title][equals]=${encodeURIComponent(title)}`,
            { headers: { 'X-Viewer-Territory': 'DE' } },
          )
          const body = (await response.json()) as { docs: { title: string; _status: string }[] }
          return body.docs.map((doc) => `${doc.title}|${doc._status}`)
        },
        { timeout: 15_000 },
      )
      .toEqual([`${title}|published`])

    // The title's page shows where it can be watched: Germany now, the other launch territories not.
    await page.reload()
    await page.waitForSelector(
      '.availability-panel [data-territory="DE"][data-state="available"]',
      {
        timeout: 30_000,
      },
    )
    expect(
      await page.locator('.availability-panel [data-territory="US"]').getAttribute('data-state'),
    ).toBe('none')
    await page.screenshot({
      path: path.join(artifactsDir, 'film-availability.png'),
      fullPage: true,
    })
  })

  it('shows the rights reports view with expiring windows', async () => {
    await page.goto(`${server.url}/admin/rights?days=3650`)
    await page.waitForSelector('h1:has-text("Rights reports")', { timeout: 30_000 })
    // The film's licence is open-ended: nothing ends, and the report says so.
    await page.waitForSelector('[data-section="endingSoon"]', { timeout: 30_000 })
    expect(await page.locator('table[data-report="endingSoon"]').count()).toBe(0)
    await page.screenshot({ path: path.join(artifactsDir, 'rights-reports.png'), fullPage: true })
  })
})
