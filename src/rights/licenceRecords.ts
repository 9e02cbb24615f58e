import type { Payload, PayloadRequest } from 'payload'

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

/** A saved licence document as the availability engine sees it. */
export const engineLicenceFrom = (doc: LicenceDoc): Licence => ({
  id: String(doc.id),
  content: (doc.contentKeys ?? []).map(contentRefFromKey),
  licenceType: doc.licenceType as LicenceType,
  formats: (doc.formats ?? []) as VideoFormat[],
  kind: doc.kind,
  holdbackStrength: doc.holdbackStrength ?? undefined,
  exclusive: Boolean(doc.exclusive),
  windows: (doc.resolvedWindows ?? []).map((window) => ({
    territory: window.territory,
    start: window.start,
    end: window.end ?? null,
  })),
})

/** Every licence that names one of the titles (by content key). */
export const loadLicencesFor = async (
  payload: Payload,
  nodes: readonly ContentRef[],
  req?: Partial<PayloadRequest>,
  where: Record<string, unknown> = {},
): Promise<LicenceDoc[]> => {
  if (nodes.length === 0) return []
  const keys = [...new Set(nodes.map(nodeKey))]
  const { docs } = await payload.find({
    collection: 'licences',
    where: { and: [{ contentKeys: { in: keys } }, where] } as never,
    pagination: false,
    depth: 0,
    overrideAccess: true,
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
