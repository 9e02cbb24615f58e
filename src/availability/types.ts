export const allLicenceTypes = ['svod', 'avod', 'tvod', 'est', 'fvod'] as const
export type LicenceType = (typeof allLicenceTypes)[number]

export const allVideoFormats = ['sd', 'hd', 'uhd'] as const
export type VideoFormat = (typeof allVideoFormats)[number]

export const allLicenceKinds = ['grant', 'holdback'] as const
export type LicenceKind = (typeof allLicenceKinds)[number]

export const allHoldbackStrengths = ['hard', 'soft'] as const
export type HoldbackStrength = (typeof allHoldbackStrengths)[number]

/** The catalog's titles: the collections licences name and availability rows are kept for. */
export const allContentCollections = ['films', 'series', 'seasons', 'episodes'] as const
export type ContentCollection = (typeof allContentCollections)[number]

export interface ContentRef {
  collection: ContentCollection
  id: string
}

/** One resolved window for one country: UTC instants, half-open `[start, end)`. */
export interface LicenceWindow {
  territory: string
  start: string
  end: string | null
}

/**
 * A grant or holdback as the engine sees it: groups already expanded to countries and
 * every window already resolved to UTC for its territory.
 */
export interface Licence {
  id: string
  content: ContentRef[]
  licenceType: LicenceType
  /** Empty means the grant is not limited to particular formats. Holdbacks ignore formats. */
  formats: VideoFormat[]
  kind: LicenceKind
  /** Holdbacks only; a holdback without a strength is treated as hard. */
  holdbackStrength?: HoldbackStrength
  exclusive: boolean
  windows: LicenceWindow[]
  /**
   * Grants only: from this instant (UTC) until each window's start, the title may be announced
   * as coming soon in that window's territory (EMA Avails AnnounceDate). Absent: never.
   */
  announceAt?: string | null
}

export interface Region {
  code: string
  kind: 'country' | 'group'
  members?: string[]
  timeZone?: string
  requiresApprovalNumber?: boolean
}

/** What the engine needs to know about a title document besides its rights. */
export interface NodeFacts {
  published: boolean
  cnApprovalNumber?: string | null
}

export const reasonCodes = ['UNPUBLISHED', 'NO_GRANT', 'HOLDBACK', 'POLICY_GATE'] as const
export type ReasonCode = (typeof reasonCodes)[number]

/** Half-open `[start, end)` in UTC; `end: null` is open-ended. */
export interface TimeWindow {
  start: string
  end: string | null
}
