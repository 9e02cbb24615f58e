import type { Payload, TaskConfig } from 'payload'

import { parseConvention } from '../avails'
import type { Environment } from '../config/environment'
import type { AvailsImport, User } from '../payload-types'
import { type ApplyProgress, applyAvailsImport, AvailsApplyRefused } from './availsImport'
import { documentId } from './ids'
import { progressWriter } from './progressWriter'

/** The jobs queue applies run on (its own cron, so a long apply never delays publishing). */
export const availsApplyQueue = 'avails'

const defaultJobRows = 1000

/**
 * Files with more rows than `AVAILS_APPLY_JOB_ROWS` (default 1000; 0: every file) are applied
 * as a job; smaller ones answer synchronously unless the caller asks for the job.
 */
export const availsApplyJobRowsFrom = (env: Environment): number => {
  const rows = Number(env.AVAILS_APPLY_JOB_ROWS ?? defaultJobRows)
  return Number.isInteger(rows) && rows >= 0 ? rows : defaultJobRows
}

/** Where the config keeps the threshold (`custom`), read by the apply endpoint. */
export const availsApplyJobRowsKey = 'availsApplyJobRows'

export const availsApplyJobRows = (payload: Payload): number => {
  const rows = payload.config.custom?.[availsApplyJobRowsKey]
  return typeof rows === 'number' ? rows : defaultJobRows
}

export type ImportProgress = NonNullable<AvailsImport['progress']>

/**
 * The progress of the applies this process is running, by import id. On a SQLite file the
 * apply holds the database's one write transaction from start to end, so the progress written
 * to the import document only lands after the commit; reads of the document in this process
 * are answered from here meanwhile (`collections/AvailsImports.ts` reads it after each read).
 */
const runningApplies = new Map<string, ImportProgress>()

/** The progress of an apply running in this process, newer than the stored one; else null. */
export const liveApplyProgress = (importId: string | number): ImportProgress | null =>
  runningApplies.get(String(importId)) ?? null

/** An apply whose progress has not moved for this long died with its process. */
export const stalledApplyMs = 30 * 60 * 1000

/**
 * Applying, and still alive: its progress moved within `stalledApplyMs`. An apply whose process
 * died may be applied again (on PostgreSQL nothing of it was kept; on SQLite the new plan is
 * made against what it left, so applying again completes it).
 */
export const isBeingApplied = (
  stored: Pick<AvailsImport, 'status' | 'progress'>,
  now = Date.now(),
): boolean => {
  if (stored.status !== 'applying') return false
  const moved = Date.parse(stored.progress?.updatedAt ?? '')
  return !Number.isFinite(moved) || now - moved < stalledApplyMs
}
type ImportPatch = Pick<Partial<AvailsImport>, 'status' | 'failure' | 'progress'>

/**
 * Writes straight through the adapter, touching only the fields given: the stored file is not
 * rewritten on every step, and the write is outside the apply's transaction, so the admin sees
 * the progress while the apply still runs.
 */
const patchImport = (payload: Payload, id: number | string, data: ImportPatch) =>
  payload.db.updateOne({ collection: 'avails-imports', id, data, returning: false })

export type AvailsApplyJobInput = {
  importId: string
  skipErrorRows?: boolean | null
  userId?: string | null
}

const licenceWritesOf = (counts: unknown): number => {
  const { create = 0, update = 0, delete: remove = 0 } = (counts ?? {}) as Record<string, number>
  return create + update + remove
}

/**
 * Refuses what the apply itself would refuse (before anything is queued), marks the import
 * `applying` and queues the job. Answers the job's id and the progress recorded.
 */
export const queueAvailsApply = async (
  payload: Payload,
  stored: Pick<AvailsImport, 'id' | 'status' | 'counts' | 'progress'>,
  { skipErrorRows, user }: { skipErrorRows: boolean; user: User | null },
): Promise<{ job: string; progress: ImportProgress }> => {
  if (stored.status === 'applied') {
    throw new AvailsApplyRefused(409, 'status', 'this import was applied already')
  }
  if (isBeingApplied(stored)) {
    throw new AvailsApplyRefused(409, 'status', 'this import is being applied')
  }
  const errorRows = Number((stored.counts as Record<string, number> | null)?.errorRows ?? 0)
  if (errorRows > 0 && !skipErrorRows) {
    throw new AvailsApplyRefused(
      409,
      'rowErrors',
      `${errorRows} rows have errors: fix the file, or apply with skipErrorRows to import the other rows`,
    )
  }
  const progress: ImportProgress = {
    phase: 'queued',
    done: 0,
    total: licenceWritesOf(stored.counts),
    job: null,
    updatedAt: new Date().toISOString(),
  }
  await patchImport(payload, stored.id, { status: 'applying', failure: null, progress })
  try {
    const job = await payload.jobs.queue({
      task: 'availsApply',
      queue: availsApplyQueue,
      input: {
        importId: String(stored.id),
        skipErrorRows,
        userId: user ? String(user.id) : null,
      },
    })
    return { job: String(job.id), progress }
  } catch (error) {
    await patchImport(payload, stored.id, {
      status: stored.status,
      progress: { phase: null, done: null, total: null, job: null, updatedAt: null },
    })
    throw error
  }
}

/**
 * The job: applies the import with its progress written to the document as it goes, and
 * leaves it `applied` (progress `done`) or `failed` with the reason (nothing of the file kept:
 * the apply is all or nothing).
 */
export const runAvailsApply = async (
  payload: Payload,
  input: AvailsApplyJobInput,
  jobId: string | null = null,
): Promise<'applied' | 'failed'> => {
  const id = documentId(payload, input.importId)
  const stored = await payload.findByID({
    collection: 'avails-imports',
    id,
    depth: 0,
    overrideAccess: true,
  })
  // A job run twice (a retry after a crash) must not report the first run's success as failed.
  if (stored.status === 'applied') return 'applied'
  const user = input.userId
    ? await payload.findByID({
        collection: 'users',
        id: documentId(payload, input.userId),
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
      })
    : null
  const stamp = (progress: ApplyProgress | ImportProgress): ImportProgress => ({
    phase: progress.phase,
    done: progress.done,
    total: progress.total,
    job: jobId,
    updatedAt: new Date().toISOString(),
  })
  let last: ApplyProgress = { phase: 'planning', done: 0, total: 0 }
  const writer = progressWriter<ApplyProgress>(
    (progress) => patchImport(payload, id, { progress: stamp(progress) }),
    (error) =>
      payload.logger.warn(
        { event: 'avails.import.progress', importId: input.importId, err: error },
        'Could not record the progress of an avails import',
      ),
  )
  try {
    await applyAvailsImport(
      payload,
      stored,
      {
        zoneConvention: parseConvention(stored.zoneConvention) ?? 'territory',
        createMissingTitles: Boolean(stored.createMissingTitles),
        skipErrorRows: Boolean(input.skipErrorRows),
        onProgress: (progress) => {
          last = progress
          runningApplies.set(String(id), stamp(progress))
          writer.report(progress)
        },
      },
      user ?? null,
    )
    await writer.settle()
    await patchImport(payload, id, {
      status: 'applied',
      progress: stamp({ phase: 'done', done: last.total, total: last.total }),
    })
    return 'applied'
  } catch (error) {
    await writer.settle()
    const reason = error instanceof AvailsApplyRefused ? error.reason : (error as Error).message
    await patchImport(payload, id, {
      status: 'failed',
      failure: reason,
      progress: stamp({ ...last, phase: 'failed' }),
    })
    payload.logger.warn(
      { event: 'avails.import.failed', importId: input.importId, reason },
      'An avails import failed and nothing of it was kept',
    )
    return 'failed'
  } finally {
    runningApplies.delete(String(id))
  }
}

/** Payload job task that applies an avails import (`queueAvailsApply` queues it). */
export const availsApplyTask: TaskConfig<'availsApply'> = {
  slug: 'availsApply',
  label: 'Avails import: apply a file',
  // An apply is all or nothing and its failure is recorded on the import: never run it again.
  retries: 0,
  inputSchema: [
    { name: 'importId', type: 'text', required: true },
    { name: 'skipErrorRows', type: 'checkbox' },
    { name: 'userId', type: 'text' },
  ],
  outputSchema: [{ name: 'status', type: 'text', required: true }],
  handler: async ({ input, job, req }) => ({
    output: { status: await runAvailsApply(req.payload, input, String(job.id)) },
  }),
}
