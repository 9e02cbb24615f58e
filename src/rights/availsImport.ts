import crypto from 'node:crypto'

import { createLocalReq, type Payload, type PayloadRequest, ValidationError } from 'payload'

import {
  allContentCollections,
  type ContentRef,
  contentRefFromKey,
  type ExclusiveConflict,
  type Licence as EngineLicence,
  nodeKey,
  type Region,
  resolveTerritoryWindows,
  type VideoFormat,
} from '../availability'
import {
  type AvailsDiff,
  type AvailsSource,
  type CatalogTitle,
  conflictsIntroduced,
  describeConvention,
  diffAvails,
  type ImportedLicence,
  type LicenceWrite,
  type MappedAvails,
  mapRows,
  type NewTitle,
  type ParsedAvails,
  readAvails,
  type ZoneConvention,
} from '../avails'
import { beginWriteTransaction } from '../config/writeTransaction'
import type {
  AvailsImport,
  Config,
  Licence as LicenceDoc,
  LicencesSelect,
  User,
} from '../payload-types'
import { auditTitles, type AuditTotals } from './audit'
import { deferredRefreshRequest, recordLicenceConflicts } from './conflicts'
import { documentId, idOf } from './ids'
import { rematerializeAvailability } from './materialize'
import { resolveLicenceTermsOrRefuse } from './licenceTerms'
import { loadRightsContext } from './rightsContext'
import { loadRegions } from './regions'
import { sqlAdapterOf } from './tableReads'
import { insertLicences, type LicenceInsert } from './tableWrites'

export type AvailsImportOptions = {
  zoneConvention: ZoneConvention
  createMissingTitles: boolean
  now?: Date
}

export type AvailsCounts = {
  rows: number
  errorRows: number
  create: number
  update: number
  delete: number
  unchanged: number
  matchedTitles: number
  unmatchedTitles: number
  newTitles: number
  conflicts: number
}

export type AvailsPlan = {
  parsed: ParsedAvails
  mapped: MappedAvails
  diff: AvailsDiff
  conflicts: ExclusiveConflict[]
  counts: AvailsCounts
}

const localised = (value: unknown): string[] => {
  if (typeof value === 'string') return [value]
  if (value && typeof value === 'object') {
    return Object.values(value).filter((text): text is string => typeof text === 'string')
  }
  return []
}

type TitleRecord = {
  id: number | string
  title?: unknown
  releaseYear?: number | null
  externalIds?: { eidr?: string | null; availsIds?: string[] | null } | null
  seasonNumber?: number | null
  episodeNumber?: number | null
  season?: unknown
  series?: unknown
}

/** Every title of the catalog, in every locale, as the import matches rows against them. */
export const loadCatalogTitles = async (
  payload: Payload,
  req?: Partial<PayloadRequest>,
): Promise<CatalogTitle[]> => {
  const titles: CatalogTitle[] = []
  for (const collection of allContentCollections) {
    // Straight through the adapter: the catalog's read hooks (availability, playback) are not
    // needed to match rows, and would run once per title.
    const { docs } = await payload.db.find<TitleRecord>({
      collection,
      where: {},
      limit: 0,
      pagination: false,
      locale: 'all',
      req,
    })
    for (const doc of docs) {
      const parentId =
        collection === 'episodes'
          ? idOf(doc.season)
          : collection === 'seasons'
            ? idOf(doc.series)
            : undefined
      titles.push({
        ref: { collection, id: String(doc.id) },
        names: localised(doc.title),
        releaseYear: doc.releaseYear ?? null,
        eidr: doc.externalIds?.eidr ?? null,
        availsIds: doc.externalIds?.availsIds ?? [],
        seasonNumber: doc.seasonNumber ?? null,
        episodeNumber: doc.episodeNumber ?? null,
        parent: parentId
          ? { collection: collection === 'episodes' ? 'seasons' : 'series', id: parentId }
          : null,
      })
    }
  }
  return titles
}

export const importedLicenceOf = (doc: LicenceDoc): ImportedLicence => ({
  id: String(doc.id),
  availsKey: doc.availsKey ?? null,
  licensor: doc.licensor ?? '',
  contractId: doc.contractId ?? null,
  contentKeys: doc.contentKeys ?? [],
  licenceType: doc.licenceType,
  countries: doc.countries ?? [],
  formats: (doc.formats ?? []) as VideoFormat[],
  start: doc.start,
  end: doc.end ?? null,
  announceAt: doc.announceAt ?? null,
  exclusive: Boolean(doc.exclusive),
  source: (doc.availsSource as AvailsSource | null) ?? null,
})

/** Licences an avails import wrote (they carry an `availsKey`). */
const loadImportedLicences = async (
  payload: Payload,
  req?: Partial<PayloadRequest>,
): Promise<ImportedLicence[]> => {
  // Through the adapter: no afterRead hooks (groupDrift would load the regions per licence).
  const { docs } = await payload.db.find<LicenceDoc>({
    collection: 'licences',
    where: { availsKey: { exists: true } },
    limit: 0,
    pagination: false,
    req,
  })
  return docs.filter((doc) => doc.availsKey).map(importedLicenceOf)
}

const engineLicenceOf = (
  id: string,
  write: LicenceWrite,
  regions: readonly Region[],
): EngineLicence => ({
  id,
  content: write.contentKeys.filter((key) => !key.startsWith('new:')).map(contentRefFromKey),
  licenceType: write.licenceType,
  formats: write.formats,
  kind: 'grant',
  exclusive: write.exclusive,
  windows: resolveTerritoryWindows(
    { start: write.start, end: write.end },
    [write.territory],
    regions,
  ).map(({ territory, start, end }) => ({ territory, start, end })),
})

const touchedTitles = (diff: AvailsDiff, existing: readonly ImportedLicence[]): ContentRef[] => {
  const byId = new Map(existing.map((licence) => [licence.id, licence]))
  const keys = new Set<string>()
  for (const write of [...diff.create, ...diff.update.map((entry) => entry.write)]) {
    for (const key of write.contentKeys) keys.add(key)
  }
  for (const id of [...diff.update.map((entry) => entry.id), ...diff.remove.map((e) => e.id)]) {
    for (const key of byId.get(id)?.contentKeys ?? []) keys.add(key)
  }
  return [...keys].filter((key) => !key.startsWith('new:')).map(contentRefFromKey)
}

/** Reads the file and works out what applying it would do: the dry run. */
const planAvailsImport = async (
  payload: Payload,
  data: Uint8Array,
  fileName: string,
  options: AvailsImportOptions,
  req?: Partial<PayloadRequest>,
): Promise<AvailsPlan> => {
  const parsed = await readAvails(data, fileName)
  // One after the other: inside the apply's transaction `req` is one connection, which must not
  // run two statements at once (pg warns today and will refuse).
  const catalog = await loadCatalogTitles(payload, req)
  const regions = await loadRegions(payload, req)
  const existing = await loadImportedLicences(payload, req)
  const mapped = mapRows(parsed.rows, catalog, regions, {
    now: options.now ?? new Date(),
    zoneConvention: options.zoneConvention,
    createMissingTitles: options.createMissingTitles,
  })
  const diff = diffAvails(mapped, existing)
  const roots = touchedTitles(diff, existing)
  const context = await loadRightsContext(payload, roots, req)
  const replaced = new Set([...diff.update.map((e) => e.id), ...diff.remove.map((e) => e.id)])
  const after = [
    ...context.licences.filter((licence) => !replaced.has(licence.id)),
    ...diff.update.map((entry) => engineLicenceOf(entry.id, entry.write, regions)),
    ...diff.create.map((write, index) => engineLicenceOf(`new:${index + 1}`, write, regions)),
  ]
  const conflicts = conflictsIntroduced(context.licences, after, context.tree)
  const errorRows = new Set(mapped.errors.map((error) => `${error.sheet}|${error.row}`))
  return {
    parsed,
    mapped,
    diff,
    conflicts,
    counts: {
      rows: parsed.rows.length,
      errorRows: errorRows.size,
      create: diff.create.length,
      update: diff.update.length,
      delete: diff.remove.length,
      unchanged: diff.unchanged.length,
      matchedTitles: new Set(mapped.matched.map((match) => match.contentKey)).size,
      unmatchedTitles: mapped.unmatched.length,
      newTitles: mapped.newTitles.length,
      conflicts: conflicts.length,
    },
  }
}

/** The diff as staff read it: licences by their terms, not by hashes. */
export const describePlan = (plan: AvailsPlan) => {
  const terms = (write: LicenceWrite) => ({
    content: write.contentKeys,
    licensor: write.licensor,
    contractId: write.contractId,
    licenceType: write.licenceType,
    formats: write.formats,
    territory: write.territory,
    start: write.start,
    end: write.end,
    announceAt: write.announceAt,
    exclusive: write.exclusive,
    availIds: write.source.rows.flatMap((row) => (row.availId ? [row.availId] : [])),
    rows: write.source.rows.map((row) => ({ sheet: row.sheet, row: row.row })),
  })
  return {
    create: plan.diff.create.map(terms),
    update: plan.diff.update.map((entry) => ({
      id: entry.id,
      changes: entry.changes,
      ...terms(entry.write),
    })),
    delete: plan.diff.remove,
    unchanged: plan.diff.unchanged.map((entry) => entry.id),
    unmatchedTitles: plan.mapped.unmatched,
    newTitles: plan.mapped.newTitles.map(({ key, collection, title, parentKey }) => ({
      key,
      collection,
      title,
      parentKey: parentKey ?? null,
    })),
    conflicts: plan.conflicts,
  }
}

export class AvailsApplyRefused extends Error {
  constructor(
    readonly status: number,
    readonly field: string,
    readonly reason: string,
  ) {
    super(reason)
    this.name = 'AvailsApplyRefused'
  }
}

type UndoStep = () => Promise<unknown>

type LicenceData = Omit<
  LicenceDoc,
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'countries'
  | 'resolvedWindows'
  | 'groupSnapshot'
  | 'groupDrift'
  | 'tzVersion'
  | 'contentKeys'
  | 'conflicts'
  | 'warnings'
  | 'hasConflicts'
>

const relationOf = (
  payload: Payload,
  key: string,
  created: ReadonlyMap<string, string>,
): LicenceDoc['content'][number] => {
  const ref = key.startsWith('new:')
    ? contentRefFromKey(created.get(key) ?? '')
    : contentRefFromKey(key)
  return { relationTo: ref.collection, value: documentId(payload, ref.id) as number }
}

const licenceDataOf = (
  payload: Payload,
  write: LicenceWrite,
  importId: number,
  created: ReadonlyMap<string, string>,
  regionIds: ReadonlyMap<string, number>,
): LicenceData => ({
  content: write.contentKeys.map((key) => relationOf(payload, key, created)),
  licensor: write.licensor,
  contractId: write.contractId,
  kind: 'grant',
  licenceType: write.licenceType,
  formats: write.formats,
  territories: [regionIds.get(write.territory) ?? 0],
  excludedTerritories: [],
  start: write.start,
  end: write.end,
  announceAt: write.announceAt,
  exclusive: write.exclusive,
  availsKey: write.availsKey,
  availsSource: write.source,
  availsImport: importId,
})

/** What a deleted or changed licence was, to put it back if the import fails (SQLite). */
const restorableDataOf = (doc: LicenceDoc): LicenceData => ({
  content: doc.content.map((relation) => ({
    relationTo: relation.relationTo,
    value: documentIdOfRelation(relation.value) as number,
  })) as LicenceDoc['content'],
  licensor: doc.licensor,
  contractId: doc.contractId,
  kind: doc.kind,
  holdbackStrength: doc.holdbackStrength,
  licenceType: doc.licenceType,
  formats: doc.formats,
  territories: doc.territories,
  excludedTerritories: doc.excludedTerritories,
  start: doc.start,
  end: doc.end,
  announceAt: doc.announceAt,
  exclusive: doc.exclusive,
  notes: doc.notes,
  availsKey: doc.availsKey,
  availsSource: doc.availsSource,
  availsImport: typeof doc.availsImport === 'object' ? doc.availsImport?.id : doc.availsImport,
})

const documentIdOfRelation = (value: unknown): number | string => {
  if (typeof value === 'object' && value !== null && 'id' in value) {
    return (value as { id: number | string }).id
  }
  return value as number | string
}

const createTitles = async (
  payload: Payload,
  titles: readonly NewTitle[],
  req: PayloadRequest,
  undo: UndoStep[],
): Promise<Map<string, string>> => {
  const created = new Map<string, string>()
  // The request is shared with reads made in every locale: name the locale the title is in.
  const localization = payload.config.localization
  const locale = (localization ? localization.defaultLocale : undefined) as
    Config['locale'] | undefined
  const idFor = (key: string | undefined) => {
    if (!key) return undefined
    const resolved = key.startsWith('new:') ? created.get(key) : key
    return resolved ? documentId(payload, contentRefFromKey(resolved).id) : undefined
  }
  for (const title of titles) {
    const externalIds = { eidr: title.eidr ?? null, availsIds: title.availsIds }
    const base = { _status: 'draft' as const, externalIds }
    let doc: { id: number | string }
    switch (title.collection) {
      case 'films':
        doc = await payload.create({
          collection: 'films',
          data: { ...base, title: title.title, releaseYear: title.releaseYear ?? null },
          draft: true,
          overrideAccess: true,
          locale,
          req,
        })
        break
      case 'series':
        doc = await payload.create({
          collection: 'series',
          data: { ...base, title: title.title },
          draft: true,
          overrideAccess: true,
          locale,
          req,
        })
        break
      case 'seasons':
        doc = await payload.create({
          collection: 'seasons',
          data: {
            ...base,
            title: title.title,
            seasonNumber: title.seasonNumber ?? 0,
            series: idFor(title.parentKey) as number,
          },
          draft: true,
          overrideAccess: true,
          locale,
          req,
        })
        break
      case 'episodes':
        doc = await payload.create({
          collection: 'episodes',
          data: {
            ...base,
            title: title.title,
            episodeNumber: title.episodeNumber ?? 0,
            season: idFor(title.parentKey) as number,
          },
          draft: true,
          overrideAccess: true,
          locale,
          req,
        })
        break
    }
    const collection = title.collection
    created.set(title.key, nodeKey({ collection, id: String(doc.id) }))
    undo.push(() => payload.delete({ collection, id: doc.id, overrideAccess: true, req }))
  }
  return created
}

/** Licences created per batch on the SQL adapters (each batch one progress step). */
const licenceBatchSize = 100

/**
 * A new licence as a create through the Local API stores it: Payload's defaults for what the
 * import leaves out, and what `resolveLicenceWindows` resolves from its terms (refused with
 * the same 400 when they cannot be). Conflicts are recorded after the writes, as for creates
 * through the Local API with the refresh deferred.
 */
const licenceInsertOf = (
  data: LicenceData,
  codeById: ReadonlyMap<string, string>,
  regions: readonly Region[],
): LicenceInsert => {
  const idsOf = (relations: LicenceData['territories'] | null | undefined) =>
    (relations ?? []).flatMap((relation) => idOf(relation) ?? [])
  const codesOf = (ids: readonly string[]) => ids.map((id) => codeById.get(id) ?? id)
  const territories = idsOf(data.territories)
  const excludedTerritories = idsOf(data.excludedTerritories)
  if (data.content.length === 0) {
    throw new ValidationError({
      collection: 'licences',
      errors: [{ path: 'content', message: 'This field requires at least 1 row.' }],
    })
  }
  const content = data.content.map((relation) => ({
    relationTo: relation.relationTo,
    value: idOf(relation.value) ?? '',
  }))
  return {
    contractId: data.contractId ?? null,
    licensor: data.licensor ?? null,
    kind: data.kind,
    holdbackStrength: data.holdbackStrength ?? 'hard',
    licenceType: data.licenceType,
    start: data.start,
    end: data.end ?? null,
    announceAt: data.announceAt ?? null,
    exclusive: data.exclusive ?? false,
    notes: data.notes ?? null,
    availsKey: data.availsKey ?? null,
    availsSource: data.availsSource ?? null,
    availsImport: idOf(data.availsImport) ?? null,
    hasConflicts: false,
    content: content.map((relation) => ({ ...relation, value: Number(relation.value) })),
    formats: (data.formats ?? ['sd', 'hd']) as VideoFormat[],
    territories: territories.map(Number),
    excludedTerritories: excludedTerritories.map(Number),
    contentKeys: content.map((relation) =>
      nodeKey({ collection: relation.relationTo, id: relation.value }),
    ),
    ...resolveLicenceTermsOrRefuse(
      codesOf(territories),
      codesOf(excludedTerritories),
      { start: data.start, end: data.end },
      regions,
    ),
  }
}

/** Titles refreshed together after an import's writes (each batch reads their licences once). */
const refreshBatchSize = 100

/** Availability rows and recorded conflicts of every title the writes touched, in batches. */
const refreshTitles = async (
  payload: Payload,
  roots: readonly ContentRef[],
  req: PayloadRequest,
): Promise<void> => {
  const keys = [...new Set(roots.map(nodeKey))]
  for (let start = 0; start < keys.length; start += refreshBatchSize) {
    const batch = keys.slice(start, start + refreshBatchSize)
    await rematerializeAvailability(payload, batch.map(contentRefFromKey), req)
    await recordLicenceConflicts(payload, batch, req)
  }
}

const sha256 = (data: Uint8Array) => crypto.createHash('sha256').update(data).digest('hex')

export type StoredImport = Pick<
  AvailsImport,
  'id' | 'fileName' | 'fileData' | 'zoneConvention' | 'createMissingTitles' | 'status'
>

/** Records a dry run: the file, who sent it and what applying it would do. */
export const recordDryRun = async (
  payload: Payload,
  data: Uint8Array,
  fileName: string,
  options: AvailsImportOptions,
  user: User | null,
): Promise<{ doc: AvailsImport; plan: AvailsPlan }> => {
  const plan = await planAvailsImport(payload, data, fileName, options)
  const doc = await payload.create({
    collection: 'avails-imports',
    data: {
      fileName,
      fileSize: data.length,
      fileSha256: sha256(data),
      fileData: Buffer.from(data).toString('base64'),
      format: plan.parsed.format,
      version: plan.parsed.version,
      status: 'dryRun',
      importedBy: user?.id ?? null,
      zoneConvention: describeConvention(options.zoneConvention),
      createMissingTitles: options.createMissingTitles,
      counts: plan.counts,
      diff: describePlan(plan),
      rowErrors: plan.mapped.errors,
    },
    overrideAccess: true,
  })
  return { doc, plan }
}

export type ApplyResult = { plan: AvailsPlan; audit: AuditTotals; transactional: boolean }

/** Where an apply is: `done` of `total` licence writes (deletes, changes, creates). */
export type ApplyProgress = {
  phase: 'planning' | 'titles' | 'licences' | 'refreshing' | 'auditing'
  done: number
  total: number
}

/** Told each step of an apply; must not throw, and is not awaited (it may write elsewhere). */
export type ApplyProgressListener = (progress: ApplyProgress) => void

/**
 * Applies a recorded import: plans again against the database as it is now, then writes every
 * change (deletes and changes through the Local API; creates on the SQL adapters in batches
 * straight into the tables, storing what a Local API create stores), refreshes the rows and
 * conflicts of the touched titles, and ends with the rights audit of the titles it touched. All or nothing, and invisible to
 * readers until it is done: one transaction (PostgreSQL, SQLite files: `beginWriteTransaction`);
 * where there is none (in-memory SQLite, MongoDB without a replica set) every write is undone
 * if one fails.
 */
export const applyAvailsImport = async (
  payload: Payload,
  stored: StoredImport,
  options: AvailsImportOptions & {
    skipErrorRows: boolean
    onProgress?: ApplyProgressListener
    /**
     * Creates licences in batches straight into the SQL tables (default), or each through
     * the Local API (`false`; always on MongoDB). Both store the same (tests compare them).
     */
    bulkLicenceCreates?: boolean
  },
  user: User | null,
): Promise<ApplyResult> => {
  let done = 0
  let total = 0
  const report = (phase: ApplyProgress['phase'], step = 0) => {
    done += step
    options.onProgress?.({ phase, done, total })
  }
  if (stored.status === 'applied') {
    throw new AvailsApplyRefused(409, 'status', 'this import was applied already')
  }
  const data = Buffer.from(stored.fileData ?? '', 'base64')
  const req = await createLocalReq(
    { user: user ? { ...user, collection: 'users' } : undefined },
    payload,
  )
  const transaction = await beginWriteTransaction(req)
  const { transactional } = transaction
  const undo: UndoStep[] = []
  try {
    report('planning')
    const plan = await planAvailsImport(payload, data, stored.fileName, options, req)
    total = plan.diff.remove.length + plan.diff.update.length + plan.diff.create.length
    if (plan.mapped.errors.length > 0 && !options.skipErrorRows) {
      throw new AvailsApplyRefused(
        409,
        'rowErrors',
        `${plan.counts.errorRows} rows have errors: fix the file, or apply with skipErrorRows to import the other rows`,
      )
    }
    const existing = await payload.find({
      collection: 'licences',
      where: {
        id: {
          in: [...plan.diff.update.map((e) => e.id), ...plan.diff.remove.map((e) => e.id)].map(
            (id) => documentId(payload, id),
          ),
        },
      },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const before = new Map(existing.docs.map((doc) => [String(doc.id), doc]))
    const codes = [
      ...new Set(
        [...plan.diff.create, ...plan.diff.update.map((e) => e.write)].map((w) => w.territory),
      ),
    ]
    const { docs: regionDocs } = await payload.find({
      collection: 'regions',
      where: { code: { in: codes } },
      pagination: false,
      depth: 0,
      select: { code: true },
      overrideAccess: true,
      req,
    })
    const regionIds = new Map(regionDocs.map((region) => [region.code, region.id]))
    report('titles')
    const created = await createTitles(payload, plan.mapped.newTitles, req, undo)
    report('licences')
    const common = { overrideAccess: true, depth: 0, req } as const
    // The licence writes leave availability rows and conflicts to refreshTitles below, once
    // per title instead of once per licence (each refresh reads every licence of the title's
    // tree). Undo steps run every hook, so a failed import leaves the rows as they were.
    // Only the id of what was written is needed back (Payload always returns it): the result
    // is then made of two fields (and their afterRead hooks) instead of every field.
    const idOnly: LicencesSelect<true> = { availsKey: true }
    const writes = { ...common, req: deferredRefreshRequest(req), select: idOnly }
    for (const { id } of plan.diff.remove) {
      const doc = before.get(id)
      await payload.delete({ collection: 'licences', id: documentId(payload, id), ...writes })
      if (doc) {
        undo.push(() =>
          payload.create({ collection: 'licences', data: restorableDataOf(doc), ...common }),
        )
      }
      report('licences', 1)
    }
    for (const { id, write } of plan.diff.update) {
      const doc = before.get(id)
      await payload.update({
        collection: 'licences',
        id: documentId(payload, id),
        data: licenceDataOf(payload, write, stored.id, created, regionIds),
        ...writes,
      })
      if (doc) {
        undo.push(() =>
          payload.update({
            collection: 'licences',
            id: doc.id,
            data: restorableDataOf(doc),
            ...common,
          }),
        )
      }
      report('licences', 1)
    }
    const creates = plan.diff.create.map((write) =>
      licenceDataOf(payload, write, stored.id, created, regionIds),
    )
    if (options.bulkLicenceCreates !== false && sqlAdapterOf(payload)) {
      // The creates, most of a large file, in batches straight into the tables: what a create
      // through the Local API stores (the same resolution as its hooks, tested to match), at a
      // fraction of its cost (validation, hooks and the read-back of every licence).
      const regions = await loadRegions(payload, req)
      const codeById = new Map(regionDocs.map((region) => [String(region.id), region.code]))
      for (let start = 0; start < creates.length; start += licenceBatchSize) {
        const batch = creates.slice(start, start + licenceBatchSize)
        const ids = await insertLicences(
          payload,
          batch.map((data) => licenceInsertOf(data, codeById, regions)),
          req,
        )
        if (ids && ids.length > 0) {
          undo.push(() =>
            payload.delete({ collection: 'licences', where: { id: { in: ids } }, ...common }),
          )
        }
        report('licences', batch.length)
        // SQLite statements run on the event loop: let other requests, and the progress
        // writer, have their turn between batches.
        await new Promise((resolve) => setImmediate(resolve))
      }
    } else {
      for (const data of creates) {
        const doc = await payload.create({ collection: 'licences', data, ...writes })
        undo.push(() => payload.delete({ collection: 'licences', id: doc.id, ...common }))
        report('licences', 1)
      }
    }
    const roots = [
      ...touchedTitles(plan.diff, []),
      ...[...created.values()].map(contentRefFromKey),
      ...[...before.values()].flatMap((doc) => (doc.contentKeys ?? []).map(contentRefFromKey)),
    ]
    report('refreshing')
    await refreshTitles(payload, roots, req)
    report('auditing')
    const audit = await auditTitles(payload, roots, { req })
    await payload.update({
      collection: 'avails-imports',
      id: stored.id,
      data: {
        status: 'applied',
        appliedAt: new Date().toISOString(),
        appliedBy: user?.id ?? null,
        counts: plan.counts,
        diff: describePlan(plan),
        rowErrors: plan.mapped.errors,
        audit,
        failure: null,
      },
      ...common,
    })
    await transaction.commit()
    return { plan, audit, transactional }
  } catch (error) {
    await transaction.rollback()
    if (!transactional) {
      // No transaction to roll back: undo what was written, newest first.
      for (const step of undo.reverse()) await step()
    }
    if (!(error instanceof AvailsApplyRefused)) {
      await payload.update({
        collection: 'avails-imports',
        id: stored.id,
        // A failure is text staff read (and a textarea Payload bounds): its first lines.
        data: { status: 'failed', failure: (error as Error).message.slice(0, 4000) },
        overrideAccess: true,
      })
    }
    throw error
  }
}
