import type { AfterErrorHook } from 'payload'

type FieldErrorLike = {
  name?: string
  message?: string
  status?: number
  data?: { errors?: { path?: string; message?: string }[] }
}

/**
 * Keeps the field-level details of 400s in every response. Payload drops them when the error
 * class seen by its route handler is another copy than the one that threw (our Express server
 * and Next's bundle each load `payload`), leaving only "The following field is invalid".
 */
export const exposeFieldErrors: AfterErrorHook = ({ error, result }) => {
  const candidate = error as FieldErrorLike
  if (candidate.status !== 400 || !Array.isArray(candidate.data?.errors)) return
  const alreadyDetailed = JSON.stringify(result ?? {}).includes('"path"')
  if (alreadyDetailed) return
  return {
    response: {
      errors: [{ name: candidate.name, message: candidate.message, data: candidate.data }],
    },
    status: 400,
  }
}
