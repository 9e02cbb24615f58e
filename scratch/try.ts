import fs from 'node:fs'
import { readAvails } from '../src/avails/readAvails'
for (const f of fs.readdirSync('tests/fixtures/ema-avails').filter((f) => /\.(xml|xlsx)$/.test(f))) {
  const parsed = await readAvails(fs.readFileSync('tests/fixtures/ema-avails/' + f), f)
  console.log(f, parsed.format, parsed.version, parsed.versionFrom, parsed.rows.length)
  const r = parsed.rows[0]
  console.log(JSON.stringify(Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, v!.map((c) => c.value)]))).slice(0, 900))
}
