import type { Payload, PayloadRequest, Where } from 'payload'

import {
  type ContentRef,
  contentRefFromKey,
  type Licence,
  type LicenceType,
  nodeKey,
  type TerritoryWindow,
  type VideoFormat,
} from '../availability'
import type { Licence as LicenceDoc } from '../payload-types'

/** The fields of a licence the engine reads, conflict recording compares and the timeline shows. */
export type LicenceRecord = Pick<
  LicenceDoc,
  | 'id'
  | 'contractId'
  | 'contentKeys'
  | 'licenceType'
  | 'formats'
  | 'kind'
  | 'holdbackStrength'
  | 'exclusive'
  | 'announceAt'
  | 'resolvedWindows'
  | 'conflicts'
  | 'warnings'
  | 'hasConflicts'
>

const recordSelect = {
  contractId: true,
  contentKeys: true,
  licenceType: true,
  formats: true,
  kind: true,
  holdbackStrength: true,
  exclusive: true,
  announceAt: true,
  resolvedWindows: true,
  conflicts: true,
  warnings: true,
  hasConflicts: true,
} as const

/** A saved licence document as the availability engine sees it. */
export const engineLicenceFrom = (doc: LicenceRecord): Licence => ({
  id: String(doc.id),
  content: (doc.contentKeys ?? []).map(contentRefFromKey),
  licenceType: doc.licenceType as LicenceType,
  formats: (doc.formats ?? []) as VideoFormat[],
  kind: doc.kind,
  holdbackStrength: doc.holdbackStrength ?? undefined,
  exclusive: Boolean(doc.exclusive),
  announceAt: doc.announceAt ? new Date(doc.announceAt).toISOString() : null,
  windows: (doc.resolvedWindows ?? []).map((window) => ({
    territory: window.territory,
    start: window.start,
    end: window.end ?? null,
  })),
})

/**
 * Every licence that names one of the titles (by content key), with only the fields of a
 * `LicenceRecord`, read through the adapter: no afterRead hooks (the `groupDrift` hook loads
 * the regions once per licence, which on a large batch exhausted the connection pool), and
 * none of the fields the engine does not read.
 */
export const loadLicencesFor = async (
  payload: Payload,
  nodes: readonly ContentRef[],
  req?: Partial<PayloadRequest>,
  where: Where = {},
): Promise<LicenceRecord[]> => {
  if (nodes.length === 0) return []
  const keys = [...new Set(nodes.map(nodeKey))]
  const { docs } = await payload.db.find<LicenceRecord>({
    collection: 'licences',
    where: { and: [{ contentKeys: { in: keys } }, where] },
    limit: 0,
    pagination: false,
    select: recordSelect,
    req,
  })
  return docs
}

/** The content keys (`films/12`) that any of these licence versions name. */
export const titleKeysNamedBy = (...licences: (Partial<LicenceDoc> | undefined)[]): string[] => [
  ...new Set(licences.flatMap((licence) => licence?.contentKeys ?? [])),
]

/** A resolved window as a licence stores it (`resolvedWindows`): instants plus the rule used. */
export const storedWindowOf = (window: TerritoryWindow) => ({
  territory: window.territory,
  start: window.start,
  end: window.end,
  timeZone: window.basis.timeZone,
  startRule: window.basis.start.rule,
  endRule: window.basis.end.rule,
})
