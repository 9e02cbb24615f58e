/** The dry run and apply answers as the admin reads them (see src/endpoints/availsImports.ts). */

export type LicenceTerms = {
  content: string[]
  licensor: string
  contractId: string | null
  licenceType: string
  formats: string[]
  territory: string
  start: string
  end: string | null
  exclusive: boolean
  rows: { sheet: string | null; row: number }[]
}

export type ImportDiff = {
  create: LicenceTerms[]
  update: (LicenceTerms & { id: string; changes: string[] })[]
  delete: { id: string; reason: string }[]
  unchanged: string[]
  unmatchedTitles: { sheet: string | null; row: number; tried: string; candidates: string[] }[]
  newTitles: { key: string; collection: string; title: string; parentKey: string | null }[]
  conflicts: {
    licenceIds: [string, string]
    territory: string
    licenceType: string
    nodes: { collection: string; id: string }[]
    overlap: { start: string; end: string | null }
  }[]
}

export type ImportCounts = {
  rows: number
  errorRows: number
  create: number
  update: number
  delete: number
  unchanged: number
  unmatchedTitles: number
  newTitles: number
  conflicts: number
}

export type RowErrorEntry = {
  sheet: string | null
  row: number
  column: string | null
  field: string | null
  reason: string
  candidates?: string[]
}

export type ImportPhase =
  'queued' | 'planning' | 'titles' | 'licences' | 'refreshing' | 'auditing' | 'done' | 'failed'

export type ImportProgress = {
  phase?: ImportPhase | null
  done?: number | null
  total?: number | null
}

export type ImportAudit = { checked: number; differing: number; repaired: number }

/** One avails import as the view shows it: the dry run, and what applying did. */
export type ImportState = {
  id: number | string
  status: 'dryRun' | 'applying' | 'applied' | 'failed'
  fileName?: string
  format?: string | null
  version?: string | null
  zoneConvention?: string | null
  counts: ImportCounts
  diff: ImportDiff
  rowErrors: RowErrorEntry[]
  progress?: ImportProgress | null
  audit?: ImportAudit | null
  failure?: string | null
  appliedAt?: string | null
}
