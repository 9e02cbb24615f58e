/**
 * `npm run bench`: every `bench:*` script of package.json, one after the other, each in its own
 * process with the flags its script sets. Fails when any of them fails.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const { scripts = {} } = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
  scripts?: Record<string, string>
}
const suites = Object.keys(scripts)
  .filter((name) => name.startsWith('bench:'))
  .sort()

let failed = 0
for (const suite of suites) {
  console.log(`\n> npm run ${suite}`)
  const result = spawnSync('npm', ['run', suite], { stdio: 'inherit' })
  if (result.status !== 0) failed += 1
}
if (suites.length === 0) console.log('no bench:* scripts in package.json')
process.exit(failed > 0 ? 1 : 0)
