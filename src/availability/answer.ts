import type { LicenceType, ReasonCode, VideoFormat } from './types'

/** A licence type under which the title can be watched, and in which formats. */
export interface Offer {
  licenceType: LicenceType
  formats: VideoFormat[]
}

/** A soft holdback in force: the title stays visible, staff should look at it. */
export interface AvailabilityWarning {
  code: 'SOFT_HOLDBACK'
  licenceId: string
  licenceType: LicenceType
}

/**
 * Not available yet, but announced: the title may be listed as coming soon (title, artwork,
 * start date, trailer) and nowhere else; its main video does not play.
 */
export interface Announcement {
  /** The earliest announce instant of the grants announcing it now (UTC). */
  announcedAt: string
  /** When the title next becomes available (UTC). */
  availableFrom: string
}

export interface AvailabilityAnswer {
  available: boolean
  /** Why not, in rule order; empty when available. */
  reasons: ReasonCode[]
  /** Next instant the answer could change (UTC); null when it never will. Caches stop here. */
  validUntil: string | null
  /** Grants that make the title available (empty when it is not). */
  licences: string[]
  licenceTypes: LicenceType[]
  formats: VideoFormat[]
  offers: Offer[]
  warnings: AvailabilityWarning[]
  /** Set only when the title is not available but announced; never together with `available`. */
  announced: Announcement | null
}
