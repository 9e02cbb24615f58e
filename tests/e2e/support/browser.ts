import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { chromium, type BrowserContext, type Page } from 'playwright-core'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Debian's Chromium, headless, with a fresh profile and no background network chatter. */
export const launchChromium = async (): Promise<{
  context: BrowserContext
  close: () => Promise<void>
}> => {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: install it with ` +
        '`apt-get install -y --no-install-recommends chromium` (or set CHROMIUM_PATH).',
    )
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'reelhouse-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    context,
    close: async () => {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

export const artifactsDir = path.resolve('tests/e2e/artifacts')

/** Logs `user` into the admin through its login form and waits for the dashboard. */
export const logInToAdmin = async (
  page: Page,
  serverUrl: string,
  user: { email: string; password: string },
): Promise<void> => {
  await page.goto(`${serverUrl}/admin/login`)
  await page.fill('#field-email', user.email)
  await page.fill('#field-password', user.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(`${serverUrl}/admin`, { timeout: 60_000 })
}
