import { createLocalReq, type ServerProps } from 'payload'
import React from 'react'

import { loadRoleDashboard } from '../../dashboard/roleDashboard'
import { DashboardCards } from './DashboardCards'

/**
 * Before the admin home's collection cards (`admin.components.beforeDashboard`): the
 * licensing desk for licensing staff, the editorial desk for editors, both for admins.
 */
export const RoleDashboard: React.FC<Pick<ServerProps, 'payload' | 'user' | 'locale'>> = async ({
  payload,
  user,
  locale,
}) => {
  if (!user) return null
  const req = await createLocalReq({ user, locale: locale?.code }, payload)
  const dashboard = await loadRoleDashboard(req)
  if (!dashboard.licensing && !dashboard.editorial) return null
  return <DashboardCards dashboard={dashboard} />
}
