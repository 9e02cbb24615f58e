'use client'

import React from 'react'

import type { ReportInstant as Instant } from '../../availability/reportTable'
import { formatDay, formatInstant } from '../../i18n/format'
import { useMessages } from '../../i18n/useMessages'

const utcText = (utc: string) => `${utc.slice(0, 16).replace('T', ' ')} UTC`

/**
 * An instant in the viewer's time zone, with the territory's local day and the UTC instant
 * beside it. `empty` is what an absent instant means here (open-ended, never).
 */
export const ReportInstant: React.FC<{ instant: Instant; viewerZone: string; empty: string }> = ({
  instant,
  viewerZone,
  empty,
}) => {
  const { t, language } = useMessages()
  if (instant.utc === null) return <span className="report-instant--empty">{empty}</span>
  return (
    <span className="report-instant" data-utc={instant.utc}>
      <time dateTime={instant.utc}>{formatInstant(instant.utc, language, viewerZone)}</time>
      <br />
      <small style={{ color: 'var(--theme-elevation-500)' }}>
        {instant.localDate && instant.territory ? (
          <span
            data-local-date={instant.localDate}
            title={`${t('reportsLocalDay', { territory: instant.territory })} (${instant.timeZone ?? 'UTC'})`}
          >
            {instant.territory} {formatDay(instant.localDate, language)}
          </span>
        ) : null}
        {' · '}
        <span title={t('reportsUtc')}>{utcText(instant.utc)}</span>
      </small>
    </span>
  )
}
