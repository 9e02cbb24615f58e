import fs from 'node:fs'

import { spawnServer, type RunningServer } from '../../tests/e2e/support/server'

export type ServerMode = 'production' | 'development'

/** The real server (`src/server.ts`: Express around Next), as `npm start` or `npm run dev` runs it. */
export const startServer = (
  mode: ServerMode,
  env: Record<string, string>,
): Promise<RunningServer> => {
  const traceFile = process.env.BENCH_UPLOAD_TRACE_GC
  return spawnServer({
    mode,
    env: { LOG_LEVEL: 'warn', SEED_DEMO: 'false', ...env },
    nodeArgs: [
      ...(process.env.BENCH_UPLOAD_CPU_PROFILE
        ? ['--cpu-prof', '--cpu-prof-dir=/tmp/upload-prof']
        : []),
      ...(traceFile ? ['--trace-gc'] : []),
      // Any other Node or V8 flags for the server, e.g. `--perf-basic-prof` for `perf record`.
      ...(process.env.BENCH_UPLOAD_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []),
    ],
    readyPath: '/readyz',
    readyTimeoutMs: 180_000,
    keepLogChars: 20_000,
    onOutput: traceFile ? (chunk) => fs.appendFileSync(traceFile, chunk) : undefined,
  })
}
