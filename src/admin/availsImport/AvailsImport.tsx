'use client'

import { Banner, Button, CheckboxInput, useLocale } from '@payloadcms/ui'
import React, { useCallback, useEffect, useMemo, useState } from 'react'

import type { MessageKey } from '../../i18n'
import { formatInstant } from '../../i18n/format'
import { useMessages } from '../../i18n/useMessages'
import { ImportCountsPills, ImportDiff, TitleLink } from './ImportDiff'
import { useTitleNames } from './titleNames'
import type { ImportPhase, ImportProgress, ImportState } from './types'

type ZoneChoice = 'territory' | 'UTC' | 'reject' | 'custom'

const pollMs = 1000

const phaseKeys: Record<ImportPhase, MessageKey> = {
  queued: 'importPhaseQueued',
  planning: 'importPhasePlanning',
  titles: 'importPhaseTitles',
  licences: 'importPhaseLicences',
  refreshing: 'importPhaseRefreshing',
  auditing: 'importPhaseAuditing',
  done: 'importPhaseDone',
  failed: 'importPhaseFailed',
}

/** Share of the bar per phase: writing licences fills most of it. */
const fractionOf = (status: ImportState['status'], progress: ImportProgress | null | undefined) => {
  if (status === 'applied') return 1
  const total = progress?.total ?? 0
  const done = progress?.done ?? 0
  switch (progress?.phase) {
    case 'planning':
      return 0.05
    case 'titles':
      return 0.1
    case 'licences':
      return 0.1 + 0.75 * (total > 0 ? done / total : 1)
    case 'refreshing':
      return 0.88
    case 'auditing':
      return 0.95
    case 'done':
      return 1
    default:
      return 0
  }
}

const errorOf = async (response: Response): Promise<string> => {
  try {
    const body = (await response.json()) as {
      errors?: { message?: string; data?: { errors?: { path?: string; message?: string }[] } }[]
    }
    const first = body.errors?.[0]
    const field = first?.data?.errors?.[0]
    return field?.message
      ? `${field.path}: ${field.message}`
      : (first?.message ?? response.statusText)
  } catch {
    return response.statusText
  }
}

const importFields = [
  'fileName',
  'format',
  'version',
  'zoneConvention',
  'status',
  'counts',
  'diff',
  'rowErrors',
  'progress',
  'audit',
  'failure',
  'appliedAt',
]

const loadImport = async (id: string | number, fields = importFields): Promise<ImportState> => {
  const query = new URLSearchParams({ depth: '0' })
  for (const field of fields) query.set(`select[${field}]`, 'true')
  const response = await fetch(`/api/avails-imports/${id}?${query}`, { credentials: 'include' })
  if (!response.ok) throw new Error(await errorOf(response))
  return (await response.json()) as ImportState
}

/** Content keys of the titles the import's licences name (new titles included, once created). */
const loadLicensedTitles = async (id: string | number): Promise<string[]> => {
  const query = new URLSearchParams({
    'where[availsImport][equals]': String(id),
    depth: '0',
    pagination: 'false',
    'select[content]': 'true',
  })
  const response = await fetch(`/api/licences?${query}`, { credentials: 'include' })
  if (!response.ok) return []
  const { docs } = (await response.json()) as {
    docs: { content?: { relationTo: string; value: number | string | { id: number | string } }[] }[]
  }
  const keys = docs.flatMap((doc) =>
    (doc.content ?? []).map(
      (relation) =>
        `${relation.relationTo}/${typeof relation.value === 'object' ? relation.value.id : relation.value}`,
    ),
  )
  return [...new Set(keys)]
}

const replaceQueryId = (id: string | number | null) => {
  const url = new URL(window.location.href)
  if (id === null) url.searchParams.delete('id')
  else url.searchParams.set('id', String(id))
  window.history.replaceState(null, '', url.toString())
}

/**
 * The avails import for licensing staff: choose a file and options, read the dry run, apply it
 * (as a job, with its progress) and see what it did.
 */
export const AvailsImport: React.FC<{ initialId?: string | null }> = ({ initialId }) => {
  const { t, language } = useMessages()
  const locale = useLocale()
  const [file, setFile] = useState<File | null>(null)
  const [zoneChoice, setZoneChoice] = useState<ZoneChoice>('territory')
  const [customZone, setCustomZone] = useState('')
  const [createMissingTitles, setCreateMissingTitles] = useState(false)
  const [skipErrorRows, setSkipErrorRows] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [state, setState] = useState<ImportState | null>(null)
  const [licensedTitles, setLicensedTitles] = useState<string[]>([])

  useEffect(() => {
    if (!initialId) return
    loadImport(initialId)
      .then(setState)
      .catch((error: Error) => setProblem(error.message))
  }, [initialId])

  // While the job runs, the import document carries its progress.
  const applying = state?.status === 'applying'
  const stateId = state?.id
  useEffect(() => {
    if (!applying || stateId === undefined) return
    let stopped = false
    const timer = setInterval(() => {
      loadImport(stateId, ['status', 'progress', 'audit', 'failure', 'counts', 'appliedAt'])
        .then((next) => {
          if (stopped) return
          setState((previous) => (previous ? { ...previous, ...next } : previous))
        })
        .catch(() => {})
    }, pollMs)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [applying, stateId])

  const applied = state?.status === 'applied'
  useEffect(() => {
    if (!applied || stateId === undefined) return
    void loadLicensedTitles(stateId).then(setLicensedTitles)
  }, [applied, stateId])

  const contentKeys = useMemo(() => {
    if (!state) return []
    const keys = [
      ...state.diff.create.flatMap((terms) => terms.content),
      ...state.diff.update.flatMap((terms) => terms.content),
      ...state.diff.conflicts.flatMap((conflict) =>
        conflict.nodes.map((node) => `${node.collection}/${node.id}`),
      ),
      ...licensedTitles,
    ]
    return keys
  }, [state, licensedTitles])
  const names = useTitleNames(contentKeys, locale.code)
  const newTitles = useMemo(
    () => new Map((state?.diff.newTitles ?? []).map((title) => [title.key, title.title])),
    [state],
  )

  const upload = useCallback(async () => {
    if (!file) {
      setProblem(t('importNoFile'))
      return
    }
    setBusy(true)
    setProblem(null)
    const form = new FormData()
    form.append('file', file, file.name)
    form.append('zoneConvention', zoneChoice === 'custom' ? customZone.trim() : zoneChoice)
    form.append('createMissingTitles', String(createMissingTitles))
    try {
      const response = await fetch('/api/avails/imports', {
        method: 'POST',
        body: form,
        credentials: 'include',
      })
      if (!response.ok) {
        setProblem(t('importRefused', { reason: await errorOf(response) }))
        return
      }
      const body = (await response.json()) as ImportState
      setState({ ...body, fileName: body.fileName ?? file.name })
      setSkipErrorRows(false)
      setLicensedTitles([])
      replaceQueryId(body.id)
    } finally {
      setBusy(false)
    }
  }, [file, zoneChoice, customZone, createMissingTitles, t])

  const apply = useCallback(async () => {
    if (!state) return
    setBusy(true)
    setProblem(null)
    try {
      const response = await fetch(`/api/avails/imports/${state.id}/apply`, {
        method: 'POST',
        body: JSON.stringify({ skipErrorRows, background: true }),
        headers: { 'Content-Type': 'application/json' },
        credentials: 'include',
      })
      if (response.status === 202) {
        const body = (await response.json()) as Pick<ImportState, 'status' | 'progress'>
        setState({ ...state, status: 'applying', progress: body.progress })
      } else if (response.ok) {
        // Answered synchronously: the document holds the result.
        setState({ ...state, ...(await loadImport(state.id)) })
      } else {
        setProblem(await errorOf(response))
      }
    } finally {
      setBusy(false)
    }
  }, [state, skipErrorRows])

  const startOver = () => {
    setState(null)
    setFile(null)
    setProblem(null)
    setLicensedTitles([])
    replaceQueryId(null)
  }

  const shared = { t, language, names, newTitles }
  const hasErrors = (state?.rowErrors.length ?? 0) > 0
  const canApply =
    state !== null &&
    (state.status === 'dryRun' || state.status === 'failed') &&
    (!hasErrors || skipErrorRows) &&
    !busy
  const phase = state?.status === 'applied' ? 'done' : (state?.progress?.phase ?? null)
  const fraction = state ? fractionOf(state.status, state.progress) : 0

  return (
    <div className="avails-import">
      <p>{t('importIntro')}</p>
      {problem ? (
        <div data-problem>
          <Banner type="error">{problem}</Banner>
        </div>
      ) : null}

      {!state ? (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void upload()
          }}
          style={{ display: 'grid', gap: 16, maxWidth: 640 }}
        >
          <label>
            <div>{t('importFileLabel')}</div>
            <input
              type="file"
              name="file"
              accept=".xlsx,.csv,.xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv,application/xml,text/xml"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </label>
          <fieldset style={{ border: 0, padding: 0 }}>
            <legend>{t('importZoneLabel')}</legend>
            {(
              [
                ['territory', 'importZoneTerritory'],
                ['UTC', 'importZoneUtc'],
                ['reject', 'importZoneReject'],
                ['custom', 'importZoneCustom'],
              ] as [ZoneChoice, MessageKey][]
            ).map(([value, label]) => (
              <label key={value} style={{ display: 'block' }}>
                <input
                  type="radio"
                  name="zoneConvention"
                  value={value}
                  checked={zoneChoice === value}
                  onChange={() => setZoneChoice(value)}
                />{' '}
                {t(label)}
              </label>
            ))}
            {zoneChoice === 'custom' ? (
              <label style={{ display: 'block', marginTop: 8 }}>
                <div>{t('importZoneCustomLabel')}</div>
                <input
                  type="text"
                  name="customZone"
                  value={customZone}
                  onChange={(event) => setCustomZone(event.target.value)}
                />
              </label>
            ) : null}
          </fieldset>
          <CheckboxInput
            id="import-create-missing"
            name="createMissingTitles"
            checked={createMissingTitles}
            onToggle={(event) => setCreateMissingTitles(event.target.checked)}
            label={t('importCreateMissing')}
          />
          <div>
            <Button type="submit" buttonStyle="primary" disabled={busy} id="import-upload">
              {busy ? t('importUploading') : t('importUpload')}
            </Button>
          </div>
        </form>
      ) : (
        <div data-import={state.id} data-status={state.status}>
          <h2>{t('importDryRunTitle')}</h2>
          <p>
            {t('importSummary', {
              fileName: state.fileName ?? '',
              format: (state.format ?? '').toUpperCase(),
              version: state.version ?? '',
              zone: state.zoneConvention ?? '',
            })}
          </p>
          <ImportCountsPills counts={state.counts} t={t} language={language} />

          {state.status === 'dryRun' || state.status === 'failed' ? (
            <div style={{ marginTop: 16 }} data-apply>
              {state.status === 'failed' && state.failure ? (
                <Banner type="error">{t('importFailedTitle', { reason: state.failure })}</Banner>
              ) : null}
              {hasErrors ? (
                <>
                  <Banner type="warning">{t('importApplyBlocked')}</Banner>
                  <div style={{ margin: '12px 0' }}>
                    <CheckboxInput
                      id="import-skip-error-rows"
                      name="skipErrorRows"
                      checked={skipErrorRows}
                      onToggle={(event) => setSkipErrorRows(event.target.checked)}
                      label={t('importSkipErrorRows')}
                    />
                  </div>
                </>
              ) : null}
              <Button
                buttonStyle="primary"
                disabled={!canApply}
                onClick={() => void apply()}
                id="import-apply"
              >
                {t('importApply')}
              </Button>
            </div>
          ) : null}

          {state.status === 'applying' || state.status === 'applied' ? (
            <div style={{ marginTop: 16 }} data-progress={phase ?? ''}>
              {state.status === 'applying' ? <p>{t('importBeingApplied')}</p> : null}
              <div
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(fraction * 100)}
                style={{
                  height: 12,
                  borderRadius: 6,
                  background: 'var(--theme-elevation-100)',
                  overflow: 'hidden',
                  maxWidth: 640,
                }}
              >
                <div
                  style={{
                    width: `${Math.round(fraction * 100)}%`,
                    height: '100%',
                    background: 'var(--theme-success-500)',
                    transition: 'width 0.3s',
                  }}
                />
              </div>
              <p data-phase>
                {phase
                  ? t(phaseKeys[phase], {
                      done: state.progress?.done ?? 0,
                      total: state.progress?.total ?? 0,
                    })
                  : null}
              </p>
            </div>
          ) : null}

          {state.status === 'applied' ? (
            <div data-result style={{ marginTop: 16 }}>
              <Banner type="success">
                <strong>{t('importAppliedTitle')}</strong>{' '}
                {t('importAppliedSummary', {
                  create: state.counts.create,
                  update: state.counts.update,
                  delete: state.counts.delete,
                  unchanged: state.counts.unchanged,
                })}{' '}
                {state.appliedAt
                  ? t('importAppliedOn', { date: formatInstant(state.appliedAt, language) })
                  : null}
              </Banner>
              {state.audit ? (
                <p data-audit={state.audit.differing === 0 ? 'clean' : 'differing'}>
                  {state.audit.differing === 0
                    ? t('importAuditClean', { checked: state.audit.checked })
                    : t('importAuditDiffering', {
                        checked: state.audit.checked,
                        differing: state.audit.differing,
                        repaired: state.audit.repaired,
                      })}
                </p>
              ) : null}
              <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                <Button el="anchor" url="/admin/availability-matrix" buttonStyle="secondary">
                  {t('importOpenMatrix')}
                </Button>
                <Button buttonStyle="secondary" onClick={startOver} id="import-another">
                  {t('importAnother')}
                </Button>
              </div>
              {licensedTitles.length > 0 ? (
                <>
                  <h3>{t('importTitlesTitle')}</h3>
                  <ul data-titles>
                    {licensedTitles.map((key) => (
                      <li key={key}>
                        <TitleLink contentKey={key} {...shared} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ) : null}

          <ImportDiff state={state} {...shared} />
          {state.status !== 'applying' && state.status !== 'applied' ? (
            <div style={{ marginTop: 16 }}>
              <Button buttonStyle="secondary" onClick={startOver}>
                {t('importAnother')}
              </Button>
            </div>
          ) : null}
        </div>
      )}
    </div>
  )
}
