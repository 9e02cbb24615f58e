import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

/** What a route answers; the server decides whether it is actually sent (see `hang`). */
export interface FakeResponse {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

/** An API error in Mux's shape: `{ error: { type, messages } }`. */
export class FakeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message)
  }
}

export const notFound = (what: string) => new FakeHttpError(404, 'not_found', `${what} not found`)
export const invalid = (message: string) => new FakeHttpError(400, 'invalid_parameters', message)

export const errorResponse = (status: number, type: string, message: string): FakeResponse => ({
  status,
  body: { error: { type, messages: [message] } },
})

export const send = (res: ServerResponse, { status, body, headers = {} }: FakeResponse) => {
  if (body === undefined) {
    res.writeHead(status, headers).end()
    return
  }
  const json = JSON.stringify(body)
  res
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(json)),
      ...headers,
    })
    .end(json)
}

const maxJsonBytes = 1024 * 1024

export const readJsonBody = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxJsonBytes) throw invalid('Request body too large')
    chunks.push(chunk as Buffer)
  }
  if (!size) return {}
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>
    }
  } catch {
    // fall through
  }
  throw invalid('Request body must be a JSON object')
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** An id that looks like Mux's: 32 letters and digits. */
export const muxLikeId = (length = 32) =>
  Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('')

/** `value` matches `pattern` exactly, or by prefix when the pattern ends in `*`. */
export const matchesPattern = (pattern: string | undefined, value: string) =>
  !pattern || (pattern.endsWith('*') ? value.startsWith(pattern.slice(0, -1)) : pattern === value)

/** Timers that all die with the fake, so a test process can exit. */
export class TimerSet {
  private readonly timers = new Set<NodeJS.Timeout>()

  after(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      run()
    }, ms)
    this.timers.add(timer)
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }
}

export const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined
