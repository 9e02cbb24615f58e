import { headersWithCors, type Endpoint } from 'payload'

/**
 * Users do not verify their email, so Payload's `POST /api/users/verify/:token` has no field to
 * look the token up in and answers 500. This endpoint, declared first, answers 404 instead.
 */
export const verificationDisabled: Endpoint = {
  path: '/verify/:token',
  method: 'post',
  handler: (req) =>
    Response.json(
      { errors: [{ message: 'Email verification is not enabled for users.' }] },
      { status: 404, headers: headersWithCors({ headers: new Headers(), req }) },
    ),
}
