'use client'

import { Button, Pill } from '@payloadcms/ui'
import React from 'react'

import type { CardKind, CardTag, DashboardCard, RoleDashboard } from '../../dashboard/cards'
import type { MessageKey } from '../../i18n'
import { formatDay, formatInstant, formatNumber } from '../../i18n/format'
import { useMessages } from '../../i18n/useMessages'
import { useViewerTimeZone } from '../reports/useViewerTimeZone'

const cardTitles: Record<CardKind, MessageKey> = {
  endingSoon: 'dashboardEndingSoon',
  conflicts: 'dashboardConflicts',
  gaps: 'dashboardGaps',
  imports: 'dashboardImports',
  drafts: 'dashboardDrafts',
  scheduled: 'dashboardScheduled',
  noVideo: 'dashboardNoVideo',
}

const tagMessages: Record<CardTag, MessageKey> = {
  dryRun: 'dashboardImportDryRun',
  applied: 'dashboardImportApplied',
  failed: 'dashboardImportFailed',
  publish: 'dashboardSchedulePublish',
  unpublish: 'dashboardScheduleUnpublish',
}

const Card: React.FC<{ card: DashboardCard; days: number; viewerZone: string }> = ({
  card,
  days,
  viewerZone,
}) => {
  const { t, language } = useMessages()
  const title = t(cardTitles[card.kind], { days: formatNumber(days, language) })
  return (
    <section
      data-card={card.kind}
      style={{
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 'var(--style-radius-m, 4px)',
        background: 'var(--theme-elevation-50)',
        padding: 16,
        display: 'flex',
        flexDirection: 'column',
        gap: 8,
      }}
    >
      <div
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}
      >
        <h3 style={{ margin: 0 }}>{title}</h3>
        <Pill pillStyle={card.count > 0 ? 'warning' : 'success'} size="small">
          <span data-count>{formatNumber(card.count, language)}</span>
        </Pill>
      </div>
      {card.items.length === 0 ? (
        <p style={{ margin: 0, color: 'var(--theme-elevation-500)' }}>{t('dashboardEmpty')}</p>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {card.items.map((item) => (
            <li key={item.key}>
              <a href={item.href}>{item.label}</a>
              {item.territory ? ` · ${item.territory}` : null}
              {item.tag ? ` · ${t(tagMessages[item.tag])}` : null}
              {item.instant?.utc ? (
                <small style={{ color: 'var(--theme-elevation-500)' }}>
                  {' · '}
                  <time dateTime={item.instant.utc}>
                    {formatInstant(item.instant.utc, language, viewerZone)}
                  </time>
                  {item.instant.localDate && item.instant.territory
                    ? ` (${item.instant.territory} ${formatDay(item.instant.localDate, language)})`
                    : null}
                </small>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <div style={{ marginTop: 'auto' }}>
        <Button el="anchor" url={card.href} buttonStyle="secondary" size="small" margin={false}>
          {t('dashboardSeeAll')}
        </Button>
      </div>
    </section>
  )
}

const Desk: React.FC<{
  heading: MessageKey
  desk: string
  cards: DashboardCard[]
  days: number
  viewerZone: string
}> = ({ heading, desk, cards, days, viewerZone }) => {
  const { t } = useMessages()
  return (
    <div data-desk={desk} style={{ marginBottom: 32 }}>
      <h2>{t(heading)}</h2>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
          gap: 16,
        }}
      >
        {cards.map((card) => (
          <Card key={card.kind} card={card} days={days} viewerZone={viewerZone} />
        ))}
      </div>
    </div>
  )
}

/** Each desk in the order the admin home shows them, with its heading. */
const desks = [
  ['licensing', 'dashboardLicensingHeading'],
  ['editorial', 'dashboardEditorialHeading'],
] as const satisfies readonly (readonly ['licensing' | 'editorial', MessageKey])[]

/** The admin home's cards for the user's roles; times in the viewer's (browser's) zone. */
export const DashboardCards: React.FC<{ dashboard: RoleDashboard }> = ({ dashboard }) => {
  const viewerZone = useViewerTimeZone()
  return (
    <div className="role-dashboard" style={{ marginBottom: 24 }}>
      {desks.map(([desk, heading]) => {
        const cards = dashboard[desk]
        return cards ? (
          <Desk
            key={desk}
            heading={heading}
            desk={desk}
            cards={cards}
            days={dashboard.days}
            viewerZone={viewerZone}
          />
        ) : null
      })}
    </div>
  )
}
