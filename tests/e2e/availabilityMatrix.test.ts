import fs from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formatDay } from '../../src/i18n/format'
import { createdId } from './support/api'
import { type AdminDesk, createCountries, deskUsers, openAdminDesk } from './support/adminDesk'
import { artifactsDir, logInToAdmin } from './support/browser'
import type { RunningServer } from './support/server'

const { licensing } = deskUsers('matrix')
const dayMs = 86_400_000
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

describe('availability matrix in Chromium', () => {
  let desk: AdminDesk | undefined
  let server: RunningServer
  let page: Page
  const title = `Matrix Harbour ${Date.now()}`
  // The licence starts 30 days ago (a DE day), so 60 days ago the film is upcoming.
  const startDay = isoDay(Date.now() - 30 * dayMs)

  beforeAll(async () => {
    desk = await openAdminDesk('matrix', async (staff) => {
      await createCountries(staff, ['DE', 'US', 'CN'])
      const filmId = await createdId(
        await staff.post('/api/films', { title, _status: 'published' }),
      )
      await createdId(
        await staff.post('/api/licences', {
          content: [{ relationTo: 'films', value: filmId }],
          kind: 'grant',
          licenceType: 'svod',
          territories: ['DE'],
          start: startDay,
          contractId: `E2E-MATRIX-${filmId}`,
        }),
      )
    })
    server = desk.server
    page = desk.page
  })

  afterAll(async () => {
    await desk?.close()
  })

  it('shows a licensed film available in DE, and upcoming once the scrubber is before its start', async () => {
    await logInToAdmin(page, server.url, licensing)
    // The navigation links the view (the nav itself may be collapsed at this width).
    expect(await page.locator('#nav-availability-matrix').getAttribute('href')).toBe(
      '/admin/availability-matrix',
    )
    await page.goto(`${server.url}/admin/availability-matrix`)
    await page.waitForSelector('h1:has-text("Availability matrix")', { timeout: 30_000 })

    const row = page.locator(`tr[data-title="${title}"]`)
    const de = row.locator('td[data-territory="DE"]')
    await de.waitFor({ timeout: 30_000 })
    expect(await de.getAttribute('data-state')).toBe('available')
    expect(await row.locator('td[data-territory="US"]').getAttribute('data-state')).toBe('none')
    expect(await row.locator('a').getAttribute('href')).toMatch(
      /^\/admin\/collections\/films\/\d+$/,
    )
    expect(await page.locator('[data-legend]').count()).toBe(6)

    await page.locator('input[name="scrubber"]').fill('-60')
    await expect
      .poll(async () => de.getAttribute('data-state'), { timeout: 15_000 })
      .toBe('upcoming')
    expect(await page.locator('input[name="day"]').inputValue()).toBe(
      isoDay(Date.parse(`${isoDay(Date.now())}T00:00:00Z`) - 60 * dayMs),
    )
    // The start shows as the licence's own day in Germany (English by default: `from 4 Nov 2026`).
    expect(await de.innerText()).toContain(`from ${formatDay(startDay, 'en')}`)
    await page.screenshot({
      path: path.join(artifactsDir, 'availability-matrix.png'),
      fullPage: true,
    })
    expect(fs.statSync(path.join(artifactsDir, 'availability-matrix.png')).size).toBeGreaterThan(
      10_000,
    )
  })
})
