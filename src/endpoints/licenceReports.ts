import type { Endpoint, PayloadRequest } from 'payload'

import { expiringSoon } from '../availability'
import { engineLicenceFrom } from '../rights/licenceRecords'
import { isStaffUser, type RoleBearer } from '../roles'

const forbidden = () =>
  Response.json({ errors: [{ message: 'Only staff may read licence reports.' }] }, { status: 403 })

const badRequest = (field: string, message: string) =>
  Response.json(
    { errors: [{ message, data: { errors: [{ path: field, message }] } }] },
    { status: 400 },
  )

const noStore = { 'Cache-Control': 'private, no-store' }

const isStaffRequest = (req: PayloadRequest) => isStaffUser(req.user as RoleBearer)

/**
 * GET /api/licences/expiring?days=30&territory=DE
 * Windows ending within N days (default 30), per territory, soonest first.
 */
export const expiringLicencesEndpoint: Endpoint = {
  path: '/expiring',
  method: 'get',
  handler: async (req) => {
    if (!isStaffRequest(req)) return forbidden()
    const daysText = req.searchParams.get('days') ?? '30'
    const days = Number(daysText)
    if (!Number.isInteger(days) || days < 1 || days > 3650) {
      return badRequest('days', 'days must be a whole number from 1 to 3650')
    }
    const territory = req.searchParams.get('territory')?.trim().toUpperCase() || undefined
    const now = new Date()
    const until = new Date(now.getTime() + days * 86_400_000)
    // A coarse pre-filter on the stored window ends (whole seconds, `Z`); the engine decides.
    const secondsText = (instant: number) => `${new Date(instant).toISOString().slice(0, 19)}Z`
    const { docs } = await req.payload.find({
      collection: 'licences',
      where: {
        and: [
          { 'resolvedWindows.end': { greater_than_equal: secondsText(now.getTime() - 1_000) } },
          { 'resolvedWindows.end': { less_than_equal: secondsText(until.getTime() + 1_000) } },
          ...(territory ? [{ countries: { in: [territory] } }] : []),
        ],
      },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const windows = expiringSoon(docs.map(engineLicenceFrom), { now, withinDays: days }).filter(
      (window) => !territory || window.territory === territory,
    )
    const contractOf = new Map(docs.map((doc) => [String(doc.id), doc.contractId ?? null]))
    return Response.json(
      {
        days,
        territory: territory ?? null,
        windows: windows.map((window) => ({
          ...window,
          contractId: contractOf.get(window.licenceId),
        })),
      },
      { headers: noStore },
    )
  },
}

/** GET /api/licences/conflicts: every licence with a recorded exclusive-grant conflict. */
export const licenceConflictsEndpoint: Endpoint = {
  path: '/conflicts',
  method: 'get',
  handler: async (req) => {
    if (!isStaffRequest(req)) return forbidden()
    const { docs } = await req.payload.find({
      collection: 'licences',
      where: { hasConflicts: { equals: true } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return Response.json(
      {
        licences: docs.map((doc) => ({
          id: doc.id,
          contractId: doc.contractId,
          conflicts: doc.conflicts ?? [],
          warnings: doc.warnings ?? [],
        })),
      },
      { headers: noStore },
    )
  },
}
