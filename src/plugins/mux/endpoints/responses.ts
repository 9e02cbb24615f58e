import type { PayloadRequest } from 'payload'

import { hasRole, isStaffUser, type RoleBearer } from '../../../roles'

export const json = (body: unknown, status = 200): Response => Response.json(body, { status })

export const problem = (status: number, message: string): Response => json({ message }, status)

/** Editors manage videos (the collection's own create/update rule). */
export const canEditVideos = (req: PayloadRequest): boolean =>
  hasRole(req.user as RoleBearer, ['admin', 'editor'])

export const isStaffRequest = (req: PayloadRequest): boolean => isStaffUser(req.user as RoleBearer)

export const routeParam = (req: PayloadRequest, name: string): string =>
  String((req.routeParams as Record<string, unknown> | undefined)?.[name] ?? '')
