import { DefaultTemplate } from '@payloadcms/next/templates'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { expiringSoon } from '../../availability'
import type { AuditExample } from '../../rights/audit'
import { lastAuditRun } from '../../rights/auditRuns'
import { engineLicenceFrom } from '../../rights/licenceRecords'
import { isStaffUser, type RoleBearer } from '../../roles'

const cell: React.CSSProperties = {
  padding: '6px 12px',
  borderBottom: '1px solid var(--theme-elevation-100)',
}

const daysFrom = (value: string | string[] | undefined) => {
  const days = Number(Array.isArray(value) ? value[0] : value)
  return Number.isInteger(days) && days > 0 && days <= 3650 ? days : 30
}

/**
 * /admin/rights: what licensing staff check every morning — recorded conflicts between
 * exclusive grants, soft holdbacks overlapping grants, and windows ending soon.
 */
export const RightsReportsView: React.FC<AdminViewServerProps> = async ({
  initPageResult,
  params,
  searchParams,
}) => {
  const { req, visibleEntities, permissions, locale } = initPageResult
  const template = {
    i18n: req.i18n,
    locale,
    params,
    payload: req.payload,
    permissions,
    searchParams,
    user: req.user ?? undefined,
    visibleEntities,
  }
  if (!isStaffUser(req.user as RoleBearer)) {
    return (
      <DefaultTemplate {...template}>
        <div className="gutter--left gutter--right">
          <h1>Rights reports</h1>

          <p>Only staff can see rights reports.</p>
        </div>
      </DefaultTemplate>
    )
  }
  const days = daysFrom(searchParams?.days)
  const { docs: flagged } = await req.payload.find({
    collection: 'licences',
    where: {
      or: [{ hasConflicts: { equals: true } }, { 'warnings.territory': { exists: true } }],
    },
    pagination: false,
    depth: 0,
    req,
  })
  const { docs: all } = await req.payload.find({
    collection: 'licences',
    pagination: false,
    depth: 0,
    req,
    select: {
      contentKeys: true,
      licenceType: true,
      formats: true,
      kind: true,
      holdbackStrength: true,
      exclusive: true,
      resolvedWindows: true,
      contractId: true,
    },
  })
  const contractOf = new Map(all.map((doc) => [String(doc.id), doc.contractId ?? `#${doc.id}`]))
  const expiring = expiringSoon(
    all.map((doc) => engineLicenceFrom(doc as never)),
    {
      now: new Date(),
      withinDays: days,
    },
  )
  const audit = await lastAuditRun(req.payload, undefined, req)
  const auditExamples = (Array.isArray(audit?.examples) ? audit.examples : []) as AuditExample[]
  const link = (id: string | number) => (
    <a href={`/admin/collections/licences/${id}`}>{contractOf.get(String(id)) ?? `#${id}`}</a>
  )
  const otherId = (value: unknown) =>
    typeof value === 'object' && value ? String((value as { id: unknown }).id) : String(value)

  return (
    <DefaultTemplate {...template}>
      <div className="gutter--left gutter--right" style={{ paddingBottom: 48 }}>
        <h1>Rights reports</h1>

        <h2 id="audit">Last rights audit</h2>
        {audit ? (
          <div data-report="audit">
            <p>
              {new Date(audit.startedAt).toLocaleString()} ({audit.trigger}
              {audit.repair ? ', with repair' : ''}): {audit.checked ?? 0} titles checked,{' '}
              <strong>{audit.differing ?? 0} differed</strong>, {audit.repaired ?? 0} repaired
              (rows: {audit.rowsMissing ?? 0} missing, {audit.rowsExtra ?? 0} extra,{' '}
              {audit.rowsDifferent ?? 0} different).
            </p>
            {auditExamples.length > 0 ? (
              <ul>
                {auditExamples.map((example) => {
                  const [collection, id] = example.contentKey.split('/')
                  return (
                    <li key={example.contentKey}>
                      <a href={`/admin/collections/${collection}/${id}`}>
                        {example.title ?? example.contentKey}
                      </a>
                      : {example.missing} missing, {example.extra} extra, {example.different}{' '}
                      different
                    </li>
                  )
                })}
              </ul>
            ) : null}
          </div>
        ) : (
          <p>The rights audit has not run yet.</p>
        )}

        <h2 id="conflicts">Conflicts and warnings</h2>
        {flagged.length === 0 ? (
          <p>No conflicts between exclusive grants and no soft holdbacks over grants.</p>
        ) : (
          <table style={{ borderCollapse: 'collapse' }} data-report="conflicts">
            <thead>
              <tr>
                {['Licence', 'Kind', 'With', 'Territory', 'Type', 'Titles', 'Overlap'].map(
                  (heading) => (
                    <th key={heading} style={{ ...cell, textAlign: 'left' }}>
                      {heading}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {flagged.flatMap((licence) =>
                [
                  ...(licence.conflicts ?? []).map((entry) => ({ entry, kind: 'Conflict' })),
                  ...(licence.warnings ?? []).map((entry) => ({ entry, kind: 'Soft holdback' })),
                ].map(({ entry, kind }, index) => (
                  <tr key={`${licence.id}-${kind}-${index}`}>
                    <td style={cell}>{link(licence.id)}</td>
                    <td style={cell}>{kind}</td>
                    <td style={cell}>{link(otherId(entry.otherLicence))}</td>
                    <td style={cell}>{entry.territory}</td>
                    <td style={cell}>{entry.licenceType?.toUpperCase()}</td>
                    <td style={cell}>{entry.titles}</td>
                    <td style={cell}>
                      {entry.overlapStart} → {entry.overlapEnd ?? 'open'}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}

        <h2 id="expiring" style={{ marginTop: 32 }}>
          Ending within {days} days
        </h2>
        <form method="get" style={{ marginBottom: 12 }}>
          <label>
            Days <input name="days" type="number" min={1} max={3650} defaultValue={days} />
          </label>{' '}
          <button type="submit">Show</button>
        </form>
        {expiring.length === 0 ? (
          <p>No licence window ends within {days} days.</p>
        ) : (
          <table style={{ borderCollapse: 'collapse' }} data-report="expiring">
            <thead>
              <tr>
                {['Ends', 'Territory', 'Licence', 'Type', 'Titles'].map((heading) => (
                  <th key={heading} style={{ ...cell, textAlign: 'left' }}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {expiring.map((window) => (
                <tr key={`${window.licenceId}-${window.territory}`}>
                  <td style={cell}>{window.end}</td>
                  <td style={cell}>{window.territory}</td>
                  <td style={cell}>{link(window.licenceId)}</td>
                  <td style={cell}>{window.licenceType.toUpperCase()}</td>
                  <td style={cell}>
                    {window.content.map((node) => `${node.collection}/${node.id}`).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </DefaultTemplate>
  )
}
