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
}
