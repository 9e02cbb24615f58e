import type { Film, Licence } from '../../payload-types'
import type { Localized } from '../localized'

export type GenreSeed = {
  key: string
  name: Localized
  /** The shared backdrop of titles whose first genre this is, `#rrggbb`. */
  backdropColor: string
}

type Craft = 'directing' | 'writing' | 'music' | 'acting'

export type PersonSeed = {
  key: string
  name: string
  craft: Craft
  basedIn: Localized
}

export type CreditSeed =
  | { person: string; role: 'director' | 'writer' | 'producer' | 'composer' }
  | { person: string; role: 'actor'; character: Localized }

export type RatingSeed = Omit<NonNullable<Film['ratings']>[number], 'id'>

/** ISO 639-1: the catalog's original languages. */
type OriginalLanguage = 'en' | 'de' | 'zh'

/** What films and series share. `key` is stable and only used inside the seed. */
/** The locales besides the default (en) that may have artwork of their own. */
export type MarketLocale = 'de' | 'zh-Hans'

export type TitleSeed = {
  key: string
  title: Localized
  tagline: Localized
  synopsis: Localized
  releaseYear: number
  originalLanguage: OriginalLanguage
  genres: readonly string[]
  credits: readonly CreditSeed[]
  ratings: readonly RatingSeed[]
  /** NRTA approval, e.g. (2024)影字第123号; without it the title stays hidden in CN. */
  cnApprovalNumber?: string
  /** Key-art colour, `#rrggbb`. */
  color: string
  /** Markets with a poster of their own (the title in their language); others show the English one. */
  marketPosters?: readonly MarketLocale[]
  /** Left unpublished, as an editor's work in progress. */
  draft?: boolean
}

export type FilmSeed = TitleSeed & { runtimeMinutes: number }

export type EpisodeSeed = { title: Localized; runtimeMinutes: number }

export type SeasonSeed = { cnApprovalNumber?: string; episodes: readonly EpisodeSeed[] }

export type SeriesSeed = TitleSeed & { seasons: readonly SeasonSeed[] }

export type ContentSeed =
  { films: string } | { series: string } | { seasonOf: string; seasonNumber: number }

export type LicenceSeed = {
  contractId: string
  licensor: string
  content: readonly ContentSeed[]
  /** Region codes: countries (DE) or groups (DACH). */
  territories: readonly string[]
  excludedTerritories?: readonly string[]
  licenceType: Licence['licenceType']
  formats: NonNullable<Licence['formats']>
  /** YYYY-MM-DD or an ISO date-time with offset. */
  start: string
  /** Omitted: open-ended. */
  end?: string
  exclusive?: boolean
  holdback?: NonNullable<Licence['holdbackStrength']>
  notes?: string
}
