import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import type { Environment } from '../config/environment'
import type { RightsAudit } from '../payload-types'
import { auditSearchIndex, type SearchIndexCheck } from '../search/searchIndex'
import {
  type AuditCursor,
  auditCatalog,
  type AuditTotals,
  type CatalogAuditOptions,
  type CatalogAuditResult,
} from './audit'

export type AuditTrigger = RightsAudit['trigger']

const asCursor = (value: unknown): AuditCursor | undefined => {
  if (!value || typeof value !== 'object') return undefined
  const { step, afterId } = value as Partial<AuditCursor>
  if (!step || !['films', 'series', 'seasons', 'episodes', 'orphans'].includes(step)) {
    return undefined
  }
  return { step, afterId: typeof afterId === 'string' ? afterId : null }
}

/** The newest run of the audit (of one trigger, or of any). */
export const lastAuditRun = async (
  payload: Payload,
  trigger?: AuditTrigger,
  req?: Partial<PayloadRequest>,
): Promise<RightsAudit | null> => {
  const { docs } = await payload.find({
    collection: 'rights-audits',
    where: trigger ? { trigger: { equals: trigger } } : undefined,
    sort: '-startedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] ?? null
}

const recordRun = async (
  payload: Payload,
  run: {
    trigger: AuditTrigger
    repair: boolean
    startedAt: Date
    totals: AuditTotals
    next?: AuditCursor | null
    searchIndex?: SearchIndexCheck | null
    error?: string
  },
  req?: Partial<PayloadRequest>,
): Promise<RightsAudit> =>
  payload.create({
    collection: 'rights-audits',
    data: {
      startedAt: run.startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      trigger: run.trigger,
      repair: run.repair,
      checked: run.totals.checked,
      differing: run.totals.differing,
      repaired: run.totals.repaired,
      rowsMissing: run.totals.rows.missing,
      rowsExtra: run.totals.rows.extra,
      rowsDifferent: run.totals.rows.different,
      examples: run.totals.examples,
      next: run.next ?? null,
      searchIndex: run.searchIndex ?? null,
      error: run.error,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })

export type RecordedAuditOptions = CatalogAuditOptions & {
  trigger: AuditTrigger
  onSearchRepair?: (contentKey: string, kind: 'differing' | 'orphan') => void
}

/**
 * Audits (part of) the catalog and records the run. A run that reaches the end of the catalog
 * also checks the search index against the stored titles (entries missing, stale, or of titles
 * that no longer exist), and repairs it with `repair`.
 */
export const runRecordedAudit = async (
  payload: Payload,
  { trigger, onSearchRepair, ...options }: RecordedAuditOptions,
): Promise<CatalogAuditResult & { run: RightsAudit; searchIndex: SearchIndexCheck | null }> => {
  const startedAt = new Date()
  const result = await auditCatalog(payload, options)
  const searchIndex =
    result.next === null
      ? await auditSearchIndex(payload, {
          repair: Boolean(options.repair),
          onRepair: onSearchRepair,
          req: options.req,
        })
      : null
  const run = await recordRun(
    payload,
    {
      trigger,
      repair: Boolean(options.repair),
      startedAt,
      totals: result,
      next: result.next,
      searchIndex,
    },
    options.req,
  )
  return { ...result, run, searchIndex }
}

export type ScheduledAuditOptions = {
  /** Titles per run (bounded work); the next run goes on where this one stopped. */
  maxTitles: number
  req?: Partial<PayloadRequest>
}

/**
 * One step of the continuous audit: goes on where the last scheduled run stopped, repairs
 * what differs, and logs every repair as one structured line.
 */
export const runScheduledAudit = async (
  payload: Payload,
  { maxTitles, req }: ScheduledAuditOptions,
): Promise<CatalogAuditResult & { run: RightsAudit; searchIndex: SearchIndexCheck | null }> => {
  const previous = await lastAuditRun(payload, 'job', req)
  return runRecordedAudit(payload, {
    trigger: 'job',
    repair: true,
    from: asCursor(previous?.next),
    maxTitles,
    req,
    onRepair: (difference, title) =>
      payload.logger.warn(
        {
          event: 'rights.audit.repair',
          contentKey: difference.contentKey,
          title,
          missing: difference.missing.length,
          extra: difference.extra.length,
          different: difference.different.length,
        },
        `Rights audit repaired the availability rows of ${difference.contentKey}`,
      ),
    onSearchRepair: (contentKey, kind) =>
      payload.logger.warn(
        { event: 'search.index.repair', contentKey, kind },
        `Rights audit repaired the search entries of ${contentKey}`,
      ),
  })
}

export type RightsAuditSettings = {
  /** Cron (seconds first) of the scheduled audit; null turns it off. */
  cron: string | null
  maxTitles: number
}

export const rightsAuditSettingsFrom = (env: Environment): RightsAuditSettings => {
  const cron = env.RIGHTS_AUDIT_CRON?.trim()
  const maxTitles = Number(env.RIGHTS_AUDIT_MAX_TITLES ?? 2000)
  return {
    cron: cron === 'false' ? null : cron || '0 0 * * * *',
    maxTitles: Number.isInteger(maxTitles) && maxTitles > 0 ? maxTitles : 2000,
  }
}

/**
 * The scheduled job of the continuous audit. Only a process that runs the jobs queue
 * schedules it (`shouldRunJobs`).
 */
export const rightsAuditTask = (
  settings: RightsAuditSettings,
  shouldRunJobs: (payload: Payload) => Promise<boolean>,
): TaskConfig<'rightsAudit'> => ({
  slug: 'rightsAudit',
  label: 'Rights audit: stored availability rows against the licences',
  ...(settings.cron
    ? {
        schedule: [
          {
            cron: settings.cron,
            queue: 'default',
            hooks: {
              beforeSchedule: async (args) =>
                (await shouldRunJobs(args.req.payload))
                  ? args.defaultBeforeSchedule(args)
                  : { shouldSchedule: false },
            },
          },
        ],
      }
    : {}),
  outputSchema: [{ name: 'result', type: 'json' }],
  handler: async ({ req }) => {
    const { checked, differing, repaired, next } = await runScheduledAudit(req.payload, {
      maxTitles: settings.maxTitles,
      req,
    })
    return { output: { result: { checked, differing, repaired, next } } }
  },
})
