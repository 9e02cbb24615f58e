'use client'

import React, { useMemo, useState } from 'react'

import {
  adminLicencePath,
  adminTitlePath,
  type Report,
  type ReportCell,
  type ReportColumn,
  type SortDirection,
  sortReportRows,
} from '../../availability/reportTable'
import type { MessageKey } from '../../i18n'
import { formatNumber } from '../../i18n/format'
import { useMessages } from '../../i18n/useMessages'
import { ReportInstant } from './ReportInstant'

const columnLabels: Record<string, MessageKey> = {
  titles: 'reportsColumnTitles',
  territory: 'reportsColumnTerritory',
  licenceType: 'reportsColumnLicenceType',
  licence: 'reportsColumnLicence',
  otherLicence: 'reportsColumnOtherLicence',
  holdback: 'reportsColumnHoldback',
  grant: 'reportsColumnGrant',
  overlapStart: 'reportsColumnOverlapStart',
  overlapEnd: 'reportsColumnOverlapEnd',
  end: 'reportsColumnEnd',
  daysLeft: 'reportsColumnDaysLeft',
  kind: 'reportsColumnKind',
  group: 'reportsColumnGroup',
  added: 'reportsColumnAdded',
  removed: 'reportsColumnRemoved',
  lastGrantEnd: 'reportsColumnLastGrantEnd',
  missing: 'reportsColumnMissing',
  extra: 'reportsColumnExtra',
  different: 'reportsColumnDifferent',
}

const cellStyle: React.CSSProperties = {
  padding: '8px 12px',
  borderBottom: '1px solid var(--theme-elevation-100)',
  textAlign: 'left',
  verticalAlign: 'top',
}

const Cell: React.FC<{
  column: ReportColumn
  cell: ReportCell | undefined
  viewerZone: string
}> = ({ column, cell, viewerZone }) => {
  const { t, language } = useMessages()
  if (!cell) return null
  switch (cell.type) {
    case 'titles':
      return cell.value.map((title, index) => (
        <React.Fragment key={title.key}>
          {index > 0 ? ', ' : null}
          <a href={adminTitlePath(title)} data-title={title.name}>
            {title.name}
          </a>
          {title.missing ? ` ${t('reportsTitleDeleted')}` : null}
        </React.Fragment>
      ))
    case 'licence':
      return cell.value ? (
        <a href={adminLicencePath(cell.value)}>{cell.value.contractId ?? `#${cell.value.id}`}</a>
      ) : null
    case 'instant':
      return (
        <ReportInstant
          instant={cell.value}
          viewerZone={viewerZone}
          empty={t(column.key === 'lastGrantEnd' ? 'reportsNeverLicensed' : 'reportsOpenEnded')}
        />
      )
    case 'number':
      return <>{formatNumber(cell.value, language)}</>
    case 'codes':
      return <>{cell.value.join(', ')}</>
    case 'text':
      if (column.key === 'kind') {
        return <>{t(cell.value === 'holdback' ? 'reportsKindHoldback' : 'reportsKindGrant')}</>
      }
      return <>{cell.value}</>
  }
}

/** One report as a table whose column headings sort it (again: the other direction). */
export const ReportTable: React.FC<{ report: Report; viewerZone: string }> = ({
  report,
  viewerZone,
}) => {
  const { t } = useMessages()
  const [sort, setSort] = useState<{ column: string; direction: SortDirection }>({
    column: report.sortedBy,
    direction: 'asc',
  })
  const rows = useMemo(
    () => sortReportRows(report.rows, sort.column, sort.direction),
    [report.rows, sort],
  )
  const sortBy = (column: string) =>
    setSort((current) => ({
      column,
      direction: current.column === column && current.direction === 'asc' ? 'desc' : 'asc',
    }))
  return (
    <div className="table" style={{ overflowX: 'auto' }}>
      <table data-report={report.kind} style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            {report.columns.map((column) => {
              const label = t(columnLabels[column.key] ?? 'reportsColumnTitles')
              const active = sort.column === column.key
              return (
                <th
                  key={column.key}
                  data-column={column.key}
                  aria-sort={
                    active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'
                  }
                  style={{ ...cellStyle, whiteSpace: 'nowrap' }}
                >
                  <button
                    type="button"
                    onClick={() => sortBy(column.key)}
                    title={t('reportsSortBy', { column: label })}
                    style={{
                      background: 'none',
                      border: 0,
                      padding: 0,
                      color: 'var(--theme-text)',
                      font: 'inherit',
                      fontWeight: 600,
                      cursor: 'pointer',
                    }}
                  >
                    {label} {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </button>
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              {report.columns.map((column) => (
                <td key={column.key} data-column={column.key} style={cellStyle}>
                  <Cell column={column} cell={row.cells[column.key]} viewerZone={viewerZone} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
