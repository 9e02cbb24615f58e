import fs from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createdId } from './support/api'
import { type AdminDesk, createCountries, deskUsers, openAdminDesk } from './support/adminDesk'
import { artifactsDir, logInToAdmin } from './support/browser'
import type { RunningServer } from './support/server'

const { licensing } = deskUsers('import')
/** The MovieLabs 1.7.2 movie sample: 7 licences for two films, two POEST rows refused. */
const sample = path.resolve('tests/fixtures/ema-avails/Movies_v1.7.2.xlsx')
const mountain = 'The View from a Mountain'

const screenshot = async (page: Page, name: string) => {
  const file = path.join(artifactsDir, name)
  await page.screenshot({ path: file, fullPage: true })
  expect(fs.statSync(file).size).toBeGreaterThan(10_000)
}

describe('avails import in Chromium', () => {
  let desk: AdminDesk | undefined
  let server: RunningServer
  let page: Page

  beforeAll(async () => {
    desk = await openAdminDesk('import', async (staff) => {
      await createCountries(staff, ['US', 'CA', 'ES', 'DE', 'CN'])
      // The sample names the first by its ALID, the second by its EIDR.
      await createdId(
        await staff.post('/api/films', {
          title: mountain,
          releaseYear: 2006,
          externalIds: { availsIds: ['VIEW_MT_2006'] },
          _status: 'published',
        }),
      )
      await createdId(
        await staff.post('/api/films', {
          title: 'The First Dance',
          releaseYear: 2013,
          externalIds: {
            eidr: '10.5240/1489-49A2-3956-4B2D-FE16-A',
            availsIds: ['FIRSTDANCE_2012', 'FIRSTDANCE_2012_ES'],
          },
          _status: 'published',
        }),
      )
      // Named by the file's Full Delete row (which finds nothing to delete yet).
      await createdId(
        await staff.post('/api/films', {
          title: 'The Last Dance',
          releaseYear: 1978,
          externalIds: { availsIds: ['FIRSTDANCE_2012_DE'] },
          _status: 'published',
        }),
      )
    })
    server = desk.server
    page = desk.page
  })

  afterAll(async () => {
    await desk?.close()
  })

  it('uploads a sample, reads the dry run, applies it as a job, then finds the title in the matrix and its timeline', async () => {
    await logInToAdmin(page, server.url, licensing)
    expect(await page.locator('#nav-avails-import').getAttribute('href')).toBe(
      '/admin/avails-import',
    )
    // The list of imports links the upload.
    await page.goto(`${server.url}/admin/collections/avails-imports`)
    await page.locator('#avails-import-upload-link').click()
    await page.waitForURL(`${server.url}/admin/avails-import`, { timeout: 30_000 })
    await page.waitForSelector('h1:has-text("Import EMA Avails")', { timeout: 30_000 })

    await page.setInputFiles('input[type="file"][name="file"]', sample)
    await page.locator('#import-upload').click()
    const imported = page.locator('[data-import][data-status="dryRun"]')
    await imported.waitFor({ timeout: 60_000 })
    const count = (key: string) => page.locator(`[data-count="${key}"]`).innerText()
    expect(await count('create')).toBe('7')
    expect(await count('errorRows')).toBe('2')
    expect(await count('unmatchedTitles')).toBe('0')
    // Error rows name sheet, row, column and reason; the films are named and linked.
    const errors = page.locator('[data-section="errors"] tbody tr')
    expect(await errors.count()).toBe(2)
    expect(await errors.first().innerText()).toMatch(/6\s+J\s+.*POEST/)
    const created = page.locator('[data-section="create"] tbody tr')
    expect(await created.count()).toBe(7)
    await expect
      .poll(() => page.locator(`[data-section="create"] a:has-text("${mountain}")`).count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0)
    // Error rows block the apply until they are skipped.
    const applyButton = page.locator('#import-apply')
    expect(await applyButton.isDisabled()).toBe(true)
    await screenshot(page, 'avails-import-dry-run.png')

    await page.locator('label[for="import-skip-error-rows"]').click()
    expect(await applyButton.isDisabled()).toBe(false)
    await applyButton.click()
    const progress = page.locator('[data-progress]')
    await progress.waitFor({ timeout: 15_000 })
    await screenshot(page, 'avails-import-progress.png')

    await page.locator('[data-import][data-status="applied"]').waitFor({ timeout: 90_000 })
    expect(await progress.getAttribute('data-progress')).toBe('done')
    expect(await page.locator('[role="progressbar"]').getAttribute('aria-valuenow')).toBe('100')
    expect(await page.locator('[data-phase]').innerText()).toBe('Done')
    expect(await page.locator('[data-audit]').getAttribute('data-audit')).toBe('clean')
    const titleLink = page.locator(`[data-titles] a:has-text("${mountain}")`)
    await titleLink.waitFor({ timeout: 15_000 })
    const titleHref = await titleLink.getAttribute('href')
    expect(titleHref).toMatch(/^\/admin\/collections\/films\/\d+$/)
    await screenshot(page, 'avails-import-applied.png')

    // The imported US EST window (open-ended since 2013) shows in the matrix today.
    await page.locator('[data-result] a[href="/admin/availability-matrix"]').click()
    await page.waitForSelector('h1:has-text("Availability matrix")', { timeout: 30_000 })
    const us = page.locator(`tr[data-title="${mountain}"] td[data-territory="US"]`)
    await us.waitFor({ timeout: 30_000 })
    expect(await us.getAttribute('data-state')).toBe('available')
    expect(
      await page
        .locator(`tr[data-title="${mountain}"] td[data-territory="DE"]`)
        .getAttribute('data-state'),
    ).toBe('none')
    await screenshot(page, 'avails-import-matrix.png')

    // Its edit page shows the imported licence on the timeline.
    await page.locator(`tr[data-title="${mountain}"] a`).first().click()
    await page.waitForURL(`${server.url}${titleHref}`, { timeout: 30_000 })
    const lane = page.locator('[data-testid="title-timeline"] [data-lane="US/est"]')
    await lane.waitFor({ timeout: 30_000 })
    expect(await lane.locator('a[data-kind="grant"]').count()).toBeGreaterThan(0)
    await lane.scrollIntoViewIfNeeded()
    await screenshot(page, 'avails-import-timeline.png')
  })
})
