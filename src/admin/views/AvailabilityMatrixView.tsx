import { DefaultTemplate } from '@payloadcms/next/templates'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { translatorFor } from '../../i18n'
import { launchTerritories } from '../../rights/launchTerritories'
import { hasRole, type RoleBearer } from '../../roles'
import { AvailabilityMatrix } from '../AvailabilityMatrix'

/**
 * /admin/availability-matrix: titles by territory at a chosen instant, for licensing staff and
 * admins (the table itself is the client component, reading GET /api/availability/matrix).
 */
export const AvailabilityMatrixView: React.FC<AdminViewServerProps> = ({
  initPageResult,
  params,
  searchParams,
}) => {
  const { req, visibleEntities, permissions, locale } = initPageResult
  const template = {
    i18n: req.i18n,
    locale,
    params,
    payload: req.payload,
    permissions,
    searchParams,
    user: req.user ?? undefined,
    visibleEntities,
  }
  const t = translatorFor(req.i18n)
  const allowed = hasRole(req.user as RoleBearer, ['admin', 'licensing'])
  return (
    <DefaultTemplate {...template}>
      <div className="gutter--left gutter--right" style={{ paddingBottom: 48 }}>
        <h1>{t('matrixTitle')}</h1>
        {allowed ? (
          <AvailabilityMatrix launchTerritories={launchTerritories()} />
        ) : (
          <p>{t('matrixForbidden')}</p>
        )}
      </div>
    </DefaultTemplate>
  )
}
