import fs from 'node:fs'
import { readAvails } from '../src/avails/readAvails'
import { mapRows } from '../src/avails/mapRows'
const regions = ['US:America/New_York','CA:America/Toronto','ES:Europe/Madrid','DE:Europe/Berlin','FR:Europe/Paris'].map((s) => ({ code: s.split(':')[0], kind: 'country' as const, timeZone: s.split(':')[1] }))
for (const f of process.argv.slice(2)) {
  const parsed = await readAvails(fs.readFileSync('tests/fixtures/ema-avails/' + f), f)
  const mapped = mapRows(parsed.rows, [], regions, { now: new Date(), zoneConvention: 'territory', createMissingTitles: true })
  console.log(f, parsed.rows.length, 'drafts', mapped.drafts.length)
  for (const d of mapped.drafts) console.log('  ', d.contentKeys[0].slice(0, 40), d.territory, d.licenceType, d.formats.join('+'), d.start, d.end, d.exclusive, 'rows', d.source.rows.map((r) => r.row).join(','))
}
