/**
 * Runs one autocannon measurement in its own small process, so that garbage collection of the
 * orchestrator's large heap (the generated catalog) never pauses the load generator.
 * Input: a JSON argument; output: the HttpRun as JSON on the last stdout line.
 */
import { runAutocannon } from './http'

const input = JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof runAutocannon>[0]
const run = await runAutocannon(input)
console.log(JSON.stringify(run))
