import fs from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formatDay } from '../../src/i18n/format'
import { createdId } from './support/api'
import { type AdminDesk, createCountries, deskUsers, openAdminDesk } from './support/adminDesk'
import { artifactsDir, logInToAdmin } from './support/browser'
import type { RunningServer } from './support/server'

const { licensing } = deskUsers('languages')
const dayMs = 86_400_000
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

describe('the admin in the staff member’s language, in Chromium', () => {
  let desk: AdminDesk | undefined
  let server: RunningServer
  let page: Page
  let filmId: number
  const title = `Sprachhafen ${Date.now()}`
  // The licence starts 30 days ago (a DE day), so 60 days ago the film is upcoming there.
  const startDay = isoDay(Date.now() - 30 * dayMs)

  beforeAll(async () => {
    desk = await openAdminDesk('languages', async (staff) => {
      await createCountries(staff, ['DE', 'US', 'CN'])
      filmId = await createdId(await staff.post('/api/films', { title, _status: 'published' }))
      await createdId(
        await staff.post('/api/licences', {
          content: [{ relationTo: 'films', value: filmId }],
          kind: 'grant',
          licenceType: 'svod',
          territories: ['DE'],
          start: startDay,
          contractId: `E2E-LANGUAGES-${filmId}`,
        }),
      )
    })
    server = desk.server
    page = desk.page
  })

  afterAll(async () => {
    await desk?.close()
  })

  /** Picks a language in the account page's selector, as a staff member would. */
  const chooseLanguage = async (label: string, code: string) => {
    await page.goto(`${server.url}/admin/account`)
    const selector = page.locator('.payload-settings__language')
    await selector.locator('.react-select').click({ timeout: 30_000 })
    await selector.locator('.rs__option', { hasText: label }).click()
    await page.waitForSelector(`html[lang="${code}"]`, { timeout: 30_000 })
  }

  /** The matrix, scrubbed 60 days back, where the German licence is still to come. */
  const openMatrixBeforeTheLicence = async (heading: string) => {
    await page.goto(`${server.url}/admin/availability-matrix`)
    await page.waitForSelector(`h1:has-text("${heading}")`, { timeout: 30_000 })
    const de = page.locator(`tr[data-title="${title}"] td[data-territory="DE"]`)
    await de.waitFor({ timeout: 30_000 })
    expect(await de.getAttribute('data-state')).toBe('available')
    await page.locator('input[name="scrubber"]').fill('-60')
    await expect
      .poll(async () => de.getAttribute('data-state'), { timeout: 15_000 })
      .toBe('upcoming')
    return de
  }

  const legendText = async () =>
    Object.fromEntries(
      await page
        .locator('[data-legend]')
        .evaluateAll((items) =>
          items.map((item) => [item.getAttribute('data-legend'), item.textContent?.trim()]),
        ),
    ) as Record<string, string>

  it('offers every admin language on the account page', async () => {
    await logInToAdmin(page, server.url, licensing)
    await page.goto(`${server.url}/admin/account`)
    const selector = page.locator('.payload-settings__language')
    await selector.locator('.react-select').click({ timeout: 30_000 })
    expect(await selector.locator('.rs__option').allInnerTexts()).toEqual([
      'English',
      'Deutsch',
      '中文 (简体)',
    ])
    await page.keyboard.press('Escape')
  })

  it('shows the matrix in German once the user picks Deutsch', async () => {
    await chooseLanguage('Deutsch', 'de')
    expect(await page.locator('.payload-settings h3').innerText()).toBe('Payload-Einstellungen')

    const de = await openMatrixBeforeTheLicence('Verfügbarkeitsmatrix')
    expect(await page.locator('#nav-availability-matrix').innerText()).toBe('Verfügbarkeitsmatrix')
    expect(await legendText()).toEqual({
      available: 'verfügbar',
      upcoming: 'demnächst',
      expired: 'abgelaufen',
      none: 'keine Rechte',
      heldBack: 'Sperrfrist',
      gated: 'gesperrt (Richtlinie)',
    })
    expect(await page.locator('thead th').first().innerText()).toBe('Titel')
    expect(await page.locator('label:has(select[name="licenceType"])').innerText()).toContain(
      'Lizenzart',
    )
    expect(await page.locator('select[name="collection"] option:checked').innerText()).toBe('Filme')
    // The start is the licence's own day in Germany, written as Germans write dates.
    const [year, month, day] = startDay.split('-')
    expect(formatDay(startDay, 'de')).toBe(`${day}.${month}.${year}`)
    expect(await de.innerText()).toContain(`demnächst\nab ${day}.${month}.${year}`)
    expect(await page.locator('label:has(input[name="scrubber"])').innerText()).toContain(
      '-60 Tage',
    )
    expect(await page.getByText(/Stand: \d{2}\.\d{2}\.\d{4}, 12:00 UTC/).count()).toBe(1)
    expect(await page.getByText(/^\d+ Titel, Seite 1 von 1$/).count()).toBe(1)
    await page.screenshot({
      path: path.join(artifactsDir, 'availability-matrix-de.png'),
      fullPage: true,
    })
    expect(fs.statSync(path.join(artifactsDir, 'availability-matrix-de.png')).size).toBeGreaterThan(
      10_000,
    )
  })

  it('shows the title page panel and timeline in German', async () => {
    await page.goto(`${server.url}/admin/collections/films/${filmId}`)
    const panelDe = page.locator('.availability-panel [data-territory="DE"]')
    await panelDe.waitFor({ timeout: 30_000 })
    expect(await panelDe.getAttribute('data-state')).toBe('available')
    expect(await panelDe.locator('.pill').innerText()).toBe('Verfügbar')
    expect(await panelDe.innerText()).toContain('unbefristet')
    expect(await page.locator('.availability-panel [data-territory="US"] .pill').innerText()).toBe(
      'Nicht verfügbar',
    )
    expect(await page.locator('.availability-panel .field-label').first().innerText()).toBe(
      'Verfügbarkeit jetzt',
    )
    const timeline = page.locator('[data-testid="title-timeline"]')
    await timeline.locator('[data-lane="DE/svod"]').waitFor({ timeout: 30_000 })
    expect(await timeline.locator('h4').innerText()).toBe('Lizenz-Zeitleiste')
    expect(await timeline.locator('a[data-kind="grant"]').getAttribute('title')).toContain(
      `DE ab ${formatDay(startDay, 'de')} (Europe/Berlin)`,
    )
    await page.screenshot({
      path: path.join(artifactsDir, 'title-page-de.png'),
      fullPage: true,
    })

    // Licensing staff preview another instant with Payload's date picker, typed the German way.
    const picker = page.locator('.availability-panel__preview input')
    await picker.fill('01.01.2020, 12:00')
    await picker.press('Enter')
    await expect
      .poll(async () => panelDe.getAttribute('data-state'), { timeout: 15_000 })
      .toBe('upcoming')
    expect(await page.locator('.availability-panel .field-label').first().innerText()).toMatch(
      /^Verfügbarkeit am 01\.01\.2020, \d{2}:00$/,
    )
    expect(await panelDe.innerText()).toContain('ab ')
    await page.locator('.availability-panel button', { hasText: 'Zurück zu jetzt' }).click()
    await expect
      .poll(async () => panelDe.getAttribute('data-state'), { timeout: 15_000 })
      .toBe('available')
  })

  it('labels the licence form in German', async () => {
    await page.goto(`${server.url}/admin/collections/licences/create`)
    const label = (field: string) => page.locator(`label[for="field-${field}"]`).first()
    await label('licenceType').waitFor({ timeout: 30_000 })
    expect(await label('licenceType').innerText()).toContain('Lizenzart')
    expect(await label('territories').innerText()).toContain('Territorien')
    expect(await label('excludedTerritories').innerText()).toContain('Ausgenommene Territorien')
    expect(await page.getByText('JJJJ-MM-TT (lokaler Tag je Territorium)').count()).toBe(1)
  })

  it('shows the matrix in Chinese once the user picks 中文', async () => {
    await chooseLanguage('中文 (简体)', 'zh')
    const de = await openMatrixBeforeTheLicence('可用性矩阵')
    expect(await legendText()).toEqual({
      available: '可用',
      upcoming: '即将上线',
      expired: '已过期',
      none: '无许可',
      heldBack: '保留期内',
      gated: '受政策限制',
    })
    expect(await page.locator('thead th').first().innerText()).toBe('标题')
    const [year, month, day] = startDay.split('-').map(Number)
    expect(await de.innerText()).toContain(`自 ${year}年${month}月${day}日 起`)
    expect(await page.getByText(/^共 \d+ 个标题，第 1 页，共 1 页$/).count()).toBe(1)
    await page.screenshot({
      path: path.join(artifactsDir, 'availability-matrix-zh.png'),
      fullPage: true,
    })
    expect(fs.statSync(path.join(artifactsDir, 'availability-matrix-zh.png')).size).toBeGreaterThan(
      10_000,
    )
  })

  it('draws the panel with the admin’s own colours in dark mode', async () => {
    await page.context().addCookies([{ name: 'payload-theme', value: 'dark', url: server.url }])
    await page.goto(`${server.url}/admin/collections/films/${filmId}`)
    await page.waitForSelector('html[data-theme="dark"]', { timeout: 30_000 })
    const panel = page.locator('.availability-panel')
    await panel.locator('[data-territory="DE"] .pill').waitFor({ timeout: 30_000 })
    expect(await panel.locator('[data-territory="DE"] .pill').innerText()).toBe('可用')
    expect(await panel.locator('.field-label').first().innerText()).toBe('当前可用性')
    // Payload's pill styles, not colours of ours: they follow the theme.
    expect(await panel.locator('[data-territory="DE"] .pill').getAttribute('class')).toContain(
      'pill--style-success',
    )
    await panel.screenshot({ path: path.join(artifactsDir, 'availability-panel-dark-zh.png') })
    expect(
      fs.statSync(path.join(artifactsDir, 'availability-panel-dark-zh.png')).size,
    ).toBeGreaterThan(2_000)
  })
})
