import type { CollectionConfig } from 'payload'

import { allowRoles, allowRolesOnField } from '../src/access/checkRole'
import { canUseAdminPanel } from '../src/access/isStaff'
import { selfOrAdmin } from '../src/access/selfOrAdmin'
import { verificationDisabled } from '../src/endpoints/verificationDisabled'
import { roleLabels, staffRoles } from '../src/roles'
import { assignFirstUserAdmin } from '../hooks/users/assignFirstUserAdmin'

export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'roles'],
    group: 'Settings',
  },
  // Logins go through REST only (`POST /api/users/login`), where the server rate-limits them;
  // GraphQL keeps the `meUser` query but has no user mutations (loginUser, forgotPassword ...).
  graphQL: { disableMutations: true },
  auth: {
    useAPIKey: true,
    tokenExpiration: 60 * 60 * 8,
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
  },
  access: {
    admin: canUseAdminPanel,
    create: allowRoles('admin'),
    read: selfOrAdmin,
    update: selfOrAdmin,
    delete: allowRoles('admin'),
  },
  hooks: {
    beforeChange: [assignFirstUserAdmin],
  },
  endpoints: [verificationDisabled],
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      saveToJWT: true,
      options: staffRoles.map((role) => ({ label: roleLabels[role], value: role })),
      access: { update: allowRolesOnField('admin') },
      admin: {
        description:
          'Admin: everything. Editor: catalog and media. Licensing: licences and regions. ' +
          'No role: an API consumer (e.g. a frontend key) that sees only the public catalog.',
      },
    },
  ],
}
