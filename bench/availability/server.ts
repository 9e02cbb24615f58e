import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'

import { log } from './log'

export type RunningServer = {
  url: string
  pid: number
  startMs: number
  logs: () => string
  stop: () => Promise<number | null>
}

const freePort = async (): Promise<number> =>
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

const waitForHealth = async (url: string, child: ChildProcess, logs: () => string) => {
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with ${child.exitCode} before it was healthy:\n${logs()}`)
    }
    try {
      if ((await fetch(`${url}/readyz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`the server was not ready within 180 s:\n${logs()}`)
}

/** `npm start` as production runs it (migrations at start, the built Next app), quietly. */
export const startProductionServer = async ({
  databaseUrl,
  secret,
}: {
  databaseUrl: string
  secret: string
}): Promise<RunningServer> => {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'src/server.ts'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        PAYLOAD_SECRET: secret,
        LOG_LEVEL: 'warn',
        JOBS_AUTORUN: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const logs = () => output
  const url = `http://127.0.0.1:${port}`
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  try {
    await waitForHealth(url, child, logs)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  const startMs = performance.now() - started
  log(`server pid ${child.pid} ready on ${url} in ${(startMs / 1000).toFixed(1)} s`)
  return {
    url,
    pid: child.pid ?? -1,
    startMs,
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
