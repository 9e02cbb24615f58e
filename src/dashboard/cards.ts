import type { Report, ReportInstant, ReportTitleRef } from '../availability/reportTable'
import { adminTitlePath } from '../availability/reportTable'

/** A tag the dashboard translates (an import's status, a schedule's action). */
export type CardTag = 'dryRun' | 'applied' | 'failed' | 'publish' | 'unpublish'

export type CardItem = {
  key: string
  label: string
  href: string
  territory?: string | null
  /** Shown in the viewer's time zone (with the territory's local day when it has one). */
  instant?: ReportInstant | null
  tag?: CardTag | null
}

export type CardKind =
  'endingSoon' | 'conflicts' | 'gaps' | 'imports' | 'drafts' | 'scheduled' | 'noVideo'

/** One dashboard card: how many there are, the first few, and where the full list is. */
export type DashboardCard = { kind: CardKind; count: number; href: string; items: CardItem[] }

export type RoleDashboard = {
  days: number
  licensing: DashboardCard[] | null
  editorial: DashboardCard[] | null
}

/** How many items a card lists. */
export const cardItemLimit = 5

const titlesLabel = (titles: readonly ReportTitleRef[]) =>
  titles.map((title) => title.name).join(', ')

/**
 * The first rows of a rights report as card items: the title(s) by name linking to the first
 * one's edit page, the territory, and the report's instant column when it has one.
 */
export const cardFromReport = (
  kind: CardKind,
  report: Report,
  href: string,
  instantColumn?: string,
): DashboardCard => ({
  kind,
  count: report.rows.length,
  href,
  items: report.rows.slice(0, cardItemLimit).map((row) => {
    const titles = row.cells.titles?.type === 'titles' ? row.cells.titles.value : []
    const territory = row.cells.territory?.type === 'text' ? row.cells.territory.value : null
    const instantCell = instantColumn ? row.cells[instantColumn] : undefined
    return {
      key: row.key,
      label: titlesLabel(titles),
      href: titles[0] ? adminTitlePath(titles[0]) : href,
      territory,
      instant: instantCell?.type === 'instant' ? instantCell.value : null,
    }
  }),
})

/** The newest items of several lists (each already newest first), by their instants. */
export const newestItems = (lists: readonly CardItem[][], limit = cardItemLimit): CardItem[] =>
  lists
    .flat()
    .sort((a, b) => Date.parse(b.instant?.utc ?? '') - Date.parse(a.instant?.utc ?? '') || 0)
    .slice(0, limit)

/** The soonest items of several lists, by their instants. */
export const soonestItems = (lists: readonly CardItem[][], limit = cardItemLimit): CardItem[] =>
  lists
    .flat()
    .sort((a, b) => Date.parse(a.instant?.utc ?? '') - Date.parse(b.instant?.utc ?? '') || 0)
    .slice(0, limit)

/** An instant without a territory: shown in the viewer's zone with UTC beside it. */
export const plainInstant = (utc: string | null | undefined): ReportInstant | null =>
  utc
    ? { utc: new Date(utc).toISOString(), territory: null, timeZone: null, localDate: null }
    : null
