import { isolateObjectProperty, type Payload, type PayloadRequest } from 'payload'

import {
  contentRefFromKey,
  type ExclusiveConflict,
  findExclusiveConflicts,
  findSoftHoldbackWarnings,
  type SoftHoldbackWarning,
} from '../availability'
import type { Licence } from '../payload-types'
import { documentId } from './ids'
import { loadRightsContextWithRecords } from './rightsContext'

type ConflictEntry = NonNullable<Licence['conflicts']>[number]
type WarningEntry = NonNullable<Licence['warnings']>[number]

const conflictEntry = (
  payload: Payload,
  conflict: ExclusiveConflict,
  other: string,
): ConflictEntry => ({
  otherLicence: documentId(payload, other) as number,
  territory: conflict.territory,
  licenceType: conflict.licenceType,
  titles: conflict.nodes.map((node) => `${node.collection}/${node.id}`).join(', '),
  overlapStart: conflict.overlap.start,
  overlapEnd: conflict.overlap.end,
})

const warningEntry = (
  payload: Payload,
  warning: SoftHoldbackWarning,
  other: string,
): WarningEntry => ({
  otherLicence: documentId(payload, other) as number,
  territory: warning.territory,
  licenceType: warning.licenceType,
  titles: warning.nodes.map((node) => `${node.collection}/${node.id}`).join(', '),
  overlapStart: warning.overlap.start,
  overlapEnd: warning.overlap.end,
})

const comparable = (entries: readonly (ConflictEntry | WarningEntry)[] | null | undefined) =>
  JSON.stringify(
    (entries ?? []).map(
      ({ otherLicence, territory, licenceType, titles, overlapStart, overlapEnd }) => [
        String(typeof otherLicence === 'object' && otherLicence ? otherLicence.id : otherLicence),
        territory,
        licenceType,
        titles,
        overlapStart,
        overlapEnd ?? null,
      ],
    ),
  )

export type RecordedConflicts = Pick<Licence, 'conflicts' | 'warnings' | 'hasConflicts'>

/**
 * The request for recording bookkeeping on one licence: the caller's (and so its transaction),
 * with a context of its own that marks only this licence. The marker never reaches the
 * caller's request, so licences saved later in the same request run all their hooks.
 */
const bookkeepingRequest = (
  req: Partial<PayloadRequest> | undefined,
  licenceId: string,
): Partial<PayloadRequest> => {
  if (!req) return { context: { licenceBookkeepingFor: licenceId } }
  const isolated = isolateObjectProperty(req, 'context')
  isolated.context = { ...req.context, licenceBookkeepingFor: licenceId }
  return isolated
}

/**
 * The request for many licence writes whose titles the caller refreshes once afterwards
 * (`rematerializeAvailability`, `recordLicenceConflicts`): the caller's (and so its
 * transaction), with a context of its own, so later saves in the caller's request run every hook.
 */
export const deferredRefreshRequest = (req: PayloadRequest): PayloadRequest => {
  const isolated = isolateObjectProperty(req, 'context')
  isolated.context = { ...req.context, licenceRefreshDeferred: true }
  return isolated
}

/** Whether this licence save leaves availability rows and conflicts to its caller. */
export const isDeferredRefresh = (context: PayloadRequest['context']): boolean =>
  context.licenceRefreshDeferred === true

/** Whether this save of `licenceId` only records bookkeeping (see bookkeepingRequest). */
export const isBookkeepingSave = (
  context: PayloadRequest['context'],
  licenceId: string | number,
): boolean => context.licenceBookkeepingFor === String(licenceId)

/**
 * Re-evaluates exclusive-grant conflicts and soft-holdback warnings among every licence that
 * touches the same titles as `titleKeys`, and records them on each licence involved (saving
 * a conflicting licence is allowed; staff see the conflict on both licences).
 */
export const recordLicenceConflicts = async (
  payload: Payload,
  titleKeys: readonly string[],
  req?: Partial<PayloadRequest>,
): Promise<Map<string, RecordedConflicts>> => {
  const recorded = new Map<string, RecordedConflicts>()
  if (titleKeys.length === 0) return recorded
  const context = await loadRightsContextWithRecords(payload, titleKeys.map(contentRefFromKey), req)
  const docs = context.licenceDocs
  const conflicts = findExclusiveConflicts(context.licences, context.tree)
  const warnings = findSoftHoldbackWarnings(context.licences, context.tree)

  for (const doc of docs) {
    const id = String(doc.id)
    const ownConflicts = conflicts
      .filter((conflict) => conflict.licenceIds.includes(id))
      .map((conflict) =>
        conflictEntry(payload, conflict, conflict.licenceIds.find((other) => other !== id) ?? id),
      )
    const ownWarnings = warnings
      .filter((warning) => warning.holdbackId === id || warning.grantId === id)
      .map((warning) =>
        warningEntry(
          payload,
          warning,
          warning.holdbackId === id ? warning.grantId : warning.holdbackId,
        ),
      )
    const data = {
      conflicts: ownConflicts,
      warnings: ownWarnings,
      hasConflicts: ownConflicts.length > 0,
    }
    recorded.set(id, data)
    if (
      comparable(ownConflicts) === comparable(doc.conflicts) &&
      comparable(ownWarnings) === comparable(doc.warnings) &&
      Boolean(doc.hasConflicts) === ownConflicts.length > 0
    ) {
      continue
    }
    await payload.update({
      collection: 'licences',
      id: doc.id,
      data,
      depth: 0,
      overrideAccess: true,
      req: bookkeepingRequest(req, id),
    })
  }
  return recorded
}
