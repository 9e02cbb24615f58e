import fs from 'node:fs'
import path from 'node:path'

import { parse } from 'csv-parse/sync'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createdId } from './support/api'
import { type AdminDesk, createCountries, deskUsers, openAdminDesk } from './support/adminDesk'
import { artifactsDir, logInToAdmin } from './support/browser'
import type { RunningServer } from './support/server'

const { licensing } = deskUsers('reports')

describe('rights reports and the licensing dashboard in Chromium', () => {
  let desk: AdminDesk | undefined
  let server: RunningServer
  let page: Page
  let dataDir: string
  const stamp = Date.now()
  const gapTitle = `Aardvark Gap ${stamp}`
  const otherGap = `Zebra Gap ${stamp}`
  let gapId = 0
  const endingTitle = `Ending Soon ${stamp}`
  // A date-only end: the licence's last day in Germany, ten days from now.
  const endDay = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)

  beforeAll(async () => {
    desk = await openAdminDesk(
      'reports',
      async (staff) => {
        await createCountries(staff, ['DE'])
        // Two published films without any licence in the launch territory: two rights gaps.
        gapId = await createdId(
          await staff.post('/api/films', { title: gapTitle, _status: 'published' }),
        )
        await createdId(await staff.post('/api/films', { title: otherGap, _status: 'published' }))
        const endingId = await createdId(
          await staff.post('/api/films', { title: endingTitle, _status: 'published' }),
        )
        await createdId(
          await staff.post('/api/licences', {
            content: [{ relationTo: 'films', value: endingId }],
            kind: 'grant',
            licenceType: 'svod',
            territories: ['DE'],
            start: '2026-01-01',
            end: endDay,
            contractId: `E2E-ENDING-${endingId}`,
          }),
        )
      },
      { LAUNCH_TERRITORIES: 'DE' },
    )
    server = desk.server
    page = desk.page
    dataDir = desk.dataDir
  })

  afterAll(async () => {
    await desk?.close()
  })

  it('shows the licensing desk on the admin home and the gaps by name, sorted and as CSV', async () => {
    await logInToAdmin(page, server.url, licensing)
    // The admin home: the licensing desk with its rights gaps card (and no editorial desk).
    const gapsCard = page.locator('[data-desk="licensing"] [data-card="gaps"]')
    await gapsCard.waitFor({ timeout: 30_000 })
    expect(await gapsCard.locator('[data-count]').innerText()).toBe('2')
    const endingCard = page.locator('[data-desk="licensing"] [data-card="endingSoon"]')
    expect(await endingCard.locator('[data-count]').innerText()).toBe('1')
    expect(await endingCard.locator('li').innerText()).toContain(endingTitle)
    expect(await gapsCard.locator(`a:has-text("${gapTitle}")`).getAttribute('href')).toBe(
      `/admin/collections/films/${gapId}`,
    )
    expect(await page.locator('[data-desk="editorial"]').count()).toBe(0)
    await page.screenshot({
      path: path.join(artifactsDir, 'licensing-dashboard.png'),
      fullPage: true,
    })

    // The viewer sits in New York: times show in that zone, with Germany's day beside them.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'America/New_York' })
    await page.goto(`${server.url}/admin/rights`)
    await page.waitForSelector('h1:has-text("Rights reports")', { timeout: 30_000 })
    await page.waitForSelector('p:has-text("America/New_York")', { timeout: 30_000 })
    const ending = page.locator('table[data-report="endingSoon"] tr', { hasText: endingTitle })
    const end = ending.locator('td[data-column="end"]')
    expect(await end.locator('[data-local-date]').getAttribute('data-local-date')).toBe(endDay)
    // The window ends at midnight after its last day in Berlin: 23:00 or 22:00 UTC that day,
    // which is 18:00 that same day in New York (EST or EDT).
    const utc = (await end.locator('time').getAttribute('datetime')) ?? ''
    expect(utc).toMatch(new RegExp(`^${endDay}T2[23]:00:00\\.000Z$`))
    expect(await end.innerText()).toContain(`${utc.slice(0, 16).replace('T', ' ')} UTC`)
    expect(await end.locator('time').innerText()).toContain('18:00')
    const gaps = page.locator('table[data-report="gaps"]')
    await gaps.waitFor({ timeout: 30_000 })
    const names = () => gaps.locator('td[data-column="titles"] a').allInnerTexts()
    // A title by its name, linked to its edit page (not `films/12`).
    expect(await names()).toEqual([gapTitle, otherGap])
    expect(await gaps.locator(`a:has-text("${gapTitle}")`).getAttribute('href')).toBe(
      `/admin/collections/films/${gapId}`,
    )
    // Clicking the heading sorts by it; again, the other way.
    const heading = gaps.locator('th[data-column="titles"]')
    expect(await heading.getAttribute('aria-sort')).toBe('ascending')
    await heading.locator('button').click()
    await expect.poll(names, { timeout: 10_000 }).toEqual([otherGap, gapTitle])
    expect(await heading.getAttribute('aria-sort')).toBe('descending')

    // The CSV button downloads the same rows with the session's cookie.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.locator('a[data-csv="gaps"]').click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^rights-gaps-\d{4}-\d{2}-\d{2}\.csv$/)
    const csvPath = path.join(dataDir, 'gaps.csv')
    await download.saveAs(csvPath)
    const [header, ...rows] = parse(fs.readFileSync(csvPath, 'utf8')) as string[][]
    expect(header.slice(0, 3)).toEqual(['titles', 'titlesKeys', 'territory'])
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      [gapTitle, `films/${gapId}`, 'DE'],
      [otherGap, expect.stringMatching(/^films\/\d+$/), 'DE'],
    ])

    await page.screenshot({
      path: path.join(artifactsDir, 'rights-reports-gaps.png'),
      fullPage: true,
    })
    expect(fs.statSync(path.join(artifactsDir, 'rights-reports-gaps.png')).size).toBeGreaterThan(
      10_000,
    )
    expect(fs.statSync(path.join(artifactsDir, 'licensing-dashboard.png')).size).toBeGreaterThan(
      10_000,
    )
  })
})
