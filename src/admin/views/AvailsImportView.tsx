import { DefaultTemplate } from '@payloadcms/next/templates'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { translatorFor } from '../../i18n'
import { hasRole, type RoleBearer } from '../../roles'
import { AvailsImport } from '../availsImport/AvailsImport'

/**
 * /admin/avails-import: upload an EMA Avails file, read the dry run, apply it and follow its
 * progress, for licensing staff and admins (`?id=` reopens an import). The client component
 * talks to POST /api/avails/imports and /api/avails/imports/:id/apply.
 */
export const AvailsImportView: React.FC<AdminViewServerProps> = ({
  initPageResult,
  params,
  searchParams,
}) => {
  const { req, visibleEntities, permissions, locale } = initPageResult
  const t = translatorFor(req.i18n)
  const allowed = hasRole(req.user as RoleBearer, ['admin', 'licensing'])
  const id =
    typeof searchParams?.id === 'string' && /^\w+$/.test(searchParams.id) ? searchParams.id : null
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <div className="gutter--left gutter--right" style={{ paddingBottom: 48 }}>
        <h1>{t('importTitle')}</h1>
        {allowed ? <AvailsImport initialId={id} /> : <p>{t('importOnlyLicensing')}</p>}
      </div>
    </DefaultTemplate>
  )
}
