import {
  type ExclusiveConflict,
  findExclusiveConflicts,
  type Licence,
  type LicenceType,
  type TitleTree,
  type VideoFormat,
} from '../availability'
import type { AvailsSource, LicenceDraft, LicenceWrite, MappedAvails } from './mapRows'
import { scopeKey } from './mapRows'

export type { LicenceWrite }

/** An imported licence as stored, in the terms the diff compares. */
export interface ImportedLicence {
  id: string
  availsKey: string | null
  licensor: string
  contractId: string | null
  contentKeys: string[]
  licenceType: LicenceType
  countries: string[]
  formats: VideoFormat[]
  start: string
  end: string | null
  announceAt: string | null
  exclusive: boolean
  source: AvailsSource | null
}

export interface AvailsDiff {
  create: LicenceWrite[]
  update: { id: string; write: LicenceWrite; changes: string[] }[]
  remove: { id: string; reason: string }[]
  unchanged: { id: string; availsKey: string }[]
}

const writeOf = (draft: LicenceDraft): LicenceWrite => ({
  availsKey: draft.availsKey,
  contentKeys: draft.contentKeys,
  licensor: draft.licensor,
  contractId: draft.contractId,
  licenceType: draft.licenceType,
  formats: draft.formats,
  territory: draft.territory,
  start: draft.start,
  end: draft.end,
  announceAt: draft.announceAt,
  exclusive: draft.exclusive,
  source: draft.source,
})

const sameInstant = (a: string | null, b: string | null) =>
  a === b || (a !== null && b !== null && Date.parse(a) === Date.parse(b))

const sorted = (values: readonly string[]) => [...values].sort().join(',')

/** Fields in which the stored licence differs from what the file states. */
const changedFields = (existing: ImportedLicence, write: LicenceWrite): string[] => {
  const changes: string[] = []
  if (sorted(existing.contentKeys) !== sorted(write.contentKeys)) changes.push('content')
  if (existing.licensor !== write.licensor) changes.push('licensor')
  if ((existing.contractId ?? null) !== write.contractId) changes.push('contractId')
  if (existing.licenceType !== write.licenceType) changes.push('licenceType')
  if (sorted(existing.formats) !== sorted(write.formats)) changes.push('formats')
  if (sorted(existing.countries) !== write.territory) changes.push('territories')
  if (existing.start !== write.start) changes.push('start')
  if ((existing.end ?? null) !== write.end) changes.push('end')
  if (!sameInstant(existing.announceAt, write.announceAt)) changes.push('announceAt')
  if (existing.exclusive !== write.exclusive) changes.push('exclusive')
  if (existing.availsKey !== write.availsKey) changes.push('availsKey')
  return changes
}

/**
 * `Immediate` means the instant of the first import that said it: a re-import keeps that
 * instant, so importing the same file twice changes nothing.
 */
const keepImmediate = (existing: ImportedLicence, write: LicenceWrite): LicenceWrite => {
  const before = existing.source
  if (!before) return write
  const next = { ...write }
  if (write.source.start.rule === 'immediate' && before.start.rule === 'immediate') {
    next.start = existing.start
  }
  if (write.source.end.rule === 'immediate' && before.end.rule === 'immediate') {
    next.end = existing.end
  }
  return next
}

const availIdsOf = (source: AvailsSource | null): string[] =>
  (source?.rows ?? []).flatMap((row) => (row.availId ? [row.availId] : []))

/** The scopes a stored licence falls in: licensor x title x territory x licence type. */
const scopesOf = (licence: ImportedLicence): string[] =>
  licence.contentKeys.flatMap((key) =>
    licence.countries.map((country) =>
      scopeKey(licence.licensor, key, country, licence.licenceType),
    ),
  )

/** What applying the file would do to the licences the avails import wrote before. */
export const diffAvails = (
  mapped: MappedAvails,
  existing: readonly ImportedLicence[],
): AvailsDiff => {
  const diff: AvailsDiff = { create: [], update: [], remove: [], unchanged: [] }
  const byKey = new Map(
    existing.flatMap((licence) => (licence.availsKey ? [[licence.availsKey, licence]] : [])),
  )
  const byAvailId = new Map<string, ImportedLicence>()
  for (const licence of existing)
    for (const id of availIdsOf(licence.source)) byAvailId.set(id, licence)
  const claimed = new Set<string>()
  const removed = new Set<string>()

  for (const draft of mapped.drafts) {
    const known =
      [byKey.get(draft.availsKey), ...draft.availIds.map((id) => byAvailId.get(id))].find(
        (licence): licence is ImportedLicence => licence !== undefined && !claimed.has(licence.id),
      ) ?? undefined
    if (!known) {
      diff.create.push(writeOf(draft))
      continue
    }
    claimed.add(known.id)
    const write = keepImmediate(known, writeOf(draft))
    const changes = changedFields(known, write)
    if (changes.length === 0) diff.unchanged.push({ id: known.id, availsKey: draft.availsKey })
    else diff.update.push({ id: known.id, write, changes })
  }

  const stated = new Set(mapped.fullExtractScopes)
  const kept = new Set(mapped.protectedScopes)
  const fullDelete = new Set(mapped.fullDeleteScopes)
  for (const licence of existing) {
    if (claimed.has(licence.id)) continue
    const scopes = scopesOf(licence)
    if (scopes.some((scope) => fullDelete.has(scope))) {
      diff.remove.push({ id: licence.id, reason: 'Full Delete' })
      removed.add(licence.id)
    } else if (
      scopes.some((scope) => stated.has(scope)) &&
      !scopes.some((scope) => kept.has(scope))
    ) {
      diff.remove.push({ id: licence.id, reason: 'Full Extract no longer lists it' })
      removed.add(licence.id)
    }
  }

  // Delete entries: one row is one format of a licence; the licence goes with its last format.
  const pending = new Map<
    string,
    { licence: ImportedLicence; dropAvailIds: Set<string>; dropFormats: Set<VideoFormat> }
  >()
  for (const removal of mapped.removals) {
    const licence =
      removal.kind === 'availId' ? byAvailId.get(removal.availId) : byKey.get(removal.availsKey)
    if (!licence || removed.has(licence.id)) continue
    const entry = pending.get(licence.id) ?? {
      licence,
      dropAvailIds: new Set(),
      dropFormats: new Set(),
    }
    if (removal.kind === 'availId') entry.dropAvailIds.add(removal.availId)
    else entry.dropFormats.add(removal.format)
    pending.set(licence.id, entry)
  }
  for (const { licence, dropAvailIds, dropFormats } of pending.values()) {
    const rows = (licence.source?.rows ?? []).filter(
      (row) => !(row.availId && dropAvailIds.has(row.availId)) && !dropFormats.has(row.format),
    )
    const formats = licence.formats.filter((format) => rows.some((row) => row.format === format))
    diff.update = diff.update.filter((entry) => entry.id !== licence.id)
    diff.unchanged = diff.unchanged.filter((entry) => entry.id !== licence.id)
    if (formats.length === 0) {
      diff.remove.push({ id: licence.id, reason: 'Delete' })
      continue
    }
    if (!licence.source || !licence.availsKey) continue
    diff.update.push({
      id: licence.id,
      changes: ['formats'],
      write: {
        availsKey: licence.availsKey,
        contentKeys: licence.contentKeys,
        licensor: licence.licensor,
        contractId: licence.contractId,
        licenceType: licence.licenceType,
        formats,
        territory: licence.countries[0] ?? '',
        start: licence.start,
        end: licence.end,
        announceAt: licence.announceAt,
        exclusive: licence.exclusive,
        source: { ...licence.source, rows },
      },
    })
  }
  return diff
}

const conflictSignature = (conflict: ExclusiveConflict) =>
  JSON.stringify([conflict.licenceIds, conflict.territory, conflict.licenceType, conflict.overlap])

/**
 * Exclusive-grant conflicts that exist after the change and not before: `after` holds the
 * licences as they would be (new ones with provisional ids).
 */
export const conflictsIntroduced = (
  before: readonly Licence[],
  after: readonly Licence[],
  tree: TitleTree,
): ExclusiveConflict[] => {
  const known = new Set(findExclusiveConflicts(before, tree).map(conflictSignature))
  return findExclusiveConflicts(after, tree).filter(
    (conflict) => !known.has(conflictSignature(conflict)),
  )
}
