import fs from 'node:fs'
import { readAvails } from '../src/avails/readAvails'
import { mapRows } from '../src/avails/mapRows'
const regions = [
  { code: 'US', kind: 'country' as const, timeZone: 'America/New_York' },
  { code: 'CA', kind: 'country' as const, timeZone: 'America/Toronto' },
  { code: 'ES', kind: 'country' as const, timeZone: 'Europe/Madrid' },
  { code: 'DE', kind: 'country' as const, timeZone: 'Europe/Berlin' },
  { code: 'FR', kind: 'country' as const, timeZone: 'Europe/Paris' },
]
for (const f of process.argv.slice(2)) {
  const parsed = await readAvails(fs.readFileSync('tests/fixtures/ema-avails/' + f), f)
  const mapped = mapRows(parsed.rows, [], regions, { now: new Date(), zoneConvention: 'territory', createMissingTitles: true })
  console.log(f, 'drafts', mapped.drafts.length, 'errors', mapped.errors.length, 'new', mapped.newTitles.length)
  for (const e of mapped.errors) console.log('  ', JSON.stringify(e))
  for (const t of mapped.newTitles) console.log('  NEW', JSON.stringify(t))
  for (const d of mapped.drafts.slice(0, 3)) console.log('  D', JSON.stringify({ ...d, source: undefined }))
}
