/**
 * Answers 503 when the handler has not answered within `timeoutMs`. The work already started
 * is not cancelled (Payload's operations cannot be), but the GraphQL budget bounds it and no
 * root field starts after the deadline (`rootFields.ts`).
 */
export const withDeadline =
  (handler: (request: Request) => Promise<Response>, timeoutMs: number) =>
  async (request: Request): Promise<Response> => {
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<Response>((resolve) => {
      timer = setTimeout(
        () =>
          resolve(
            Response.json(
              {
                errors: [
                  {
                    message: `The query ran longer than ${timeoutMs} ms.`,
                    extensions: { statusCode: 503 },
                  },
                ],
              },
              { status: 503, headers: { 'retry-after': '5' } },
            ),
          ),
        timeoutMs,
      )
    })
    try {
      return await Promise.race([handler(request), late])
    } finally {
      clearTimeout(timer)
    }
  }

/**
 * graphql-http answers a request error (a query that does not parse or validate, e.g. over the
 * budget) with 200 when the client accepts `application/json`. Such an answer has `errors` and
 * no `data`; it is bad input, so it becomes a 400, as for `application/graphql-response+json`.
 */
export const requestErrorsAs400 =
  (handler: (request: Request) => Promise<Response>) =>
  async (request: Request): Promise<Response> => {
    const response = await handler(request)
    if (response.status !== 200) return response
    const text = await response.text()
    let requestError = false
    if (text.length < 64 * 1024 && text.startsWith('{"errors"')) {
      try {
        const body = JSON.parse(text) as { data?: unknown; errors?: unknown[] }
        requestError = !('data' in body) && Array.isArray(body.errors)
      } catch {
        requestError = false
      }
    }
    return new Response(text, {
      status: requestError ? 400 : 200,
      statusText: requestError ? 'Bad Request' : response.statusText,
      headers: response.headers,
    })
  }
