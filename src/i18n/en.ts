/**
 * The English message catalog for every custom view and component of ours. German and Chinese
 * (de.ts, zh.ts) must have exactly these keys; the compiler checks it. Placeholders are
 * `{{name}}`, as in Payload's own translations.
 *
 * Keys are grouped by view with a prefix (`nav…`, `matrix…`, `reports…`): add a view's strings
 * under its own prefix.
 */
export const en = {
  navRightsReports: 'Rights reports',
  navAvailabilityMatrix: 'Availability matrix',
  reportsTitle: 'Rights reports',
  reportsStaffOnly: 'Only staff can see rights reports.',
  reportsIntro:
    'Times are shown in your time zone ({{zone}}); beside each, the territory’s local day and the UTC instant. Click a column heading to sort.',
  reportsGeneratedAt: 'As of {{time}}',
  reportsDownloadCsv: 'Download CSV',
  reportsRowCount: 'Rows: {{count}}',
  reportsSortBy: 'Sort by {{column}}',
  reportsOpenEnded: 'open-ended',
  reportsNeverLicensed: 'never licensed there',
  reportsTitleDeleted: '(deleted)',
  reportsUtc: 'UTC',
  reportsLocalDay: '{{territory}} local day',
  reportsDaysLabel: 'Ending within (days)',
  reportsDaysApply: 'Show',
  reportsJumpTo: 'Reports',
  reportsConflictsTitle: 'Conflicts between exclusive grants',
  reportsConflictsDescription:
    'Exclusive grants of the same licence type for the same title and territory whose windows overlap.',
  reportsConflictsEmpty: 'No conflicts between exclusive grants.',
  reportsWarningsTitle: 'Soft holdbacks over grants',
  reportsWarningsDescription:
    'Soft holdbacks do not hide a title; they overlap these grants and need a decision.',
  reportsWarningsEmpty: 'No soft holdback overlaps a grant.',
  reportsEndingSoonTitle: 'Ending within {{days}} days',
  reportsEndingSoonDescription:
    'Licence windows whose last day falls in the coming days, soonest first.',
  reportsEndingSoonEmpty: 'No licence window ends within {{days}} days.',
  reportsGroupDriftTitle: 'Group drift',
  reportsGroupDriftDescription:
    'Licences whose territory groups have changed since they were saved. The licence keeps its saved countries; edit its territories to take the new membership.',
  reportsGroupDriftEmpty: 'No group has changed since the licences naming it were saved.',
  reportsGapsTitle: 'Rights gaps in launch territories',
  reportsGapsDescription:
    'Published films and series without a grant in force or to come in a launch territory ({{territories}}). A grant on a season or episode counts for its series.',
  reportsGapsEmpty: 'Every published title has a licence in every launch territory.',
  reportsAuditTitle: 'Last rights audit',
  reportsAuditSummary:
    '{{checked}} titles checked, {{differing}} differed, {{repaired}} repaired (rows: {{missing}} missing, {{extra}} extra, {{different}} different).',
  reportsAuditTrigger: 'Run by: {{trigger}}',
  reportsAuditWithRepair: 'with repair',
  reportsAuditClean: 'The stored availability matched the licences for every title checked.',
  reportsAuditNever: 'The rights audit has not run yet.',
  reportsAuditFailed: 'The run failed: {{error}}',
  reportsColumnTitles: 'Title',
  reportsColumnTerritory: 'Territory',
  reportsColumnLicenceType: 'Type',
  reportsColumnLicence: 'Licence',
  reportsColumnOtherLicence: 'Conflicting licence',
  reportsColumnHoldback: 'Holdback',
  reportsColumnGrant: 'Grant',
  reportsColumnOverlapStart: 'Overlap from',
  reportsColumnOverlapEnd: 'Overlap until',
  reportsColumnEnd: 'Ends',
  reportsColumnDaysLeft: 'Days left',
  reportsColumnKind: 'Kind',
  reportsColumnGroup: 'Group',
  reportsColumnAdded: 'Added since',
  reportsColumnRemoved: 'Removed since',
  reportsColumnLastGrantEnd: 'Last grant ended',
  reportsColumnMissing: 'Rows missing',
  reportsColumnExtra: 'Rows extra',
  reportsColumnDifferent: 'Rows different',
  reportsKindGrant: 'Grant',
  reportsKindHoldback: 'Holdback',
  dashboardLicensingHeading: 'Licensing desk',
  dashboardEditorialHeading: 'Editorial desk',
  dashboardEndingSoon: 'Ending within {{days}} days',
  dashboardConflicts: 'Conflicts',
  dashboardGaps: 'Rights gaps',
  dashboardImports: 'Recent avails imports',
  dashboardDrafts: 'Drafts',
  dashboardScheduled: 'Scheduled publishes',
  dashboardNoVideo: 'Titles without a video',
  dashboardSeeAll: 'See all',
  dashboardEmpty: 'Nothing to do here.',
  dashboardImportDryRun: 'dry run',
  dashboardImportApplied: 'applied',
  dashboardImportFailed: 'failed',
  dashboardSchedulePublish: 'publish',
  dashboardScheduleUnpublish: 'unpublish',
}

export type MessageKey = keyof typeof en
export type MessageCatalog = Record<MessageKey, string>
