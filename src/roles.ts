export const staffRoles = ['admin', 'editor', 'licensing'] as const

export type StaffRole = (typeof staffRoles)[number]

export const roleLabels: Record<StaffRole, string> = {
  admin: 'Admin',
  editor: 'Editor',
  licensing: 'Licensing',
}

/** The subset of a user record that access decisions need. */
export type RoleBearer = { roles?: (StaffRole | null)[] | null } | null | undefined

export const hasRole = (user: RoleBearer, allowed: readonly StaffRole[]): boolean =>
  Boolean(user?.roles?.some((role) => role !== null && allowed.includes(role)))

/**
 * A user without any staff role (for example the owner of a frontend's API key) is a
 * content-API consumer and sees exactly what the public sees.
 */
export const isStaffUser = (user: RoleBearer): boolean => hasRole(user, staffRoles)
