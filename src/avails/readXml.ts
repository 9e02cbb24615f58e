import { XMLParser, XMLValidator } from 'fast-xml-parser'

import {
  type AvailField,
  type AvailRow,
  AvailsFileError,
  type ParsedAvails,
  textCell,
} from './rows'

const supportedXmlVersions = ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6']

const repeated = new Set([
  'Avail',
  'Transaction',
  'Territory',
  'TerritoryExcluded',
  'country',
  'countryRegion',
  'BundledAsset',
  'Term',
  'AllowedLanguage',
  'AltIdentifier',
])

type XmlNode = string | { [key: string]: XmlValue }
type XmlValue = XmlNode | XmlNode[] | undefined

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => repeated.has(name),
})

const asList = (value: XmlValue): XmlNode[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

const child = (node: XmlValue, name: string): XmlValue => {
  const first = asList(node)[0]
  return first && typeof first === 'object' ? first[name] : undefined
}

const path = (node: XmlValue, ...names: string[]): XmlValue =>
  names.reduce<XmlValue>((current, name) => child(current, name), node)

const text = (node: XmlValue): string | undefined => {
  const first = asList(node)[0]
  if (first === undefined) return undefined
  if (typeof first === 'string') return first.trim() === '' ? undefined : first.replace(/\s+/g, ' ')
  const inner = first['#text']
  return typeof inner === 'string' && inner.trim() !== '' ? inner.replace(/\s+/g, ' ') : undefined
}

const attribute = (node: XmlValue, name: string): string | undefined => {
  const first = asList(node)[0]
  if (!first || typeof first !== 'object') return undefined
  const value = first[`@${name}`]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

const metadataOf = (
  asset: XmlValue,
): { metadata: XmlValue; season: XmlValue; series: XmlValue } => {
  const episode = path(asset, 'EpisodeMetadata')
  if (episode) {
    const season = path(episode, 'SeasonMetadata')
    return { metadata: episode, season, series: path(season, 'SeriesMetadata') }
  }
  const season = path(asset, 'SeasonMetadata')
  if (season) return { metadata: season, season, series: path(season, 'SeriesMetadata') }
  const series = path(asset, 'SeriesMetadata')
  if (series) return { metadata: series, season: undefined, series }
  return { metadata: path(asset, 'Metadata'), season: undefined, series: undefined }
}

/** EMA Avails XML (schema v2.x): one row per Transaction, with its Avail's fields. */
export const readXml = (data: Uint8Array): ParsedAvails => {
  const source = Buffer.from(data).toString('utf8')
  const valid = XMLValidator.validate(source)
  if (valid !== true) {
    throw new AvailsFileError(
      `not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`,
    )
  }
  const namespace = /schema\/avails\/v(\d+\.\d+)\/avails/.exec(source)
  const document = parser.parse(source) as Record<string, XmlValue>
  const list = document.AvailList
  if (!('AvailList' in document) || !namespace) {
    throw new AvailsFileError('not an EMA Avails XML document (no avails:AvailList root)')
  }
  const version = namespace[1]
  if (!supportedXmlVersions.includes(version)) {
    throw new AvailsFileError(
      `unknown EMA Avails XML version ${version} (supported: ${supportedXmlVersions.join(', ')})`,
    )
  }
  const rows: AvailRow[] = []
  asList(path(list, 'Avail')).forEach((avail, availIndex) => {
    const at = `Avail[${availIndex + 1}]`
    const asset = path(avail, 'Asset')
    const { metadata, season, series } = metadataOf(asset)
    const common: [AvailField, string | undefined, string][] = [
      ['ALID', text(path(avail, 'ALID')), 'ALID'],
      ['EntryType', text(path(avail, 'Disposition', 'EntryType')), 'Disposition/EntryType'],
      ['DisplayName', text(path(avail, 'Licensor', 'DisplayName')), 'Licensor/DisplayName'],
      ['ContentID', attribute(asset, 'contentID'), 'Asset/@contentID'],
      ['WorkType', text(path(asset, 'WorkType')), 'Asset/WorkType'],
      [
        'TitleDisplayUnlimited',
        text(path(metadata, 'TitleDisplayUnlimited')),
        'Asset/Metadata/TitleDisplayUnlimited',
      ],
      [
        'TitleInternalAlias',
        text(path(metadata, 'TitleInternalAlias')),
        'Asset/Metadata/TitleInternalAlias',
      ],
      ['EditID', text(path(metadata, 'EditEIDR-URN')), 'Asset/Metadata/EditEIDR-URN'],
      ['TitleID', text(path(metadata, 'TitleEIDR-URN')), 'Asset/Metadata/TitleEIDR-URN'],
      [
        'ReleaseYear',
        text(path(metadata, 'ReleaseDate'))?.slice(0, 4),
        'Asset/Metadata/ReleaseDate',
      ],
      [
        'EpisodeNumber',
        text(path(metadata, 'EpisodeNumber', 'Number')),
        'Asset/EpisodeMetadata/EpisodeNumber',
      ],
      [
        'SeasonNumber',
        text(path(season, 'SeasonNumber', 'Number')),
        'Asset/SeasonMetadata/SeasonNumber',
      ],
      [
        'SeasonContentID',
        text(path(season, 'SeasonContentID')),
        'Asset/SeasonMetadata/SeasonContentID',
      ],
      [
        'SeriesContentID',
        text(path(series, 'SeriesContentID')),
        'Asset/SeriesMetadata/SeriesContentID',
      ],
      [
        'SeriesTitleDisplayUnlimited',
        text(path(series, 'SeriesTitleDisplayUnlimited')),
        'Asset/SeriesMetadata/SeriesTitleDisplayUnlimited',
      ],
      [
        'SeriesTitleInternalAlias',
        text(path(series, 'SeriesTitleInternalAlias')),
        'Asset/SeriesMetadata/SeriesTitleInternalAlias',
      ],
    ]
    const bundled = asList(path(asset, 'BundledAsset'))
      .map((bundle) => text(child(bundle, 'BundledALID')))
      .filter((alid): alid is string => Boolean(alid))
    asList(path(avail, 'Transaction')).forEach((transaction, transactionIndex) => {
      const here = `${at}/Transaction[${transactionIndex + 1}]`
      const cells: AvailRow['cells'] = {}
      const raw: Record<string, string> = {}
      const put = (field: AvailField, value: string | undefined, column: string) => {
        if (value === undefined) return
        ;(cells[field] ??= []).push(textCell(value, column))
        raw[field] = raw[field] === undefined ? value : `${raw[field]}, ${value}`
      }
      for (const [field, value, column] of common) put(field, value, `${at}/${column}`)
      if (bundled.length > 0) put('BundleALIDs', bundled.join(';'), `${at}/Asset/BundledAsset`)
      const at2 = (name: string) => `${here}/${name}`
      put('AvailID', attribute(transaction, 'TransactionID'), at2('@TransactionID'))
      put('LicenseType', text(path(transaction, 'LicenseType')), at2('LicenseType'))
      for (const [field, element] of [
        ['Territory', 'Territory'],
        ['TerritoryExcluded', 'TerritoryExcluded'],
      ] as const) {
        for (const territory of asList(child(transaction, element))) {
          for (const code of [
            ...asList(child(territory, 'country')),
            ...asList(child(territory, 'countryRegion')),
          ]) {
            put(field, text(code), at2(element))
          }
        }
      }
      put('Start', text(path(transaction, 'Start')), at2('Start'))
      put('StartCondition', text(path(transaction, 'StartCondition')), at2('StartCondition'))
      put('End', text(path(transaction, 'End')), at2('End'))
      put('EndCondition', text(path(transaction, 'EndCondition')), at2('EndCondition'))
      const format = path(transaction, 'FormatProfile')
      put('FormatProfile', text(format), at2('FormatProfile'))
      put('HDR', attribute(format, 'HDR'), at2('FormatProfile/@HDR'))
      put('ContractID', text(path(transaction, 'ContractID')), at2('ContractID'))
      put('Exclusive', text(path(transaction, 'Exclusive')), at2('Exclusive'))
      for (const term of asList(child(transaction, 'Term'))) {
        if (attribute(term, 'termName') === 'AnnounceDate') {
          put('AnnounceDate', text(child(term, 'Event')), at2('Term[@termName=AnnounceDate]'))
        }
      }
      rows.push({ sheet: 'AvailList', row: rows.length + 1, cells, raw })
    })
  })
  return { format: 'xml', version, versionFrom: 'namespace', rows }
}
