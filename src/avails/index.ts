export { describeConvention, parseConvention, type ZoneConvention } from './boundaries'
export {
  type AvailsDiff,
  changedFields,
  conflictsIntroduced,
  diffAvails,
  type ImportedLicence,
  type LicenceWrite,
} from './diff'
export {
  type AvailsExport,
  availsExportRows,
  emaLicenseType,
  type ExportFilter,
  type ExportRow,
  type SkippedLicence,
} from './exportRows'
export { eidrOf, normalTitle } from './identifiers'
export {
  type AvailsSource,
  type LicenceDraft,
  type MappedAvails,
  mapRows,
  type MappingOptions,
  type NewTitle,
  scopeKey,
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
