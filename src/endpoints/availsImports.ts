import type { Endpoint, PayloadRequest } from 'payload'

import { AvailsFileError, parseConvention, type ZoneConvention } from '../avails'
import type { User } from '../payload-types'
import { availsApplyJobRows, isBeingApplied, queueAvailsApply } from '../rights/availsApplyJob'
import {
  applyAvailsImport,
  AvailsApplyRefused,
  describePlan,
  recordDryRun,
} from '../rights/availsImport'
import { documentId } from '../rights/ids'
import { hasRole, type RoleBearer } from '../roles'

export const answer = (status: number, field: string, message: string) =>
  Response.json(
    { errors: [{ message, data: { errors: [{ path: field, message }] } }] },
    { status, headers: noStore },
  )

export const noStore = { 'Cache-Control': 'private, no-store' }

/** 401 without a user, 403 for a user who is neither licensing staff nor an admin. */
export const refuseUnlessLicensing = (
  req: PayloadRequest,
  action = 'import avails',
): Response | null => {
  if (!req.user) {
    return Response.json(
      { errors: [{ message: `Sign in as licensing staff or an admin to ${action}.` }] },
      { status: 401, headers: noStore },
    )
  }
  if (!hasRole(req.user as RoleBearer, ['admin', 'licensing'])) {
    return Response.json(
      { errors: [{ message: `Only licensing staff and admins may ${action}.` }] },
      { status: 403, headers: noStore },
    )
  }
  return null
}

const defaultMaxMegabytes = 20

/** Largest file accepted, `AVAILS_IMPORT_MAX_MB` (default 20). */
const availsImportMaxBytes = (env: NodeJS.ProcessEnv = process.env): number => {
  const megabytes = Number(env.AVAILS_IMPORT_MAX_MB ?? defaultMaxMegabytes)
  return (
    (Number.isFinite(megabytes) && megabytes > 0 ? megabytes : defaultMaxMegabytes) * 1024 * 1024
  )
}

const flag = (value: FormDataEntryValue | string | null | undefined): boolean =>
  typeof value === 'string' && ['true', '1', 'yes', 'on'].includes(value.trim().toLowerCase())

const userOf = (req: PayloadRequest) => req.user as (User & { collection: 'users' }) | null

type ImportForm = {
  file: File
  zoneConvention: ZoneConvention
  createMissingTitles: boolean
}

const readForm = async (req: PayloadRequest): Promise<ImportForm | Response> => {
  const maxBytes = availsImportMaxBytes()
  const declared = Number(req.headers.get('content-length') ?? 0)
  if (declared > maxBytes + 64 * 1024) {
    return answer(
      400,
      'file',
      `the file is larger than ${maxBytes / 1024 / 1024} MB (AVAILS_IMPORT_MAX_MB)`,
    )
  }
  if (!(req.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
    return answer(400, 'file', 'send the file as multipart/form-data in the field "file"')
  }
  let form: FormData
  try {
    if (typeof req.formData !== 'function') throw new Error('no body')
    form = await req.formData()
  } catch {
    return answer(400, 'file', 'the multipart body cannot be read')
  }
  const file = form.get('file')
  if (!file || typeof file === 'string')
    return answer(400, 'file', 'a file is required in the field "file"')
  if (file.size > maxBytes) {
    return answer(
      400,
      'file',
      `the file is larger than ${maxBytes / 1024 / 1024} MB (AVAILS_IMPORT_MAX_MB)`,
    )
  }
  const conventionText = form.get('zoneConvention')
  const zoneConvention = parseConvention(typeof conventionText === 'string' ? conventionText : null)
  if (!zoneConvention) {
    return answer(
      400,
      'zoneConvention',
      'use "territory" (each territory’s reference zone), "reject", or an IANA zone such as UTC',
    )
  }
  return { file, zoneConvention, createMissingTitles: flag(form.get('createMissingTitles')) }
}

/**
 * POST /api/avails/imports (multipart: `file`, optional `zoneConvention`, `createMissingTitles`).
 * Reads the file and answers the dry run: the import document with its diff and error rows.
 */
export const createAvailsImportEndpoint: Endpoint = {
  path: '/avails/imports',
  method: 'post',
  handler: async (req) => {
    const refused = refuseUnlessLicensing(req)
    if (refused) return refused
    const form = await readForm(req)
    if (form instanceof Response) return form
    const data = new Uint8Array(await form.file.arrayBuffer())
    try {
      const { doc, plan } = await recordDryRun(
        req.payload,
        data,
        form.file.name || 'avails',
        { zoneConvention: form.zoneConvention, createMissingTitles: form.createMissingTitles },
        userOf(req),
      )
      return Response.json(
        {
          id: doc.id,
          status: doc.status,
          fileName: doc.fileName,
          format: doc.format,
          version: doc.version,
          zoneConvention: doc.zoneConvention,
          counts: plan.counts,
          diff: describePlan(plan),
          rowErrors: plan.mapped.errors,
        },
        { status: 201, headers: noStore },
      )
    } catch (error) {
      if (error instanceof AvailsFileError) return answer(400, 'file', error.reason)
      throw error
    }
  },
}

/**
 * POST /api/avails/imports/:id/apply (optional JSON `{ "skipErrorRows": true, "background":
 * true }`): applies a dry run, all or nothing. Small files answer 200 with what it did and the
 * rights audit of the titles touched; large ones (more rows than AVAILS_APPLY_JOB_ROWS), or any
 * file with `background`, are queued as a job: 202, and the import document shows the progress.
 */
export const applyAvailsImportEndpoint: Endpoint = {
  path: '/avails/imports/:id/apply',
  method: 'post',
  handler: async (req) => {
    const refused = refuseUnlessLicensing(req)
    if (refused) return refused
    const idText = String(req.routeParams?.id ?? '')
    if (!/^[0-9a-f]+$/i.test(idText)) return answer(404, 'id', `no avails import ${idText}`)
    let skipErrorRows = flag(req.searchParams.get('skipErrorRows'))
    let background = flag(req.searchParams.get('background'))
    if ((req.headers.get('content-type') ?? '').includes('application/json') && req.json) {
      try {
        const body = (await req.json()) as { skipErrorRows?: unknown; background?: unknown }
        if (body === null || typeof body !== 'object' || Array.isArray(body)) {
          throw new Error('not an object')
        }
        skipErrorRows ||= body.skipErrorRows === true
        background ||= body.background === true
      } catch {
        return answer(400, 'body', 'the body must be a JSON object')
      }
    }
    const { docs } = await req.payload.find({
      collection: 'avails-imports',
      where: { id: { equals: documentId(req.payload, idText) } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const stored = docs[0]
    if (!stored) return answer(404, 'id', `no avails import ${idText}`)
    const rows = Number((stored.counts as { rows?: number } | null)?.rows ?? 0)
    if (background || rows > availsApplyJobRows(req.payload)) {
      try {
        const { job, progress } = await queueAvailsApply(req.payload, stored, {
          skipErrorRows,
          user: userOf(req),
        })
        return Response.json(
          { id: stored.id, status: 'applying', job, progress },
          { status: 202, headers: noStore },
        )
      } catch (error) {
        if (error instanceof AvailsApplyRefused)
          return answer(error.status, error.field, error.reason)
        throw error
      }
    }
    if (isBeingApplied(stored)) {
      return answer(409, 'status', 'this import is being applied')
    }
    const zoneConvention = parseConvention(stored.zoneConvention) ?? 'territory'
    try {
      const { plan, audit, transactional } = await applyAvailsImport(
        req.payload,
        stored,
        {
          zoneConvention,
          createMissingTitles: Boolean(stored.createMissingTitles),
          skipErrorRows,
        },
        userOf(req),
      )
      return Response.json(
        {
          id: stored.id,
          status: 'applied',
          transactional,
          counts: plan.counts,
          diff: describePlan(plan),
          rowErrors: plan.mapped.errors,
          audit,
        },
        { headers: noStore },
      )
    } catch (error) {
      if (error instanceof AvailsApplyRefused)
        return answer(error.status, error.field, error.reason)
      if (error instanceof AvailsFileError) return answer(400, 'file', error.reason)
      return Response.json(
        {
          errors: [
            {
              message: `The import failed and nothing of it was kept: ${(error as Error).message}`,
            },
          ],
        },
        { status: 422, headers: noStore },
      )
    }
  },
}
