import type { CollectionBeforeChangeHook } from 'payload'

import { nodeKey } from '../../src/availability'
import type { Licence } from '../../src/payload-types'
import { idOf } from '../../src/rights/ids'
import { resolveLicenceTermsOrRefuse } from '../../src/rights/licenceTerms'
import { loadRegions } from '../../src/rights/regions'

type Relation = Licence['content'][number]

const relationKey = (relation: Relation): string =>
  nodeKey({ collection: relation.relationTo, id: idOf(relation.value) ?? '' })

const idsOf = (relations: unknown): string[] =>
  ((relations as unknown[] | null | undefined) ?? []).flatMap((relation) => idOf(relation) ?? [])

const sameIds = (a: unknown, b: unknown) =>
  JSON.stringify(idsOf(a).sort()) === JSON.stringify(idsOf(b).sort())

/**
 * Expands groups into countries and resolves the window per country when the licence's terms
 * change. Editing anything else keeps what was signed, even if a group changed since.
 */
export const resolveLicenceWindows: CollectionBeforeChangeHook<Licence> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as Licence
  data.contentKeys = (merged.content ?? []).map(relationKey)

  const termsChanged =
    operation === 'create' ||
    !sameIds(merged.territories, originalDoc?.territories) ||
    !sameIds(merged.excludedTerritories, originalDoc?.excludedTerritories) ||
    merged.start !== originalDoc?.start ||
    (merged.end ?? null) !== (originalDoc?.end ?? null) ||
    !originalDoc?.resolvedWindows?.length
  if (!termsChanged) return data

  const regions = await loadRegions(req.payload, req)
  const { docs } = await req.payload.find({
    collection: 'regions',
    where: {
      id: { in: [...idsOf(merged.territories), ...idsOf(merged.excludedTerritories)] },
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { code: true },
    req,
  })
  const codeById = new Map(docs.map((doc) => [String(doc.id), doc.code]))
  const codesOf = (relations: unknown) => idsOf(relations).map((id) => codeById.get(id) ?? id)
  const included = codesOf(merged.territories)
  const excluded = codesOf(merged.excludedTerritories)
  Object.assign(
    data,
    resolveLicenceTermsOrRefuse(
      included,
      excluded,
      { start: merged.start, end: merged.end },
      regions,
    ),
  )
  return data
}
