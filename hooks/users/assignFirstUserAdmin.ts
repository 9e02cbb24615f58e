import type { CollectionBeforeChangeHook } from 'payload'

/** The very first account is the administrator, whatever roles were asked for. */
export const assignFirstUserAdmin: CollectionBeforeChangeHook = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  if (totalDocs === 0) return { ...data, roles: ['admin'] }
  return data
}
