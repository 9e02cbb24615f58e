export type { Announcement, AvailabilityAnswer, AvailabilityWarning, Offer } from './answer'
export {
  buildAvailabilityIndex,
  type AvailabilityIndex,
  type IndexedWindow,
} from './availabilityIndex'
export {
  expiringSoon,
  findExclusiveConflicts,
  findSoftHoldbackWarnings,
  type ExclusiveConflict,
  type ExpiringWindow,
  type SoftHoldbackWarning,
} from './conflicts'
export {
  evaluateContainer,
  inheritedApprovalNumber,
  type ContainerAnswer,
  type ContainerQuery,
  type FactsLookup,
} from './container'
export { AvailabilityInputError } from './errors'
export { evaluateAvailability, type AvailabilityQuery } from './evaluate'
export type { RightsFilter } from './grantsAndHoldbacks'
export { expandTerritories, membershipDrift, type MembershipDrift } from './groups'
export { formatInstant } from './instant'
export {
  announcementRunCalculator,
  type AnnouncementRun,
  availableIntervals,
  type AvailabilityInterval,
  intervalCalculator,
  type IntervalOptions,
  type IntervalRun,
  intervalRunCalculator,
} from './intervals'
export {
  resolveLocalDateTime,
  type AmbiguityPolicy,
  type LocalDateTimeResolution,
} from './localTime'
export { passesPolicyGates, type TerritoryPolicy } from './policy'
export {
  contains,
  parseBoundary,
  resolveWindow,
  type Boundary,
  type BoundaryBasis,
  type BoundaryRule,
  type ResolvedWindow,
  type WindowInput,
} from './time'
export {
  matrixCellOf,
  territoryStateOf,
  type MatrixCell,
  type MatrixState,
  type TerritoryState,
  type TerritoryStateInput,
} from './territoryCell'
export { resolveTerritoryWindows, type TerritoryWindow } from './territoryWindows'
export {
  defaultTimelineRange,
  resolveTimelineRange,
  type TimelineBar,
  type TimelineConflict,
  type TimelineLane,
  type TimelineLicence,
  type TimelineMonth,
  type TimelineRange,
  type TitleTimeline,
  titleTimeline,
} from './titleTimeline'
export {
  contentRefFromKey,
  createTitleTree,
  isContainer,
  lineage,
  nodeKey,
  playableLeaves,
  type TitleLink,
  type TitleTree,
} from './tree'
export * from './types'
export { validateLicence, type LicenceProblem } from './validateLicence'
export * from './reportTable'
export {
  type AuditSummary,
  groupDriftOf,
  type RecordedOverlap,
  type ReportAuditRun,
  type ReportInputs,
  reportInstant,
  type ReportLicence,
  rightsReports,
  type RightsReports,
} from './rightsReports'
