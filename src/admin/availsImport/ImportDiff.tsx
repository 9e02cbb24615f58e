'use client'

import { Pill } from '@payloadcms/ui'
import React from 'react'

import type { MessageKey, Translate } from '../../i18n'
import { formatInstant, formatNumber } from '../../i18n/format'
import type { AdminLanguage } from '../../i18n'
import { titleHref, type TitleName } from './titleNames'
import type { ImportCounts, ImportState, LicenceTerms } from './types'

/** Rows shown per table; the rest is summed up in one line. */
const tableLimit = 200

type Shared = {
  t: Translate
  language: AdminLanguage
  names: ReadonlyMap<string, TitleName>
  newTitles: ReadonlyMap<string, string>
}

const tableStyle: React.CSSProperties = {
  width: '100%',
  borderCollapse: 'collapse',
  fontSize: 13,
  marginBottom: 8,
}
const cellStyle: React.CSSProperties = {
  borderBottom: '1px solid var(--theme-elevation-100)',
  padding: '4px 8px',
  textAlign: 'left',
  verticalAlign: 'top',
}

const Section: React.FC<{
  id: string
  title: string
  count: number
  t: Translate
  language: AdminLanguage
  children: React.ReactNode
}> = ({ id, title, count, t, language, children }) => (
  <section data-section={id} style={{ marginTop: 24 }}>
    <h3>
      {title} <Pill size="small">{formatNumber(count, language)}</Pill>
    </h3>
    {count === 0 ? <p>{t('importNone')}</p> : children}
  </section>
)

const Table: React.FC<{ head: string[]; rows: React.ReactNode[][]; total: number } & Shared> = ({
  head,
  rows,
  total,
  t,
  language,
}) => (
  <>
    <table style={tableStyle}>
      <thead>
        <tr>
          {head.map((label) => (
            <th key={label} style={cellStyle}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells, index) => (
          <tr key={index}>
            {cells.map((cell, column) => (
              <td key={column} style={cellStyle}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
    {total > rows.length ? (
      <p>{t('importMore', { count: formatNumber(total - rows.length, language) })}</p>
    ) : null}
  </>
)

/** A title by name, linked to its edit page; a title the import creates by the file's name. */
export const TitleLink: React.FC<
  { contentKey: string } & Pick<Shared, 't' | 'names' | 'newTitles'>
> = ({ contentKey, t, names, newTitles }) => {
  if (contentKey.startsWith('new:')) {
    return (
      <span>
        {newTitles.get(contentKey) ?? contentKey} <Pill size="small">{t('importNewTitle')}</Pill>
      </span>
    )
  }
  const name = names.get(contentKey)
  return (
    <span>
      <a href={titleHref(contentKey)}>{name?.title ?? contentKey}</a>
      {name && !name.published ? (
        <>
          {' '}
          <Pill size="small">{t('importDraft')}</Pill>
        </>
      ) : null}
    </span>
  )
}

const day = (instant: string | null, shared: Shared) => {
  if (!instant) return shared.t('importOpenEnded')
  // Date-only terms are local days of the territory: show them as written.
  if (/^\d{4}-\d{2}-\d{2}$/.test(instant)) return instant
  try {
    return formatInstant(instant, shared.language)
  } catch {
    return instant
  }
}

const rowsOf = (rows: LicenceTerms['rows']) =>
  rows
    .slice(0, 4)
    .map((row) => (row.sheet ? `${row.sheet}:${row.row}` : String(row.row)))
    .join(', ') + (rows.length > 4 ? ' …' : '')

const termsCells = (terms: LicenceTerms, shared: Shared): React.ReactNode[] => [
  <span key="titles">
    {terms.content.map((key, index) => (
      <React.Fragment key={key}>
        {index > 0 ? ', ' : null}
        <TitleLink contentKey={key} {...shared} />
      </React.Fragment>
    ))}
  </span>,
  terms.territory,
  terms.licenceType.toUpperCase(),
  terms.formats.join(', ').toUpperCase(),
  day(terms.start, shared),
  day(terms.end, shared),
  terms.exclusive ? shared.t('importYes') : shared.t('importNo'),
  terms.contractId ?? '',
  rowsOf(terms.rows),
]

const countKeys: [keyof ImportCounts, MessageKey][] = [
  ['rows', 'importCountRows'],
  ['errorRows', 'importCountErrorRows'],
  ['create', 'importCountCreate'],
  ['update', 'importCountUpdate'],
  ['delete', 'importCountDelete'],
  ['unchanged', 'importCountUnchanged'],
  ['unmatchedTitles', 'importCountUnmatched'],
  ['newTitles', 'importCountNewTitles'],
  ['conflicts', 'importCountConflicts'],
]

const warningCounts = new Set<keyof ImportCounts>(['errorRows', 'unmatchedTitles', 'conflicts'])

export const ImportCountsPills: React.FC<{
  counts: ImportCounts
  t: Translate
  language: AdminLanguage
}> = ({ counts, t, language }) => (
  <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }} data-counts>
    {countKeys.map(([key, label]) => (
      <Pill
        key={key}
        pillStyle={warningCounts.has(key) && counts[key] > 0 ? 'warning' : 'light'}
        id={`import-count-${key}`}
      >
        {t(label)}: <strong data-count={key}>{formatNumber(counts[key] ?? 0, language)}</strong>
      </Pill>
    ))}
  </div>
)

/** The dry run as tables: what the file would create, change and delete, and what is wrong. */
export const ImportDiff: React.FC<{ state: ImportState } & Shared> = ({ state, ...shared }) => {
  const { t, language } = shared
  const { diff, rowErrors } = state
  const termsHead = [
    t('importColTitle'),
    t('importColTerritory'),
    t('importColLicenceType'),
    t('importColFormats'),
    t('importColStart'),
    t('importColEnd'),
    t('importColExclusive'),
    t('importColContract'),
    t('importColRows'),
  ]
  const section = { t, language }
  return (
    <div>
      <Section id="errors" title={t('importErrorsTitle')} count={rowErrors.length} {...section}>
        <Table
          {...shared}
          head={[
            t('importColSheet'),
            t('importColRow'),
            t('importColColumn'),
            t('importColReason'),
          ]}
          total={rowErrors.length}
          rows={rowErrors
            .slice(0, tableLimit)
            .map((error) => [
              error.sheet ?? '',
              String(error.row),
              error.column ?? '',
              error.candidates?.length
                ? `${error.reason} (${error.candidates.join('; ')})`
                : error.reason,
            ])}
        />
      </Section>
      <Section
        id="unmatched"
        title={t('importUnmatchedTitle')}
        count={diff.unmatchedTitles.length}
        {...section}
      >
        <Table
          {...shared}
          head={[
            t('importColSheet'),
            t('importColRow'),
            t('importColTried'),
            t('importColCandidates'),
          ]}
          total={diff.unmatchedTitles.length}
          rows={diff.unmatchedTitles
            .slice(0, tableLimit)
            .map((entry) => [
              entry.sheet ?? '',
              String(entry.row),
              entry.tried,
              entry.candidates.join('; ') || '—',
            ])}
        />
      </Section>
      <Section id="create" title={t('importCreateTitle')} count={diff.create.length} {...section}>
        <Table
          {...shared}
          head={termsHead}
          total={diff.create.length}
          rows={diff.create.slice(0, tableLimit).map((terms) => termsCells(terms, shared))}
        />
      </Section>
      <Section id="update" title={t('importUpdateTitle')} count={diff.update.length} {...section}>
        <Table
          {...shared}
          head={[t('importColLicence'), t('importColChanges'), ...termsHead]}
          total={diff.update.length}
          rows={diff.update.slice(0, tableLimit).map((entry) => [
            <a key="licence" href={`/admin/collections/licences/${entry.id}`}>
              {entry.id}
            </a>,
            entry.changes.join(', '),
            ...termsCells(entry, shared),
          ])}
        />
      </Section>
      <Section id="delete" title={t('importDeleteTitle')} count={diff.delete.length} {...section}>
        <Table
          {...shared}
          head={[t('importColLicence'), t('importColReason')]}
          total={diff.delete.length}
          rows={diff.delete.slice(0, tableLimit).map((entry) => [
            <a key="licence" href={`/admin/collections/licences/${entry.id}`}>
              {entry.id}
            </a>,
            entry.reason,
          ])}
        />
      </Section>
      <Section
        id="unchanged"
        title={t('importUnchangedTitle')}
        count={diff.unchanged.length}
        {...section}
      >
        <p>
          {diff.unchanged.slice(0, tableLimit).map((id, index) => (
            <React.Fragment key={id}>
              {index > 0 ? ', ' : null}
              <a href={`/admin/collections/licences/${id}`}>{id}</a>
            </React.Fragment>
          ))}
          {diff.unchanged.length > tableLimit
            ? ` ${t('importMore', { count: diff.unchanged.length - tableLimit })}`
            : null}
        </p>
      </Section>
      <Section
        id="newTitles"
        title={t('importNewTitlesTitle')}
        count={diff.newTitles.length}
        {...section}
      >
        <Table
          {...shared}
          head={[t('importColTitle'), t('importColCollection')]}
          total={diff.newTitles.length}
          rows={diff.newTitles.slice(0, tableLimit).map((title) => [title.title, title.collection])}
        />
      </Section>
      <Section
        id="conflicts"
        title={t('importConflictsTitle')}
        count={diff.conflicts.length}
        {...section}
      >
        <Table
          {...shared}
          head={[
            t('importColTitle'),
            t('importColTerritory'),
            t('importColLicenceType'),
            t('importColLicences'),
            t('importColOverlap'),
          ]}
          total={diff.conflicts.length}
          rows={diff.conflicts.slice(0, tableLimit).map((conflict) => [
            <span key="titles">
              {conflict.nodes.map((node, index) => (
                <React.Fragment key={`${node.collection}/${node.id}`}>
                  {index > 0 ? ', ' : null}
                  <TitleLink contentKey={`${node.collection}/${node.id}`} {...shared} />
                </React.Fragment>
              ))}
            </span>,
            conflict.territory,
            conflict.licenceType.toUpperCase(),
            conflict.licenceIds
              .map((id) => (id.startsWith('new:') ? t('importNewTitle') : id))
              .join(' × '),
            `${day(conflict.overlap.start, shared)} – ${day(conflict.overlap.end, shared)}`,
          ])}
        />
      </Section>
    </div>
  )
}
