import fs from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formatDay } from '../../src/i18n/format'
import { createdId } from './support/api'
import { type AdminDesk, createCountries, deskUsers, openAdminDesk } from './support/adminDesk'
import { artifactsDir, logInToAdmin } from './support/browser'
import type { RunningServer } from './support/server'

const { licensing } = deskUsers('timeline')
const dayMs = 86_400_000
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

describe('title timeline in Chromium', () => {
  let desk: AdminDesk | undefined
  let server: RunningServer
  let page: Page
  let filmId: number
  const contractId = `E2E-TIMELINE-${Date.now()}`
  const startDay = isoDay(Date.now() - 30 * dayMs)
  const endDay = isoDay(Date.now() + 200 * dayMs)

  beforeAll(async () => {
    desk = await openAdminDesk('timeline', async (staff) => {
      await createCountries(staff, ['DE', 'US'])
      filmId = await createdId(
        await staff.post('/api/films', { title: 'Timeline Harbour', _status: 'published' }),
      )
      const licence = (data: Record<string, unknown>) =>
        staff.post('/api/licences', {
          content: [{ relationTo: 'films', value: filmId }],
          kind: 'grant',
          licenceType: 'svod',
          territories: ['DE'],
          ...data,
        })
      await createdId(await licence({ start: startDay, end: endDay, contractId, formats: ['hd'] }))
      await createdId(
        await licence({
          kind: 'holdback',
          holdbackStrength: 'hard',
          start: isoDay(Date.now() + 10 * dayMs),
          end: isoDay(Date.now() + 40 * dayMs),
          contractId: `${contractId}-HOLD`,
        }),
      )
      await createdId(
        await licence({
          licenceType: 'avod',
          territories: ['US'],
          start: startDay,
          contractId: 'US',
        }),
      )
    })
    server = desk.server
    page = desk.page
  })

  afterAll(async () => {
    await desk?.close()
  })

  it("shows the film's licence windows per territory on its edit page", async () => {
    await logInToAdmin(page, server.url, licensing)
    await page.goto(`${server.url}/admin/collections/films/${filmId}`)

    const timeline = page.locator('[data-testid="title-timeline"]')
    const de = timeline.locator('[data-lane="DE/svod"]')
    await de.waitFor({ timeout: 30_000 })
    expect(await timeline.locator('[data-lane="US/avod"]').count()).toBe(1)
    const grant = de.locator('a[data-kind="grant"]')
    expect(await grant.innerText()).toBe(contractId)
    const description = await grant.getAttribute('title')
    expect(description).toContain(`Contract ${contractId}`)
    // Local days in the user's language (English by default: `4 Nov 2026`).
    expect(description).toContain(`DE from ${formatDay(startDay, 'en')} (Europe/Berlin)`)
    expect(description).toContain(`through ${formatDay(endDay, 'en')} (Europe/Berlin)`)
    expect(await de.locator('a[data-kind="holdback"]').count()).toBe(1)
    expect(await timeline.locator('[data-testid="timeline-today"]').count()).toBe(1)
    await timeline.scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(artifactsDir, 'title-timeline.png'), fullPage: true })
    expect(fs.statSync(path.join(artifactsDir, 'title-timeline.png')).size).toBeGreaterThan(10_000)
  })
})
