import type { GraphQLExtension } from 'payload'

type Resolver = (...args: unknown[]) => unknown

/**
 * Payload's `Access` query declares `canAccessAdmin: Boolean!` but leaves it out for a visitor
 * who may not open the admin, so `{ Access { canAccessAdmin } }` failed with "Cannot return null
 * for non-nullable field". The same query, answering `false` there.
 */
export const accessQueryWithAdminFlag: GraphQLExtension = (_graphQL, { Query }) => {
  const access = Query.fields.Access as { resolve: Resolver } | undefined
  if (!access) return {}
  return {
    Access: {
      ...access,
      resolve: async (...args: unknown[]) => {
        const result = (await access.resolve(...args)) as Record<string, unknown>
        return { ...result, canAccessAdmin: result.canAccessAdmin === true }
      },
    },
  }
}
