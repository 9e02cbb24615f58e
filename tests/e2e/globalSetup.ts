import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

/**
 * End-to-end tests run against the production build, as `npm run build && npm start` would.
 * Set E2E_REUSE_BUILD=1 to skip rebuilding when .next already holds a build of this tree.
 */
export default function buildOnce() {
  if (process.env.E2E_REUSE_BUILD === '1' && fs.existsSync('.next/BUILD_ID')) {
    console.info('[e2e] reusing the existing production build (E2E_REUSE_BUILD=1)')
    return
  }
  console.info('[e2e] building the production app (npm run build)...')
  const started = Date.now()
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' })
  console.info(`[e2e] build finished in ${Math.round((Date.now() - started) / 1000)} s`)
}
