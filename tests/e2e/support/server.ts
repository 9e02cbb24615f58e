import { type ChildProcess, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import net from 'node:net'

export type RunningServer = {
  url: string
  logs: () => string
  /** Sends SIGTERM and resolves with the exit code once the process has exited. */
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

const waitForHealth = async (url: string, child: ChildProcess, logs: () => string) => {
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode} before it was healthy:\n${logs()}`)
    }
    try {
      const response = await fetch(`${url}/healthz`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`server not healthy within 90 s:\n${logs()}`)
}

/** `npm start` as production runs it: the built Next app inside our Express server. */
export const startProductionServer = async (
  env: Record<string, string>,
): Promise<RunningServer> => {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'src/server.ts'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
        JOBS_CRON: '* * * * * *',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const logs = () => output
  const url = `http://127.0.0.1:${port}`
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  try {
    await waitForHealth(url, child, logs)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  return {
    url,
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
