import { DefaultTemplate } from '@payloadcms/next/templates'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { translatorFor } from '../../i18n'
import { loadRightsReports, parseReportDays } from '../../rights/rightsReports'
import { isStaffUser, type RoleBearer } from '../../roles'
import { RightsReports } from '../reports/RightsReports'

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/**
 * /admin/rights: what licensing staff check every morning. The reports are joined on the
 * server (src/rights/rightsReports.ts); the client table shows, sorts and links them.
 */
export const RightsReportsView: React.FC<AdminViewServerProps> = async ({
  initPageResult,
  params,
  searchParams,
}) => {
  const { req, visibleEntities, permissions, locale } = initPageResult
  const t = translatorFor(req.i18n)
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
  const allowed = isStaffUser(req.user as RoleBearer)
  const days = parseReportDays(first(searchParams?.days) ?? null) ?? 30
  return (
    <DefaultTemplate {...template}>
      <div className="gutter--left gutter--right" style={{ paddingBottom: 48 }}>
        <h1>{t('reportsTitle')}</h1>
        {allowed ? (
          <RightsReports data={await loadRightsReports(req, { days })} />
        ) : (
          <p>{t('reportsStaffOnly')}</p>
        )}
      </div>
    </DefaultTemplate>
  )
}
