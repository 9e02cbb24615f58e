import type { Payload, PayloadRequest } from 'payload'

import type { Region } from '../availability'

type RegionCache = { loadedAt: number; regions: Region[] }

const caches = new WeakMap<Payload, RegionCache>()

/**
 * Regions change rarely and every public read needs them (to validate the territory and to
 * know its policy gates), so each process keeps them for a few seconds: an edit made through
 * another process is seen within `maxAgeMs`.
 */
const regionsMaxAgeMs = 2_000

const regionFromDoc = (doc: {
  code: string
  kind: 'country' | 'group'
  members?: unknown[] | null
  timeZone?: string | null
  requiresApprovalNumber?: boolean | null
}): Region & { memberIds: unknown[] } => ({
  code: doc.code,
  kind: doc.kind,
  memberIds: doc.members ?? [],
  timeZone: doc.timeZone ?? undefined,
  requiresApprovalNumber: Boolean(doc.requiresApprovalNumber),
})

/** Loads under way: hooks that run per document (e.g. `groupDrift` on every licence read) share one. */
const loading = new WeakMap<Payload, Promise<Region[]>>()

export const loadRegions = async (
  payload: Payload,
  req?: Partial<PayloadRequest>,
): Promise<Region[]> => {
  const cached = caches.get(payload)
  if (cached && Date.now() - cached.loadedAt < regionsMaxAgeMs) return cached.regions
  const pending = loading.get(payload)
  if (pending) return pending
  const load = readRegions(payload, req)
  loading.set(payload, load)
  try {
    return await load
  } finally {
    if (loading.get(payload) === load) loading.delete(payload)
  }
}

const readRegions = async (payload: Payload, req?: Partial<PayloadRequest>): Promise<Region[]> => {
  const { docs } = await payload.find({
    collection: 'regions',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    locale: 'en',
    select: { code: true, kind: true, members: true, timeZone: true, requiresApprovalNumber: true },
    req,
  })
  const raw = docs.map(regionFromDoc)
  const codeById = new Map(docs.map((doc) => [String(doc.id), doc.code]))
  const regions: Region[] = raw.map(({ memberIds, ...region }) => ({
    ...region,
    members: memberIds
      .map((member) =>
        codeById.get(
          String(typeof member === 'object' && member ? (member as { id: unknown }).id : member),
        ),
      )
      .filter((code): code is string => Boolean(code)),
  }))
  caches.set(payload, { loadedAt: Date.now(), regions })
  return regions
}

export const forgetRegions = (payload: Payload): void => {
  caches.delete(payload)
  loading.delete(payload)
}
