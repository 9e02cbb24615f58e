import type { AfterErrorHook } from 'payload'

type ErrorLike = { name?: string; message?: string; status?: number }

/**
 * A locked account answers exactly like a wrong password or an unknown email: one 401 with
 * one message. Payload's own "This user is locked" told anyone which emails have accounts (an
 * unknown email is never locked). Recognised by message as well as by name, because the error
 * class may come from another copy of `payload` than the one this hook was loaded with.
 */
export const hideAccountLockout: AfterErrorHook = ({ error, req }) => {
  const candidate = error as ErrorLike
  if (candidate.status !== 401) return
  const locked = candidate.name === 'LockedAuth' || candidate.message === req.t('error:userLocked')
  if (!locked) return
  return {
    response: { errors: [{ message: req.t('error:emailOrPasswordIncorrect') }] },
    status: 401,
  }
}
