'use client'

import {
  Banner,
  Button,
  DatePicker,
  FieldLabel,
  Pill,
  useAuth,
  useDocumentInfo,
} from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { TerritoryState as EngineState } from '../availability/territoryCell'
import type { AdminLanguage, MessageKey } from '../i18n'
import { formatInstant } from '../i18n/format'
import { useMessages } from '../i18n/useMessages'
import { describePanelState, viewerTimeZone } from './availabilityText'

type TerritoryState = EngineState & {
  /** What the public content API answers from its stored rows. */
  stored: { available: boolean; validUntil: string | null }
  consistent: boolean
}

type PillStyle = NonNullable<React.ComponentProps<typeof Pill>['pillStyle']>

const stateLooks: Record<TerritoryState['state'], { pill: PillStyle; label: MessageKey }> = {
  available: { pill: 'success', label: 'panelStateAvailable' },
  upcoming: { pill: 'warning', label: 'panelStateUpcoming' },
  expired: { pill: 'light-gray', label: 'panelStateExpired' },
  none: { pill: 'error', label: 'panelStateNone' },
}

/** The date picker's display in each language (date-fns patterns; its month names follow i18n). */
const pickerFormats: Record<AdminLanguage, { display: string; time: string }> = {
  en: { display: 'd MMM yyyy, HH:mm', time: 'HH:mm' },
  de: { display: 'dd.MM.yyyy, HH:mm', time: 'HH:mm' },
  zh: { display: 'yyyy年M月d日 HH:mm', time: 'HH:mm' },
}

/** Where this title stands in each launch territory, with a preview at any instant for licensing. */
export const AvailabilityPanel: React.FC = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { user } = useAuth<{ roles?: string[] }>()
  const messages = useMessages()
  const { t, language } = messages
  const [at, setAt] = useState<string | null>(null)
  const [states, setStates] = useState<TerritoryState[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const canPreview = Boolean(user?.roles?.some((role) => role === 'licensing' || role === 'admin'))

  useEffect(() => {
    if (!id || !collectionSlug) return
    const query = new URLSearchParams({ content: `${collectionSlug}/${id}` })
    if (at) query.set('at', at)
    let cancelled = false
    fetch(`/api/availability/overview?${query}`, { credentials: 'include' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`${response.status}`)
        return (await response.json()) as { territories: TerritoryState[] }
      })
      .then((body) => !cancelled && (setStates(body.territories), setError(null)))
      .catch((reason: unknown) => !cancelled && setError(String(reason)))
    return () => {
      cancelled = true
    }
  }, [id, collectionSlug, at])

  const title = at
    ? t('panelTitleAt', { instant: formatInstant(at, language, viewerTimeZone()) })
    : t('panelTitleNow')
  const inconsistent = (states ?? []).filter((state) => !state.consistent)

  return (
    <div className="field-type availability-panel">
      <FieldLabel as="span" label={title} />
      {!id ? (
        <p className="field-description">{t('panelUnsaved')}</p>
      ) : (
        <>
          {error ? <Banner type="error">{t('panelLoadFailed', { error })}</Banner> : null}
          {inconsistent.length > 0 ? (
            <Banner type="error">
              <span data-testid="availability-inconsistent">
                {t('panelInconsistent', {
                  territories: inconsistent
                    .map((state) =>
                      t(state.stored.available ? 'panelPublicShown' : 'panelPublicHidden', {
                        territory: state.territory,
                      }),
                    )
                    .join(', '),
                })}{' '}
                {t('panelInconsistentRepair')} <code>npm run rights:audit -- --repair</code>
              </span>
            </Banner>
          ) : null}
          <ul style={{ listStyle: 'none', padding: 0, margin: '0 0 12px' }}>
            {(states ?? []).map((state) => (
              <li
                key={state.territory}
                data-territory={state.territory}
                data-state={state.state}
                style={{
                  display: 'grid',
                  gridTemplateColumns: '2.5rem auto',
                  alignItems: 'baseline',
                  rowGap: 2,
                  padding: '6px 0',
                  borderBottom: '1px solid var(--theme-elevation-100)',
                }}
              >
                <strong>{state.territory}</strong>
                <span>
                  <Pill size="small" pillStyle={stateLooks[state.state].pill}>
                    {t(stateLooks[state.state].label)}
                  </Pill>
                </span>
                <span
                  className="availability-panel__detail"
                  style={{ gridColumn: 2, color: 'var(--theme-elevation-500)' }}
                >
                  {describePanelState(state, messages)}
                </span>
              </li>
            ))}
          </ul>
          {canPreview ? (
            <div className="availability-panel__preview">
              <FieldLabel as="span" label={t('panelPreviewAt')} />
              <DatePicker
                pickerAppearance="dayAndTime"
                displayFormat={pickerFormats[language].display}
                timeFormat={pickerFormats[language].time}
                value={at ?? undefined}
                onChange={(date: Date | null) => setAt(date ? date.toISOString() : null)}
              />
              {at ? (
                <Button buttonStyle="subtle" size="small" onClick={() => setAt(null)}>
                  {t('panelBackToNow')}
                </Button>
              ) : null}
            </div>
          ) : null}
        </>
      )}
    </div>
  )
}
