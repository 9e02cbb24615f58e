import type { RunningServer } from './server'

export type ApiClient = {
  get: (path: string, headers?: Record<string, string>) => Promise<Response>
  post: (path: string, body: unknown) => Promise<Response>
  patch: (path: string, body: unknown) => Promise<Response>
  json: <T = Record<string, unknown>>(path: string, body?: unknown) => Promise<T>
  authorization: string
}

/** A REST client logged in as the given user. */
export const loginAs = async (
  server: RunningServer,
  credentials: { email: string; password: string },
): Promise<ApiClient> => {
  const response = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  })
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`)
  const { token } = (await response.json()) as { token: string }
  const authorization = `JWT ${token}`
  const send = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { Authorization: authorization, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  return {
    authorization,
    get: (path, headers) => send('GET', path, undefined, headers),
    post: (path, body) => send('POST', path, body),
    patch: (path, body) => send('PATCH', path, body),
    json: async <T>(path: string, body?: unknown) => {
      const response = await send(body === undefined ? 'GET' : 'POST', path, body)
      const text = await response.text()
      if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`)
      return JSON.parse(text) as T
    },
  }
}

export const createdId = async (response: Response): Promise<number> => {
  const text = await response.text()
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${text}`)
  return (JSON.parse(text) as { doc: { id: number } }).doc.id
}

/** Germany as a region and a licence that makes the film watchable there from 2020 on. */
export const licenseFilmInGermany = async (client: ApiClient, filmId: number) => {
  const regions = (await (await client.get('/api/regions?where[code][equals]=DE')).json()) as {
    totalDocs: number
  }
  if (regions.totalDocs === 0) {
    await createdId(
      await client.post('/api/regions', {
        code: 'DE',
        kind: 'country',
        name: 'Germany',
        timeZone: 'Europe/Berlin',
      }),
    )
  }
  return createdId(
    await client.post('/api/licences', {
      content: [{ relationTo: 'films', value: filmId }],
      kind: 'grant',
      licenceType: 'svod',
      territories: ['DE'],
      start: '2020-01-01',
      contractId: `E2E-${filmId}`,
    }),
  )
}
