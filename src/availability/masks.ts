import { allLicenceTypes, allVideoFormats, type LicenceType, type VideoFormat } from './types'

/** Licence types and formats as bit sets, so a query combines them without allocating. */
export const licenceTypeBit = (type: LicenceType): number => 1 << allLicenceTypes.indexOf(type)

/** Position in allLicenceTypes of a single-type bit. */
export const licenceTypeIndex = (typeBit: number): number => 31 - Math.clz32(typeBit)

export const allLicenceTypesMask = (1 << allLicenceTypes.length) - 1
export const allFormatsMask = (1 << allVideoFormats.length) - 1

export const formatBit = (format: VideoFormat): number => 1 << allVideoFormats.indexOf(format)

export const formatsMask = (formats: readonly VideoFormat[]): number =>
  formats.length === 0
    ? allFormatsMask
    : formats.reduce((mask, format) => mask | formatBit(format), 0)

const formatLists: readonly (readonly VideoFormat[])[] = Array.from(
  { length: allFormatsMask + 1 },
  (_, mask) => allVideoFormats.filter((_format, index) => mask & (1 << index)),
)

export const formatsOf = (mask: number): VideoFormat[] => formatLists[mask].slice()
