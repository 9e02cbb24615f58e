import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Page } from 'playwright-core'

import { type Country, countryTimeZones } from '../../support/countries'
import { type ApiClient, createdId, loginAs } from './api'
import { artifactsDir, launchChromium } from './browser'
import { type RunningServer, startProductionServer } from './server'

export type Credentials = { email: string; password: string }

/** The admin a suite's server creates at its first start, and its licensing user. */
export const deskUsers = (name: string): { admin: Credentials; licensing: Credentials } => ({
  admin: { email: `${name}-admin@reelhouse.test`, password: 'a long admin password' },
  licensing: { email: `${name}-licensing@reelhouse.test`, password: 'a long licensing password' },
})

export type AdminDesk = {
  server: RunningServer
  page: Page
  /** The server's data directory (its SQLite file and media), for files a test keeps. */
  dataDir: string
  /** Closes the browser, stops the server and removes its data. */
  close: () => Promise<void>
}

/**
 * The production server on a fresh SQLite file (named from `name`), with the users of
 * `deskUsers(name)`; `seed` then writes the suite's records as the admin over REST, and a
 * Chromium page is opened for the test. `env` adds to the server's environment.
 */
export const openAdminDesk = async (
  name: string,
  seed: (staff: ApiClient) => Promise<void>,
  env: Record<string, string> = {},
): Promise<AdminDesk> => {
  const { admin, licensing } = deskUsers(name)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `reelhouse-e2e-${name}-`))
  let server: RunningServer | undefined
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined
  const close = async () => {
    await browser?.close()
    await server?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    server = await startProductionServer({
      DATABASE_URL: `file:${path.join(dataDir, 'reelhouse.db')}`,
      MEDIA_DIR: path.join(dataDir, 'media'),
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      ...env,
    })
    const staff = await loginAs(server, admin)
    await createdId(await staff.post('/api/users', { ...licensing, roles: ['licensing'] }))
    await seed(staff)
    browser = await launchChromium()
    const page = await browser.context.newPage()
    fs.mkdirSync(artifactsDir, { recursive: true })
    return { server, page, dataDir, close }
  } catch (error) {
    await close()
    throw error
  }
}

/** Creates a country region for each code, named by its code and in its time zone. */
export const createCountries = async (staff: ApiClient, codes: readonly Country[]) => {
  for (const code of codes) {
    await createdId(
      await staff.post('/api/regions', {
        code,
        kind: 'country',
        name: code,
        timeZone: countryTimeZones[code],
      }),
    )
  }
}
