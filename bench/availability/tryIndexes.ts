/**
 * Which index would make the public films page cheaper? On a database a benchmark run left
 * behind (SQLite: bench/.data/availability.db; Postgres: run with BENCH_KEEP_POSTGRES=true),
 * captures the statements of the filtered page, then for each candidate index: creates it,
 * ANALYZEs, re-times every statement and the Local API read, and drops it again.
 *
 *   NODE_ENV=production node --conditions=production --import tsx bench/availability/tryIndexes.ts sqlite
 *   NODE_ENV=production node --conditions=production --import tsx bench/availability/tryIndexes.ts postgres
 *
 * Only touches the benchmark database. Prints a table and writes bench/results/indexes-<backend>.json.
 * DDL goes through a plain driver connection; each measurement runs in a fresh process (a
 * Payload instance's SQLite connection keeps locks that would block CREATE/DROP INDEX).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { createClient } from '@libsql/client'
import pg from 'pg'

import { type Backend, newSecret, openDatabase } from './database'
import { explainFilmsPage, type ReadExplained } from './explain'
import { benchOptions } from './options'

const candidates: { name: string; columns: string; why: string }[] = [
  {
    name: 'bench_aw_film_territory_window',
    columns: '"film_id", "territory", "start", "end"',
    why: 'probe one film in one territory, index-only',
  },
  {
    name: 'bench_aw_territory_window_film',
    columns: '"territory", "start", "end", "film_id"',
    why: 'territory_start_end_idx made covering for the film join',
  },
  {
    name: 'bench_aw_territory_film_window',
    columns: '"territory", "film_id", "start", "end"',
    why: 'one territory, films in id order (merge join / group by)',
  },
  {
    name: 'bench_aw_territory_start_content_key',
    columns: '"territory", "start", "content_key"',
    why: 'next appearance: future rows of one territory and collection, index-only',
  },
  {
    name: 'bench_aw_content_key_territory_window',
    columns: '"content_key", "territory", "start", "end"',
    why: 'per-title summaries and availability checks by content key',
  },
]

type Measured = {
  index: string
  why: string
  localApiMs: number
  statementMs: number
  statements: number
  slowest: { ms: number; sql: string; plan: string[] }
}

const marker = 'BENCH_TRY_INDEXES '

const databaseUrl = (backend: Backend): string => {
  const options = benchOptions()
  if (backend === 'sqlite') return `file:${options.sqliteFile}`
  const server = new URL(options.postgresServerUrl)
  server.pathname = `/${options.postgresDatabase}`
  return server.toString()
}

/** Child process: the filtered page's statements, timed and explained, as one JSON line. */
const explainInThisProcess = async (backend: Backend) => {
  const options = benchOptions()
  const db = await openDatabase(backend, databaseUrl(backend), {
    secret: newSecret(),
    runMigrations: false,
  })
  const { filtered } = await explainFilmsPage(db, {
    territory: options.territory,
    pageSize: options.pageSize,
    staffEmail: 'bench-editor@reelhouse.local',
  })
  console.log(`${marker}${JSON.stringify(filtered)}`)
}

const explainInChild = (backend: Backend): Promise<ReadExplained> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--max-old-space-size=4096',
        '--conditions=production',
        '--import',
        'tsx',
        'bench/availability/tryIndexes.ts',
        backend,
        '--explain',
      ],
      { env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      const line = output.split('\n').find((candidate) => candidate.startsWith(marker))
      if (code !== 0 || !line) return reject(new Error(`explain step exited with ${code}`))
      resolve(JSON.parse(line.slice(marker.length)) as ReadExplained)
    })
  })

/** A plain connection for DDL, outside Payload. */
const ddlConnection = async (backend: Backend) => {
  if (backend === 'sqlite') {
    const client = createClient({ url: databaseUrl(backend) })
    return {
      run: async (sql: string) => {
        await client.execute(sql)
      },
      close: async () => client.close(),
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl(backend) })
  await client.connect()
  return {
    run: async (sql: string) => {
      await client.query(sql)
    },
    close: () => client.end(),
  }
}

const summarise = (index: string, why: string, read: ReadExplained): Measured => {
  const slowest = [...read.statements].sort((a, b) => b.medianMs - a.medianMs)[0]
  return {
    index,
    why,
    localApiMs: read.localApiMs,
    statementMs: read.totalStatementMs,
    statements: read.statements.length,
    slowest: { ms: slowest.medianMs, sql: slowest.sql.slice(0, 200), plan: slowest.plan },
  }
}

const main = async () => {
  const backend = (process.argv[2] ?? 'sqlite') as Backend
  if (process.argv.includes('--explain')) return explainInThisProcess(backend)

  const ddl = await ddlConnection(backend)
  const results: Measured[] = []
  try {
    // Leftovers of an interrupted run would skew the baseline.
    for (const candidate of candidates) await ddl.run(`DROP INDEX IF EXISTS "${candidate.name}"`)
    await ddl.run('ANALYZE')
    console.log('baseline ...')
    results.push(summarise('(none: the schema as migrated)', '', await explainInChild(backend)))
    for (const candidate of candidates) {
      console.log(`trying (${candidate.columns}) ...`)
      await ddl.run(
        `CREATE INDEX "${candidate.name}" ON "availability_windows" (${candidate.columns})`,
      )
      await ddl.run('ANALYZE')
      try {
        const read = await explainInChild(backend)
        results.push(summarise(`(${candidate.columns.replaceAll('"', '')})`, candidate.why, read))
      } finally {
        await ddl.run(`DROP INDEX IF EXISTS "${candidate.name}"`)
        await ddl.run('ANALYZE')
      }
    }
  } finally {
    await ddl.close()
  }

  console.log(`\n${backend}: filtered films page (Local API, statements re-run alone)\n`)
  console.log(
    '| extra index on availability_windows | Local API read | statements | slowest statement |',
  )
  console.log('| --- | ---: | ---: | ---: |')
  for (const result of results) {
    console.log(
      `| ${result.index} | ${result.localApiMs.toFixed(1)} ms | ${result.statements}: ${result.statementMs.toFixed(1)} ms | ${result.slowest.ms.toFixed(1)} ms |`,
    )
  }
  const file = path.join(path.dirname(benchOptions().resultsFile), `indexes-${backend}.json`)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`\nwrote ${path.relative(process.cwd(), file)}`)
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
