import type { Payload, PayloadRequest } from 'payload'

import {
  type ContentRef,
  lineage,
  nodeKey,
  type TimelineLicence,
  resolveTimelineRange,
  type TitleTimeline,
  titleTimeline,
} from '../availability'
import { idOf } from './ids'
import type { LicenceRecord } from './licenceRecords'
import { loadRightsContextWithRecords } from './rightsContext'

/** A stored licence as the timeline draws it; `via` the ancestor it names, null for the title. */
const timelineLicenceFrom = (doc: LicenceRecord, via: string | null): TimelineLicence => ({
  id: String(doc.id),
  contractId: doc.contractId ?? null,
  kind: doc.kind,
  holdbackStrength: doc.holdbackStrength ?? null,
  licenceType: doc.licenceType,
  formats: doc.formats ?? [],
  exclusive: Boolean(doc.exclusive),
  via,
  windows: (doc.resolvedWindows ?? []).map((window) => ({
    territory: window.territory,
    start: window.start,
    end: window.end ?? null,
    timeZone: window.timeZone ?? 'UTC',
  })),
  conflicts: (doc.conflicts ?? []).map((conflict) => ({
    otherLicence: idOf(conflict.otherLicence) ?? null,
    territory: conflict.territory ?? null,
    licenceType: conflict.licenceType ?? null,
    overlapStart: conflict.overlapStart ?? null,
    overlapEnd: conflict.overlapEnd ?? null,
  })),
})

/**
 * The licence windows that reach a title (licences on it or on an ancestor) as timeline lanes
 * over the range asked (`resolveTimelineRange`); null for a title that does not exist.
 */
export const loadTitleTimeline = async (
  payload: Payload,
  node: ContentRef,
  { range, now }: { range: { from?: Date; until?: Date }; now: Date },
  req?: Partial<PayloadRequest>,
): Promise<TitleTimeline | null> => {
  const context = await loadRightsContextWithRecords(payload, [node], req)
  if (!context.factsOf(node)) return null
  const [title, ...ancestors] = lineage(node, context.tree).map(nodeKey)
  const licences = context.licenceDocs.flatMap((doc) => {
    const keys = doc.contentKeys ?? []
    if (title && keys.includes(title)) return [timelineLicenceFrom(doc, null)]
    const via = ancestors.find((key) => keys.includes(key))
    return via ? [timelineLicenceFrom(doc, via)] : []
  })
  return titleTimeline(licences, resolveTimelineRange(range, licences, now), now)
}
