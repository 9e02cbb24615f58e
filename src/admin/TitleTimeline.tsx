'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type {
  TimelineBar,
  TimelineLane,
  TitleTimeline as Timeline,
} from '../availability/titleTimeline'
import { formatDay, formatInstant, formatMonth } from '../i18n/format'
import { useMessages } from '../i18n/useMessages'
import {
  describeTimelineBar,
  describeTimelineConflict,
  viewerTimeZone,
  type Messages,
} from './availabilityText'

const labelWidth = 120
const rowHeight = 18

const barBackground = (bar: TimelineBar): string => {
  if (bar.kind === 'grant') return bar.exclusive ? '#116329' : '#1a7f37'
  const stripe = bar.holdbackStrength === 'soft' ? '#bf8700' : '#6e7781'
  return `repeating-linear-gradient(45deg, ${stripe} 0 4px, rgba(110, 119, 129, 0.25) 4px 8px)`
}

const percent = (fraction: number) => `${(fraction * 100).toFixed(4)}%`
/** A horizontal position on the tracks, which start after the lane labels. */
const onTrack = (fraction: number) =>
  `calc(${labelWidth}px + (100% - ${labelWidth}px) * ${fraction})`

const Lane: React.FC<{ lane: TimelineLane; messages: Messages }> = ({ lane, messages }) => (
  <div
    data-lane={`${lane.territory}/${lane.licenceType}`}
    data-territory={lane.territory}
    data-licence-type={lane.licenceType}
    style={{ display: 'flex', borderTop: '1px solid var(--theme-elevation-100)' }}
  >
    <div
      style={{ width: labelWidth, flex: 'none', padding: '2px 8px 2px 0' }}
      title={lane.timeZone}
    >
      <strong>{lane.territory}</strong> {lane.licenceType.toUpperCase()}
    </div>
    <div style={{ position: 'relative', flex: 1, height: lane.rows * rowHeight + 6 }}>
      {lane.conflicts.map((conflict) => (
        <div
          key={`${conflict.licenceIds.join('-')}-${conflict.overlapStart}`}
          data-conflict={conflict.licenceIds.join(',')}
          title={describeTimelineConflict(conflict, messages)}
          style={{
            position: 'absolute',
            top: 0,
            bottom: 0,
            left: percent(conflict.left),
            width: percent(conflict.width),
            minWidth: 2,
            background: 'rgba(207, 34, 46, 0.18)',
            borderLeft: '2px solid #cf222e',
            borderRight: '2px solid #cf222e',
          }}
        />
      ))}
      {lane.bars.map((bar) => (
        <a
          key={`${bar.licenceId}-${bar.start}`}
          href={`/admin/collections/licences/${bar.licenceId}`}
          data-licence={bar.licenceId}
          data-kind={bar.kind}
          data-conflict={bar.inConflict ? 'true' : undefined}
          title={describeTimelineBar(bar, lane.territory, messages)}
          aria-label={describeTimelineBar(bar, lane.territory, messages)}
          style={{
            position: 'absolute',
            top: bar.row * rowHeight + 3,
            height: rowHeight - 4,
            left: percent(bar.left),
            width: percent(bar.width),
            minWidth: 2,
            background: barBackground(bar),
            outline: bar.inConflict ? '2px solid #cf222e' : undefined,
            borderRadius: `${bar.clippedStart ? 0 : 3}px ${bar.clippedEnd ? 0 : 3}px ${bar.clippedEnd ? 0 : 3}px ${bar.clippedStart ? 0 : 3}px`,
            color: '#fff',
            fontSize: 11,
            lineHeight: `${rowHeight - 4}px`,
            overflow: 'hidden',
            whiteSpace: 'nowrap',
            paddingLeft: 4,
            textDecoration: 'none',
          }}
        >
          {bar.contractId ?? bar.licenceId}
        </a>
      ))}
    </div>
  </div>
)

/** The title's licence windows per territory and licence type on a time axis of months. */
export const TitleTimeline: React.FC = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const messages = useMessages()
  const { t, language } = messages
  const [timeline, setTimeline] = useState<Timeline | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!id || !collectionSlug) return
    const query = new URLSearchParams({ content: `${collectionSlug}/${id}` })
    let cancelled = false
    fetch(`/api/availability/timeline?${query}`, { credentials: 'include' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`${response.status}`)
        return (await response.json()) as Timeline
      })
      .then((body) => !cancelled && (setTimeline(body), setError(null)))
      .catch((reason: unknown) => !cancelled && setError(String(reason)))
    return () => {
      cancelled = true
    }
  }, [id, collectionSlug])

  if (!id) return null
  // About eight month names fit the axis in every language (`Juni 2026`, `2026年6月`).
  const labelEvery = Math.max(1, Math.ceil((timeline?.months.length ?? 0) / 8))
  return (
    <div className="title-timeline" data-testid="title-timeline" style={{ marginBottom: 24 }}>
      <h4 style={{ marginBottom: 8 }}>{t('timelineTitle')}</h4>
      {error ? <p>{t('timelineLoadFailed', { error })}</p> : null}
      {timeline && timeline.lanes.length === 0 ? (
        <p style={{ opacity: 0.7 }}>{t('timelineEmpty')}</p>
      ) : null}
      {timeline ? (
        <div style={{ position: 'relative', fontSize: 12 }}>
          <div style={{ position: 'relative', height: 18, marginLeft: labelWidth }}>
            {timeline.months.map((month, index) => (
              <span
                key={month.start}
                style={{
                  position: 'absolute',
                  left: percent(month.left),
                  borderLeft: '1px solid var(--theme-elevation-250)',
                  paddingLeft: 2,
                  opacity: 0.75,
                }}
              >
                {index % labelEvery === 0 ? formatMonth(month.start, language) : '\u00a0'}
              </span>
            ))}
          </div>
          {timeline.lanes.map((lane) => (
            <Lane key={`${lane.territory}/${lane.licenceType}`} lane={lane} messages={messages} />
          ))}
          {timeline.today ? (
            <div
              data-testid="timeline-today"
              title={t('timelineToday', {
                instant: formatInstant(timeline.today.at, language, viewerTimeZone()),
              })}
              style={{
                position: 'absolute',
                top: 0,
                bottom: 0,
                left: onTrack(timeline.today.left),
                width: 2,
                background: '#0969da',
                pointerEvents: 'none',
              }}
            />
          ) : null}
          <p style={{ marginTop: 8, opacity: 0.75 }}>
            <span style={{ color: '#1a7f37' }}>■</span> {t('timelineLegendGrant')}{' '}
            <span style={{ color: '#6e7781' }}>▨</span> {t('timelineLegendHardHoldback')}{' '}
            <span style={{ color: '#bf8700' }}>▨</span> {t('timelineLegendSoftHoldback')}{' '}
            <span style={{ color: '#cf222e' }}>▮</span> {t('timelineLegendConflict')}{' '}
            <span style={{ color: '#0969da' }}>|</span> {t('timelineLegendToday')} ·{' '}
            {t('timelineRange', {
              from: formatDay(timeline.from.slice(0, 10), language),
              until: formatDay(timeline.until.slice(0, 10), language),
            })}
          </p>
        </div>
      ) : null}
    </div>
  )
}
