export { describeConvention, parseConvention, type ZoneConvention } from './boundaries'
export {
  type AvailsDiff,
  conflictsIntroduced,
  diffAvails,
  type ImportedLicence,
  type LicenceWrite,
} from './diff'
export {
  type AvailsExport,
  availsExportRows,
  type ExportFilter,
  type ExportRow,
  type SkippedLicence,
} from './exportRows'
export {
  type AvailsSource,
  type LicenceDraft,
  type MappedAvails,
  mapRows,
  type MappingOptions,
  type NewTitle,
} from './mapRows'
export { readAvails } from './readAvails'
export {
  AvailsFileError,
  type AvailsFormat,
  type AvailRow,
  type ParsedAvails,
  type RowError,
} from './rows'
export { type CatalogTitle } from './titles'
export { writeAvails } from './writeAvails'
