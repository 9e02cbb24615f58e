import { stringify } from 'csv-stringify/sync'
import type { Endpoint, PayloadRequest } from 'payload'

import { expiringSoon, isReportKind, reportCsvRecords, reportKinds } from '../availability'
import { engineLicenceFrom } from '../rights/licenceRecords'
import { loadRightsReports, parseReportDays } from '../rights/rightsReports'
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
 * GET /api/licences/reports?report=conflicts&format=csv&days=30
 * The rights reports of /admin/rights: one report (`report`: conflicts, warnings, endingSoon,
 * groupDrift, gaps, audit) as JSON or as a CSV download, or every report as JSON. Staff only.
 */
export const licenceReportsEndpoint: Endpoint = {
  path: '/reports',
  method: 'get',
  handler: async (req) => {
    if (!isStaffRequest(req)) return forbidden()
    const report = req.searchParams.get('report')
    const format = req.searchParams.get('format') ?? 'json'
    const days = parseReportDays(req.searchParams.get('days'))
    if (report !== null && !isReportKind(report)) {
      return badRequest('report', `report must be one of ${reportKinds.join(', ')}`)
    }
    if (format !== 'json' && format !== 'csv') {
      return badRequest('format', 'format must be json or csv')
    }
    if (format === 'csv' && report === null) {
      return badRequest('report', 'a CSV holds one report: name it with report')
    }
    if (days === null) return badRequest('days', 'days must be a whole number from 1 to 3650')
    const reports = await loadRightsReports(req, { days })
    if (report === null) return Response.json(reports, { headers: noStore })
    if (format === 'json') {
      return Response.json(
        {
          ...reports.reports[report],
          generatedAt: reports.generatedAt,
          days,
          audit: reports.audit,
        },
        { headers: noStore },
      )
    }
    const fileName = `rights-${report}-${reports.generatedAt.slice(0, 10)}.csv`
    return new Response(stringify(reportCsvRecords(reports.reports[report])), {
      headers: {
        ...noStore,
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
      },
    })
  },
}

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
