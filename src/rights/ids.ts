import type { Payload } from 'payload'

/** The id behind a relationship value: a bare id, or a populated document. */
export const idOf = (value: unknown): string | undefined => {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'object') return idOf((value as { id?: unknown }).id)
  return String(value)
}

/** An id as the database adapter stores it: numbers on SQL backends, strings on MongoDB. */
export const documentId = (payload: Payload, id: string): number | string =>
  payload.db.defaultIDType === 'number' ? Number(id) : id
