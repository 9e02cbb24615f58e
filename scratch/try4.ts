import { readAvails } from '../src/avails/readAvails'
import { mapRows } from '../src/avails/mapRows'
const text = 'DisplayName,Territory,WorkType,EntryType,TitleInternalAlias,ReleaseYear,LicenseType,FormatProfile,Start,End,ALID,AvailID,ContractID,Exclusive,AnnounceDate\nRockstar Films,US,Movie,Full Extract,"View from a Mountain, The",2006,SVOD,HD,2026-01-01,Open,VIEW_MT_2006,M-US-HD,,,2025-12-01'
const parsed = await readAvails(Buffer.from(text), 'a.csv')
console.log(JSON.stringify(parsed.rows[0]))
const regions = [{ code: 'US', kind: 'country' as const, timeZone: 'America/New_York' }]
console.log(JSON.stringify(mapRows(parsed.rows, [], regions, { now: new Date(), zoneConvention: 'territory', createMissingTitles: false }).errors))
