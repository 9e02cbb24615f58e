import type { PayloadRequest } from 'payload'

export const json = (body: unknown, status = 200): Response => Response.json(body, { status })

/** An error answer in Payload's own shape, as its REST API and our other endpoints give it. */
export const problem = (status: number, message: string): Response =>
  json({ errors: [{ message }] }, status)

export const routeParam = (req: PayloadRequest, name: string): string =>
  String((req.routeParams as Record<string, unknown> | undefined)?.[name] ?? '')
