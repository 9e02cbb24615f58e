import type { ReasonCode } from '../availability/types'
import type { MatrixCell, MatrixState, TerritoryState } from '../availability/territoryCell'
import type { TimelineBar, TimelineConflict } from '../availability/titleTimeline'
import type { AdminLanguage, MessageKey, Translate } from '../i18n'
import { formatDay, formatInstant, formatNumber } from '../i18n/format'

/** What the admin's availability texts are written with: the messages and the language. */
export type Messages = { t: Translate; language: AdminLanguage }

/** The time zone of the browser (the server's when rendered there). */
export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone

/** The day of an instant in a territory's time zone (UTC when the zone is unknown or invalid). */
export const territoryDay = (
  instant: string,
  timeZone: string | null,
  language: AdminLanguage,
): string => {
  try {
    return formatInstant(instant, language, timeZone ?? 'UTC', 'date')
  } catch {
    return formatInstant(instant, language, 'UTC', 'date')
  }
}

/** An instant in UTC, date and time, marked as UTC. */
export const utcInstant = (instant: string, language: AdminLanguage): string =>
  `${formatInstant(instant, language, 'UTC')} UTC`

export const matrixStateKeys: Record<MatrixState, MessageKey> = {
  available: 'matrixStateAvailable',
  upcoming: 'matrixStateUpcoming',
  expired: 'matrixStateExpired',
  none: 'matrixStateNone',
  heldBack: 'matrixStateHeldBack',
  gated: 'matrixStateGated',
}

export const reasonKeys: Record<ReasonCode, MessageKey> = {
  UNPUBLISHED: 'panelReasonUnpublished',
  NO_GRANT: 'panelReasonNoGrant',
  HOLDBACK: 'panelReasonHoldback',
  POLICY_GATE: 'panelReasonPolicyGate',
}

/** The line under a matrix cell's state: its date as the territory's local day. */
export const describeMatrixCell = (
  cell: MatrixCell,
  timeZone: string | null,
  { t, language }: Messages,
): string => {
  const date = cell.date ? territoryDay(cell.date, timeZone, language) : ''
  switch (cell.state) {
    case 'available':
      return cell.date ? t('matrixUntil', { date }) : t('matrixOpenEnded')
    case 'upcoming':
      return t(cell.announcedAt ? 'matrixFromAnnounced' : 'matrixFrom', { date })
    case 'expired':
      return t('matrixSince', { date })
    case 'heldBack':
      return cell.date ? t('matrixUntil', { date }) : t('matrixNoGrantAfter')
    case 'gated':
      return t('matrixPolicyGate')
    default:
      return cell.reasons.includes('UNPUBLISHED') && !cell.reasons.includes('NO_GRANT')
        ? t('matrixNotPublished')
        : '—'
  }
}

/** The scrubber's distance from today: `today`, `+1 day`, `-30 days`. */
export const describeOffset = (days: number, { t, language }: Messages): string => {
  if (days === 0) return t('matrixToday')
  const offset = `${days > 0 ? '+' : '-'}${formatNumber(Math.abs(days), language)}`
  return t(Math.abs(days) === 1 ? 'matrixOffsetDay' : 'matrixOffsetDays', { offset })
}

/** A panel state's detail: until, from (and since when announced), since, or why not. */
export const describePanelState = (
  state: TerritoryState,
  { t, language }: Messages,
  timeZone: string = viewerTimeZone(),
): string => {
  const date = (instant: string | null | undefined) =>
    instant ? formatInstant(instant, language, timeZone) : ''
  switch (state.state) {
    case 'available':
      return state.until ? t('panelUntil', { date: date(state.until) }) : t('panelOpenEnded')
    case 'upcoming':
      return state.announcedAt
        ? t('panelComingSoon', { date: date(state.since), announced: date(state.announcedAt) })
        : t('panelFrom', { date: date(state.since) })
    case 'expired':
      return t('panelSince', { date: date(state.since) })
    default:
      return state.reasons.length
        ? state.reasons.map((reason) => t(reasonKeys[reason])).join(', ')
        : t('panelNoRights')
  }
}

/** What hovering a timeline bar shows: contract, type, formats, local days and UTC instants. */
export const describeTimelineBar = (
  bar: TimelineBar,
  territory: string,
  { t, language }: Messages,
): string => {
  const type = bar.licenceType.toUpperCase()
  const kind = t(
    bar.kind === 'grant'
      ? 'timelineBarGrant'
      : bar.holdbackStrength === 'soft'
        ? 'timelineBarSoftHoldback'
        : 'timelineBarHardHoldback',
    { type },
  )
  const formats = bar.formats.length
    ? bar.formats.map((format) => format.toUpperCase()).join(', ')
    : t('timelineBarAnyFormat')
  const terms = [
    bar.contractId
      ? t('timelineBarContract', { contract: bar.contractId, licence: bar.licenceId })
      : t('timelineBarNoContract', { licence: bar.licenceId }),
    bar.exclusive ? t('timelineBarExclusive', { kind }) : kind,
    t('timelineBarFormats', { formats }),
    t('timelineBarFrom', {
      territory,
      day: formatDay(bar.firstLocalDay, language),
      timeZone: bar.timeZone,
      utc: utcInstant(bar.start, language),
    }),
    bar.end && bar.lastLocalDay
      ? t('timelineBarThrough', {
          day: formatDay(bar.lastLocalDay, language),
          timeZone: bar.timeZone,
          utc: utcInstant(bar.end, language),
        })
      : t('timelineOpenEnded'),
  ]
  if (bar.via) terms.push(t('timelineBarVia', { via: bar.via }))
  if (bar.inConflict) terms.push(t('timelineBarInConflict'))
  return terms.join('\n')
}

/** What hovering a conflict on the timeline shows. */
export const describeTimelineConflict = (
  conflict: TimelineConflict,
  { t, language }: Messages,
): string =>
  t('timelineConflict', {
    first: conflict.licenceIds[0],
    second: conflict.licenceIds[1],
    start: utcInstant(conflict.overlapStart, language),
    end: conflict.overlapEnd ? utcInstant(conflict.overlapEnd, language) : t('timelineOpenEnded'),
  })
