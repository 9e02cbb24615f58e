import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

const regionCode = /^[A-Za-z][A-Za-z0-9-]{1,15}$/

/**
 * API clients may name territories by code (`["DE", "DACH"]`) instead of region ids. Unknown
 * codes are refused with a 400 naming the field and the codes.
 */
export const acceptTerritoryCodes: CollectionBeforeValidateHook = async ({ data, req }) => {
  if (!data) return data
  for (const field of ['territories', 'excludedTerritories'] as const) {
    const values: unknown = data[field]
    if (!Array.isArray(values)) continue
    const codes = values.filter(
      (value): value is string => typeof value === 'string' && regionCode.test(value),
    )
    if (codes.length === 0) continue
    const upper = codes.map((code) => code.toUpperCase())
    const { docs } = await req.payload.find({
      collection: 'regions',
      where: { code: { in: upper } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { code: true },
      req,
    })
    const idByCode = new Map(docs.map((doc) => [doc.code, doc.id]))
    const unknown = upper.filter((code) => !idByCode.has(code))
    if (unknown.length > 0) {
      throw new ValidationError({
        collection: 'licences',
        errors: [{ path: field, message: `Unknown territory: ${unknown.join(', ')}` }],
      })
    }
    data[field] = values.map((value) =>
      typeof value === 'string' && regionCode.test(value)
        ? idByCode.get(value.toUpperCase())
        : value,
    )
  }
  return data
}
