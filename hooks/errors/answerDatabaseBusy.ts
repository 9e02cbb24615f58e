import type { AfterErrorHook } from 'payload'

import {
  databaseBusyMessage,
  databaseBusyRetryAfterSeconds,
  isDatabaseBusy,
} from '../../src/config/databaseBusy'

/**
 * A database still locked by another process after the busy timeout is a temporary condition,
 * not a server fault: REST answers 503 with `Retry-After`, GraphQL reports `statusCode: 503` in
 * the error's extensions (its HTTP status stays GraphQL's own) with the same header.
 */
export const answerDatabaseBusy: AfterErrorHook = ({ error, graphqlResult, req }) => {
  if (!isDatabaseBusy(error)) return
  const headers = req.responseHeaders ?? new Headers()
  headers.set('Retry-After', String(databaseBusyRetryAfterSeconds))
  req.responseHeaders = headers
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message: databaseBusyMessage,
        extensions: { ...graphqlResult.extensions, name: 'DatabaseBusy', statusCode: 503 },
      },
    }
  }
  return {
    response: { errors: [{ name: 'DatabaseBusy', message: databaseBusyMessage }] },
    status: 503,
  }
}
