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
