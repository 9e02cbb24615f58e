import type { ContentCollection, LicenceType, VideoFormat } from '../availability'

/**
 * EMA LicenseType to our licence types. `null` marks a value we know and refuse, with the reason.
 * Anything not listed is an unknown value (a row error).
 */
export const licenseTypeTable: Record<string, { type: LicenceType } | { refused: string }> = {
  EST: { type: 'est' },
  VOD: { type: 'tvod' },
  TVOD: { type: 'tvod' },
  DTR: { type: 'tvod' },
  RENTAL: { type: 'tvod' },
  SVOD: { type: 'svod' },
  AVOD: { type: 'avod' },
  FVOD: { type: 'fvod' },
  FREE: { type: 'fvod' },
  POEST: {
    refused:
      'POEST is a pre-order window: the title may be sold before it plays, which is not a grant. Import the EST window and give AnnounceDate for "coming soon"',
  },
}

/** FormatProfile to our formats; 3D variants count as their resolution (kept in the source). */
export const formatProfileTable: Record<string, VideoFormat> = {
  SD: 'sd',
  HD: 'hd',
  UHD: 'uhd',
  '4K': 'uhd',
  '3D': 'hd',
  '3DSD': 'sd',
  '3DHD': 'hd',
  '3DUHD': 'uhd',
}

/** HDR column / attribute values that are accepted and recorded (our formats have no HDR flag). */
export const hdrValues = ['HDR10', 'HDR10+', 'DOLBYVISION', 'DV', 'HLG', 'YES', 'NO', 'SDR']

export type WorkType = 'Movie' | 'Episode' | 'Season' | 'Series' | 'Collection'

/** WorkType to the collection a licence names; a Collection names the titles it bundles. */
export const workTypeTable: Record<string, { workType: WorkType; collection: ContentCollection }> =
  {
    MOVIE: { workType: 'Movie', collection: 'films' },
    SHORT: { workType: 'Movie', collection: 'films' },
    EPISODE: { workType: 'Episode', collection: 'episodes' },
    SEASON: { workType: 'Season', collection: 'seasons' },
    SERIES: { workType: 'Series', collection: 'series' },
    COLLECTION: { workType: 'Collection', collection: 'films' },
  }

const entryTypes = ['Create', 'Update', 'Delete', 'Full Extract', 'Full Delete'] as const
export type EntryType = (typeof entryTypes)[number]

export const entryTypeOf = (text: string): EntryType | undefined =>
  entryTypes.find(
    (entry) => entry.toLowerCase().replace(/\s+/g, '') === text.toLowerCase().replace(/\s+/g, ''),
  )

/** Start/End conditions that name no instant: errors, never guesses. */
export const unresolvableConditions = [
  'ESTStart',
  'Theatrical',
  'TheatricalStart',
  'TBD',
  'AnnounceDate',
  'PreOrderStart',
]

export const yesNo = (text: string): boolean | undefined => {
  const value = text.trim().toLowerCase()
  if (['yes', 'y', 'true', '1'].includes(value)) return true
  if (['no', 'n', 'false', '0'].includes(value)) return false
  return undefined
}
