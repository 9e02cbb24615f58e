import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'

import { createRequire } from 'node:module'

import { configToSchema } from '@payloadcms/graphql'
import type { DocumentNode, ExecutionArgs, GraphQLError } from 'graphql'
import { createPayloadRequest, handleEndpoints, type Payload } from 'payload'

/**
 * Serves a Payload instance's REST API (collection and custom endpoints, multipart uploads,
 * raw webhook bodies) over real HTTP, the way Next's `/api/[...slug]` route does, without
 * Next: `handleEndpoints` with a Fetch `Request` streamed from the socket. `POST /api/graphql`
 * runs Payload's GraphQL schema (`@payloadcms/graphql`) against this same instance, as Next's
 * GraphQL route does (which would look the instance up under the default key instead).
 */
export interface PayloadHttpServer {
  url: string
  port: number
  close(): Promise<void>
}

// The schema comes from @payloadcms/graphql, which Node loads with graphql's CommonJS build;
// executing it with the ES module build (which the test runner would pick) is refused.
const { execute, parse, specifiedRules, validate } = createRequire(import.meta.url)(
  'graphql',
) as typeof import('graphql')

type CachedPayloads = Map<string, { payload: Payload | null }>

/** The key `getPayload` cached this instance under, so the handler reuses it. */
const cacheKeyOf = (payload: Payload): string => {
  const cached = (globalThis as { _payload?: CachedPayloads })._payload
  for (const [key, entry] of cached ?? []) if (entry.payload === payload) return key
  throw new Error('This Payload instance was not created with getPayload.')
}

const requestOf = (req: http.IncomingMessage, origin: string): Request => {
  const headers = new Headers()
  for (let index = 0; index < req.rawHeaders.length; index += 2) {
    headers.append(req.rawHeaders[index], req.rawHeaders[index + 1])
  }
  const method = req.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    ...(hasBody
      ? { body: Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>, duplex: 'half' }
      : {}),
  } as RequestInit)
}

const send = async (response: Response, res: http.ServerResponse) => {
  const headers: Record<string, string[]> = {}
  response.headers.forEach((value, name) => (headers[name] ??= []).push(value))
  res.writeHead(response.status, headers)
  if (!response.body) return void res.end()
  const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>)
  for await (const chunk of body) res.write(chunk)
  res.end()
}

/**
 * An execution error as Payload's GraphQL route answers it (its `handleError`): the status and
 * data of the APIError that was thrown in `extensions`, and no internal message for a 500.
 */
const asPayloadFormatsIt = (error: GraphQLError) => {
  const original = error.originalError as
    { name?: string; status?: number; data?: unknown } | undefined
  const statusCode = original?.status ?? 500
  return {
    extensions: { name: original?.name, data: original?.data ?? undefined, statusCode },
    locations: error.locations,
    message: statusCode === 500 ? 'Something went wrong.' : error.message,
    path: error.path,
  }
}

export const servePayloadOverHttp = async (
  payload: Payload,
  { port = 0 }: { port?: number } = {},
): Promise<PayloadHttpServer> => {
  const payloadInstanceCacheKey = cacheKeyOf(payload)
  const sockets = new Set<Socket>()
  const inFlight = new Set<Promise<void>>()
  let origin = ''
  let built: ReturnType<typeof configToSchema> | null = null
  const answerGraphQL = async (request: Request): Promise<Response> => {
    built ??= configToSchema(payload.config)
    const { schema, validationRules } = built
    const { query, variables } = (await request.clone().json()) as {
      query: string
      variables?: Record<string, unknown>
    }
    const req = await createPayloadRequest({
      config: payload.config,
      request,
      payloadInstanceCacheKey,
      canSetHeaders: true,
    })
    const json = (body: unknown, status: number) => {
      const headers = new Headers(req.responseHeaders)
      headers.set('content-type', 'application/json')
      return new Response(JSON.stringify(body), { status, headers })
    }
    // As Payload's GraphQL route (graphql-http): graphql's rules plus Payload's (complexity and
    // the config's validationRules), then execution.
    let document: DocumentNode
    try {
      document = parse(query)
    } catch (error) {
      return json({ errors: [{ message: (error as Error).message }] }, 400)
    }
    const rules = [
      ...specifiedRules,
      ...validationRules({ schema, document, variableValues: variables } as ExecutionArgs),
    ]
    const validationErrors = validate(schema, document, rules)
    if (validationErrors.length > 0) {
      return json({ errors: validationErrors.map((error) => error.toJSON()) }, 400)
    }
    const result = await execute({
      schema,
      document,
      variableValues: variables,
      contextValue: { req, headers: {} },
    })
    if (!result.errors) return json(result, 200)
    return json({ ...result, errors: result.errors.map(asPayloadFormatsIt) }, 200)
  }
  const server = http.createServer((req, res) => {
    const request = requestOf(req, origin)
    const answer =
      req.method === 'POST' && new URL(request.url).pathname === '/api/graphql'
        ? answerGraphQL(request)
        : handleEndpoints({ config: payload.config, request, payloadInstanceCacheKey })
    const handled: Promise<void> = answer
      .then((response) => send(response, res))
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(String(error))
      })
      .finally(() => inFlight.delete(handled))
    inFlight.add(handled)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  origin = `http://127.0.0.1:${address.port}`
  return {
    url: origin,
    port: address.port,
    /** Stops taking requests, lets those in flight finish (they use the database), then closes. */
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      const settled = Promise.allSettled([...inFlight])
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 10_000))])
      for (const socket of sockets) socket.destroy()
      await closed
    },
  }
}
