'use client'

import { Banner, Button, Pill } from '@payloadcms/ui'
import React from 'react'

import type { ReportKind } from '../../availability/reportTable'
import type { RightsReports as Reports } from '../../availability/rightsReports'
import type { MessageKey } from '../../i18n'
import { formatInstant, formatNumber } from '../../i18n/format'
import { useMessages } from '../../i18n/useMessages'
import { ReportTable } from './ReportTable'
import { useViewerTimeZone } from './useViewerTimeZone'

/** Where the CSV of a report comes from (src/endpoints/licenceReports.ts). */
export const reportCsvUrl = (kind: ReportKind, days: number) =>
  `/api/licences/reports?report=${kind}&format=csv&days=${days}`

const sections: {
  kind: ReportKind
  title: MessageKey
  description?: MessageKey
  empty: MessageKey
}[] = [
  {
    kind: 'conflicts',
    title: 'reportsConflictsTitle',
    description: 'reportsConflictsDescription',
    empty: 'reportsConflictsEmpty',
  },
  {
    kind: 'warnings',
    title: 'reportsWarningsTitle',
    description: 'reportsWarningsDescription',
    empty: 'reportsWarningsEmpty',
  },
  {
    kind: 'endingSoon',
    title: 'reportsEndingSoonTitle',
    description: 'reportsEndingSoonDescription',
    empty: 'reportsEndingSoonEmpty',
  },
  {
    kind: 'gaps',
    title: 'reportsGapsTitle',
    description: 'reportsGapsDescription',
    empty: 'reportsGapsEmpty',
  },
  {
    kind: 'groupDrift',
    title: 'reportsGroupDriftTitle',
    description: 'reportsGroupDriftDescription',
    empty: 'reportsGroupDriftEmpty',
  },
  { kind: 'audit', title: 'reportsAuditTitle', empty: 'reportsAuditClean' },
]

const AuditSummary: React.FC<{ data: Reports; viewerZone: string }> = ({ data, viewerZone }) => {
  const { t, language } = useMessages()
  const run = data.audit
  if (!run) return <Banner type="info">{t('reportsAuditNever')}</Banner>
  const n = (value: number) => formatNumber(value, language)
  return (
    <div data-audit-summary>
      <p>
        <time dateTime={run.startedAt}>{formatInstant(run.startedAt, language, viewerZone)}</time>
        {' · '}
        {t('reportsAuditTrigger', { trigger: run.trigger })}
        {run.repair ? ` (${t('reportsAuditWithRepair')})` : ''}
      </p>
      <p>
        {t('reportsAuditSummary', {
          checked: n(run.checked),
          differing: n(run.differing),
          repaired: n(run.repaired),
          missing: n(run.rowsMissing),
          extra: n(run.rowsExtra),
          different: n(run.rowsDifferent),
        })}
      </p>
      {run.error ? (
        <Banner type="error">{t('reportsAuditFailed', { error: run.error })}</Banner>
      ) : null}
    </div>
  )
}

/**
 * The rights reports of /admin/rights: each report with its count, a sortable table and its
 * CSV. Times in the viewer's (the browser's) time zone, the territory's local day and the UTC
 * instant beside them.
 */
export const RightsReports: React.FC<{ data: Reports }> = ({ data }) => {
  const { t, language } = useMessages()
  const viewerZone = useViewerTimeZone()
  const variables = {
    days: formatNumber(data.days, language),
    territories: data.launchTerritories.join(', '),
  }
  return (
    <div className="rights-reports">
      <p>{t('reportsIntro', { zone: viewerZone })}</p>
      <p style={{ color: 'var(--theme-elevation-500)' }}>
        {t('reportsGeneratedAt', { time: formatInstant(data.generatedAt, language, viewerZone) })}
      </p>
      <nav aria-label={t('reportsJumpTo')} style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {sections.map((section) => (
          <a key={section.kind} href={`#${section.kind}`} style={{ textDecoration: 'none' }}>
            <Pill
              pillStyle={
                data.reports[section.kind].rows.length > 0 && section.kind !== 'audit'
                  ? 'warning'
                  : 'light'
              }
            >
              {t(section.title, variables)}:{' '}
              {formatNumber(data.reports[section.kind].rows.length, language)}
            </Pill>
          </a>
        ))}
      </nav>
      {sections.map((section) => {
        const report = data.reports[section.kind]
        return (
          <section
            key={section.kind}
            id={section.kind}
            data-section={section.kind}
            style={{ marginTop: 40 }}
          >
            <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
              <h2 style={{ margin: 0 }}>{t(section.title, variables)}</h2>
              <Pill pillStyle={report.rows.length > 0 ? 'warning' : 'success'} size="small">
                {t('reportsRowCount', { count: formatNumber(report.rows.length, language) })}
              </Pill>
              <Button
                el="anchor"
                url={reportCsvUrl(section.kind, data.days)}
                buttonStyle="secondary"
                size="small"
                margin={false}
                extraButtonProps={{ download: '', 'data-csv': section.kind }}
              >
                {t('reportsDownloadCsv')}
              </Button>
            </div>
            {section.description ? <p>{t(section.description, variables)}</p> : null}
            {section.kind === 'endingSoon' ? (
              <form
                method="get"
                style={{ display: 'flex', gap: 8, alignItems: 'center', margin: '12px 0' }}
              >
                <label htmlFor="report-days">{t('reportsDaysLabel')}</label>
                <input
                  id="report-days"
                  name="days"
                  type="number"
                  min={1}
                  max={3650}
                  defaultValue={data.days}
                  style={{ width: 90 }}
                />
                <Button type="submit" buttonStyle="pill" size="small" margin={false}>
                  {t('reportsDaysApply')}
                </Button>
              </form>
            ) : null}
            {section.kind === 'audit' ? <AuditSummary data={data} viewerZone={viewerZone} /> : null}
            {report.rows.length > 0 ? (
              <ReportTable report={report} viewerZone={viewerZone} />
            ) : section.kind !== 'audit' || data.audit ? (
              <Banner type="success">{t(section.empty, variables)}</Banner>
            ) : null}
          </section>
        )
      })}
    </div>
  )
}
