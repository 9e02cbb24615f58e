import { nodeKey } from '../src/availability'
import { loadCatalogGraph } from '../src/rights/catalogGraph'
import { documentId } from '../src/rights/ids'
import { computeAvailabilityRows } from '../src/rights/materialize'
import { loadRegions } from '../src/rights/regions'
import { rightsContextFrom } from '../src/rights/rightsContext'
import { readEngineLicences, readRowDigests, readStoredRows } from '../src/rights/tableReads'
import { openDatabase } from '../bench/availability/database'

const db = await openDatabase(process.env.BENCH_BACKEND as 'sqlite', process.env.DATABASE_URL ?? '', { secret: 'x', runMigrations: false })
const payload = db.payload
const t: Record<string, number> = {}
const time = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
  const s = performance.now(); const r = await f(); t[name] = (t[name] ?? 0) + performance.now() - s; return r
}
const collection = (process.env.SPLIT_COLLECTION ?? 'films') as 'films'
const per = Number(process.env.SPLIT_BATCH ?? 100)
let afterId = 0
for (let b = 0; b < Number(process.env.SPLIT_BATCHES ?? 20); b++) {
  const { docs } = await time('roots', () => payload.find({ collection, where: { id: { greater_than: afterId } }, sort: 'id', limit: per, depth: 0, overrideAccess: true, select: {} }))
  if (!docs.length) break
  afterId = Number(docs[docs.length - 1].id)
  const roots = docs.map((d) => ({ collection, id: String(d.id) }))
  const graph = await time('graph', () => loadCatalogGraph(payload, roots))
  const keys = graph.nodes.map(nodeKey)
  const licences = (await time('licences', () => readEngineLicences(payload, keys))) ?? []
  const regions = await time('regions', () => loadRegions(payload))
  const context = await time('index', () => rightsContextFrom(graph, licences, regions))
  const rows = await time('compute', () => computeAvailabilityRows((id) => documentId(payload, id), context))
  const digests = await time('digestsSql', () => readRowDigests(payload, keys))
  const expected = await time('digestsJs', () => digests!.expected(rows))
  if (process.env.SPLIT_STORED) await time('storedRows', () => readStoredRows(payload, keys))
  void expected
}
console.log(JSON.stringify(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)]))))
await db.close()
process.exit(0)
