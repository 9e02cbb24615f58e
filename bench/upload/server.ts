import fs from 'node:fs'
import { type ChildProcess, spawn } from 'node:child_process'
import crypto from 'node:crypto'
import net from 'node:net'

export type ServerMode = 'production' | 'development'

export type BenchServer = {
  url: string
  pid: number
  logs: () => string
  stop: () => Promise<void>
}

const freePort = async (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port')),
      )
    })
  })

/** The real server (`src/server.ts`: Express around Next), as `npm start` or `npm run dev` runs it. */
export const startServer = async (
  mode: ServerMode,
  env: Record<string, string>,
): Promise<BenchServer> => {
  const port = await freePort()
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_UPLOAD_CPU_PROFILE
        ? ['--cpu-prof', '--cpu-prof-dir=/tmp/upload-prof']
        : []),
      ...(process.env.BENCH_UPLOAD_TRACE_GC ? ['--trace-gc'] : []),
      '--conditions=production',
      '--import',
      'tsx',
      'src/server.ts',
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: mode,
        PORT: String(port),
        HOST: '127.0.0.1',
        PAYLOAD_SECRET: crypto.randomBytes(24).toString('hex'),
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const traceFile = process.env.BENCH_UPLOAD_TRACE_GC
  const keep = (chunk: Buffer) => {
    if (traceFile) fs.appendFileSync(traceFile, chunk)
    output = (output + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const url = `http://127.0.0.1:${port}`
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const deadline = Date.now() + 180_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`)
    const healthy = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    )
    if (healthy) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the server was not ready within 180 s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return {
    url,
    pid: child.pid as number,
    logs: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
      await exited
      clearTimeout(timer)
    },
  }
}
