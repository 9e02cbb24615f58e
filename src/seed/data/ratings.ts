import type { RatingSeed } from './types'

type FskAge = 0 | 6 | 12 | 16 | 18
type MpaaRating = 'G' | 'PG' | 'PG-13' | 'R' | 'NC-17'
type TvPgRating = 'TV-Y' | 'TV-G' | 'TV-PG' | 'TV-14' | 'TV-MA'
type BbfcRating = 'U' | 'PG' | '12A' | '15' | '18'

const mpaaAges: Record<MpaaRating, number> = { G: 0, PG: 0, 'PG-13': 13, R: 17, 'NC-17': 18 }
const tvPgAges: Record<TvPgRating, number> = {
  'TV-Y': 0,
  'TV-G': 0,
  'TV-PG': 0,
  'TV-14': 14,
  'TV-MA': 17,
}
const bbfcAges: Record<BbfcRating, number> = { U: 0, PG: 0, '12A': 12, '15': 15, '18': 18 }

/** Freiwillige Selbstkontrolle der Filmwirtschaft (Germany). */
export const fsk = (age: FskAge): RatingSeed => ({
  territory: 'DE',
  system: 'FSK',
  value: `FSK ${age}`,
  minAge: age,
})

export const mpaa = (value: MpaaRating): RatingSeed => ({
  territory: 'US',
  system: 'MPAA',
  value,
  minAge: mpaaAges[value],
})

export const tvPg = (value: TvPgRating): RatingSeed => ({
  territory: 'US',
  system: 'TVPG',
  value,
  minAge: tvPgAges[value],
})

export const bbfc = (value: BbfcRating): RatingSeed => ({
  territory: 'GB',
  system: 'BBFC',
  value,
  minAge: bbfcAges[value],
})
