import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import net from 'node:net'

export type RunningServer = {
  url: string
  pid: number
  /** From spawn until the ready check answered. */
  startMs: number
  logs: () => string
  /** Sends SIGTERM (SIGKILL after 30 s) and resolves with the exit code once it has exited. */
  stop: () => Promise<number | null>
}

export const freePort = async (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })

export type ServerProcessOptions = {
  mode: 'production' | 'development'
  /** On top of NODE_ENV, PORT, HOST and a random PAYLOAD_SECRET. */
  env: Record<string, string>
  /** Node flags before the entry point (profilers, GC traces). */
  nodeArgs?: string[]
  /** `/healthz` (the process serves) or `/readyz` (and reaches its database). */
  readyPath?: '/healthz' | '/readyz'
  readyTimeoutMs?: number
  /** Keep only the last this many characters of output (default: all of it). */
  keepLogChars?: number
  onOutput?: (chunk: Buffer) => void
}

/**
 * The real server (`src/server.ts`: Express around Next) in a child process, as `npm start` or
 * `npm run dev` runs it, on a free port; resolves once its ready check answers. Shared by the
 * e2e tests and the benchmarks.
 */
export const spawnServer = async ({
  mode,
  env,
  nodeArgs = [],
  readyPath = '/healthz',
  readyTimeoutMs = 90_000,
  keepLogChars,
  onOutput,
}: ServerProcessOptions): Promise<RunningServer> => {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const started = performance.now()
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--conditions=production', '--import', 'tsx', 'src/server.ts'],
    {
      env: {
        ...process.env,
        NODE_ENV: mode,
        PORT: String(port),
        HOST: '127.0.0.1',
        PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
        // Production needs its public URL (the origin the session cookie is accepted from).
        SERVER_URL: url,
        // Every start on a brand-new database would create the 250 countries first: tests that
        // need them say so (production.test.ts checks the reference data itself).
        SEED_REFERENCE: 'false',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const keep = (chunk: Buffer) => {
    onOutput?.(chunk)
    output += chunk.toString()
    if (keepLogChars !== undefined) output = output.slice(-keepLogChars)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const logs = () => output
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const deadline = Date.now() + readyTimeoutMs
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode} before it was ready:\n${logs()}`)
    }
    const ready = await fetch(`${url}${readyPath}`).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server not ready within ${readyTimeoutMs / 1000} s:\n${logs()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return {
    url,
    pid: child.pid ?? -1,
    startMs: performance.now() - started,
    logs,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
      const code = await exited
      clearTimeout(timer)
      return code
    },
  }
}

/** `npm start` as production runs it: the built Next app inside our Express server. */
export const startProductionServer = (env: Record<string, string>): Promise<RunningServer> =>
  spawnServer({
    mode: 'production',
    env: { JOBS_CRON: '* * * * * *', LOG_LEVEL: 'info', ...env },
  })
