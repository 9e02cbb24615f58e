import type { AfterErrorHook, PayloadRequest } from 'payload'

const parsesAsJson = (text: string): boolean => {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

const answer400 = (path: string, message: string) => ({
  response: {
    errors: [
      {
        name: 'ValidationError',
        message: `The following field is invalid: ${path} (${message})`,
        data: { errors: [{ path, message }] },
      },
    ],
  },
  status: 400,
})

const clientPathParams = ['where', 'sort', 'joins', 'select', 'populate']

const hasClientPaths = (req: PayloadRequest): boolean =>
  [...(req.searchParams?.keys() ?? [])].some((key) =>
    clientPathParams.some((param) => key === param || key.startsWith(`${param}[`)),
  )

/**
 * The client's query string, not our code, is what failed in Payload's REST handler before any
 * operation ran (and so before `guardRequestInput` could look at it): answer 400, not 500.
 */
export const answerClientErrors: AfterErrorHook = ({ error, req }) => {
  if (error.name === 'SyntaxError') {
    const where = req.searchParams?.get('where')
    if (where && !parsesAsJson(where)) return answer400('where', 'is not valid JSON')
  }
  const status = (error as { status?: number }).status ?? 500
  if (
    status >= 500 &&
    error.message.startsWith('Cannot find field for path') &&
    hasClientPaths(req)
  ) {
    return answer400('where', error.message)
  }
}
