'use client'

import { Banner, Button, Pagination } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { MatrixCell, MatrixState } from '../availability/territoryCell'
import { allContentCollections, allLicenceTypes, allVideoFormats } from '../availability/types'
import type { MessageKey } from '../i18n'
import { formatInstant, formatNumber } from '../i18n/format'
import { useMessages } from '../i18n/useMessages'
import {
  describeMatrixCell,
  describeOffset,
  matrixStateKeys,
  reasonKeys,
  territoryDay,
} from './availabilityText'
import type { AvailabilityMatrix as MatrixPage } from '../rights/availabilityMatrix'

const collections = allContentCollections

const collectionKeys: Record<(typeof collections)[number], MessageKey> = {
  films: 'matrixCollectionFilms',
  series: 'matrixCollectionSeries',
  seasons: 'matrixCollectionSeasons',
  episodes: 'matrixCollectionEpisodes',
}

const colours: Record<MatrixState, string> = {
  available: '#d1f0d9',
  upcoming: '#fff1c2',
  expired: '#e4e6e9',
  none: '#ffffff',
  heldBack: '#f3d3f5',
  gated: '#ffd5d2',
}

const dayMs = 86_400_000
/** How far the slider reaches either side of today, in days. */
const scrubDays = 3 * 365

const todayDay = () => new Date().toISOString().slice(0, 10)
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / dayMs)
const dayFromNumber = (value: number) => new Date(value * dayMs).toISOString().slice(0, 10)
/** A chosen day is asked at noon UTC: the same calendar day from UTC-11 to UTC+11. */
const instantOf = (day: string) => `${day}T12:00:00Z`
const cellStyle: React.CSSProperties = {
  padding: '6px 10px',
  border: '1px solid var(--theme-elevation-150)',
  verticalAlign: 'top',
  whiteSpace: 'nowrap',
}

const labelStyle: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 4 }

const useDebounced = <T,>(value: T, delayMs: number): T => {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, delayMs])
  return debounced
}

/** The matrix with its filters, date scrubber, legend and pages. */
export const AvailabilityMatrix: React.FC<{ launchTerritories: string[] }> = ({
  launchTerritories,
}) => {
  const messages = useMessages()
  const { t, language } = messages
  const [today] = useState(todayDay)
  const [day, setDay] = useState(today)
  const [added, setAdded] = useState<string[]>([])
  const [newTerritory, setNewTerritory] = useState('')
  const [licenceType, setLicenceType] = useState('')
  const [format, setFormat] = useState('')
  const [collection, setCollection] = useState<(typeof collections)[number]>('films')
  const [search, setSearch] = useState('')
  const [page, setPage] = useState(1)
  const [matrix, setMatrix] = useState<MatrixPage | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)

  const territories = [...launchTerritories, ...added]
  const query = useDebounced(
    new URLSearchParams({
      at: instantOf(day),
      territories: territories.join(','),
      collection,
      page: String(page),
      limit: '25',
      ...(licenceType ? { licenceType } : {}),
      ...(format ? { format } : {}),
      ...(search.trim() ? { q: search.trim() } : {}),
    }).toString(),
    150,
  )

  useEffect(() => {
    const controller = new AbortController()
    setLoading(true)
    fetch(`/api/availability/matrix?${query}`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then(async (response) => {
        const body = (await response.json()) as MatrixPage & { errors?: { message: string }[] }
        if (!response.ok) throw new Error(body.errors?.[0]?.message ?? `${response.status}`)
        setMatrix(body)
        setError(null)
      })
      .catch((failure: unknown) => {
        if (controller.signal.aborted) return
        setError(failure instanceof Error ? failure.message : String(failure))
      })
      .finally(() => !controller.signal.aborted && setLoading(false))
    return () => controller.abort()
  }, [query])

  const addTerritory = () => {
    const code = newTerritory.trim().toUpperCase()
    if (code && !territories.includes(code)) setAdded([...added, code])
    setNewTerritory('')
  }
  const changeFilter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value)
      setPage(1)
    }
  const offset = dayNumber(day) - dayNumber(today)
  /** Hovering a cell: its date in the territory's zone and the engine's reasons, in words. */
  const cellTitle = (cell: MatrixCell, timeZone: string | null) =>
    [
      cell.date ? `${territoryDay(cell.date, timeZone, language)} (${timeZone ?? 'UTC'})` : '',
      ...cell.reasons.map((reason) => t(reasonKeys[reason])),
    ]
      .filter(Boolean)
      .join(' · ')

  return (
    <div className="availability-matrix" data-loading={loading ? 'true' : 'false'}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-end' }}>
        <label style={labelStyle}>
          {t('matrixDate')}
          <input
            type="date"
            name="day"
            value={day}
            onChange={(event) => event.target.value && setDay(event.target.value)}
          />
        </label>
        <label style={{ ...labelStyle, minWidth: 280 }}>
          {t('matrixScrub', { offset: describeOffset(offset, messages) })}
          <input
            type="range"
            name="scrubber"
            min={-scrubDays}
            max={scrubDays}
            step={1}
            value={Math.max(-scrubDays, Math.min(scrubDays, offset))}
            onChange={(event) =>
              setDay(dayFromNumber(dayNumber(today) + Number(event.target.value)))
            }
          />
        </label>
        <label style={labelStyle}>
          {t('matrixCollection')}
          <select
            name="collection"
            value={collection}
            onChange={(event) =>
              changeFilter(setCollection)(event.target.value as (typeof collections)[number])
            }
          >
            {collections.map((slug) => (
              <option key={slug} value={slug}>
                {t(collectionKeys[slug])}
              </option>
            ))}
          </select>
        </label>
        <label style={labelStyle}>
          {t('matrixLicenceType')}
          <select
            name="licenceType"
            value={licenceType}
            onChange={(event) => changeFilter(setLicenceType)(event.target.value)}
          >
            <option value="">{t('matrixAny')}</option>
            {allLicenceTypes.map((type) => (
              <option key={type} value={type}>
                {type.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label style={labelStyle}>
          {t('matrixFormat')}
          <select
            name="format"
            value={format}
            onChange={(event) => changeFilter(setFormat)(event.target.value)}
          >
            <option value="">{t('matrixAny')}</option>
            {allVideoFormats.map((videoFormat) => (
              <option key={videoFormat} value={videoFormat}>
                {videoFormat.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label style={labelStyle}>
          {t('matrixTitleFilter')}
          <input
            type="search"
            name="q"
            placeholder={t('matrixSearchPlaceholder')}
            value={search}
            onChange={(event) => changeFilter(setSearch)(event.target.value)}
          />
        </label>
        <label style={labelStyle}>
          {t('matrixAddTerritory')}
          <span style={{ display: 'flex', gap: 4 }}>
            <input
              name="territory"
              size={6}
              placeholder="FR"
              value={newTerritory}
              onChange={(event) => setNewTerritory(event.target.value)}
              onKeyDown={(event) => event.key === 'Enter' && addTerritory()}
            />
            <Button buttonStyle="secondary" size="small" margin={false} onClick={addTerritory}>
              {t('matrixAdd')}
            </Button>
          </span>
        </label>
      </div>

      <p style={{ marginTop: 12 }}>
        {t('matrixAt', { instant: `${formatInstant(instantOf(day), language)} UTC` })}
        {added.length > 0 ? ` · ${t('matrixAdded')} ` : ''}
        {added.map((code) => (
          <button
            key={code}
            type="button"
            title={t('matrixRemoveTerritory', { territory: code })}
            aria-label={t('matrixRemoveTerritory', { territory: code })}
            onClick={() => setAdded(added.filter((other) => other !== code))}
            style={{ marginRight: 4 }}
          >
            {code} ×
          </button>
        ))}
      </p>

      <ul
        className="availability-matrix__legend"
        aria-label={t('matrixLegend')}
        style={{ display: 'flex', gap: 12, listStyle: 'none', padding: 0, flexWrap: 'wrap' }}
      >
        {(Object.keys(colours) as MatrixState[]).map((state) => (
          <li key={state} data-legend={state} style={{ display: 'flex', gap: 4 }}>
            <span
              style={{
                display: 'inline-block',
                width: 14,
                height: 14,
                background: colours[state],
                border: '1px solid var(--theme-elevation-250)',
              }}
            />
            {t(matrixStateKeys[state])}
          </li>
        ))}
      </ul>

      {error ? <Banner type="error">{error}</Banner> : null}

      {matrix ? (
        <>
          <table style={{ borderCollapse: 'collapse', marginTop: 8 }}>
            <thead>
              <tr>
                <th style={{ ...cellStyle, textAlign: 'left' }}>{t('matrixColumnTitle')}</th>
                {matrix.territories.map((territory) => (
                  <th key={territory} style={{ ...cellStyle, textAlign: 'left' }}>
                    {territory}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row) => (
                <tr key={`${row.collection}/${row.id}`} data-title={row.title}>
                  <td style={cellStyle}>
                    <a href={`/admin/collections/${row.collection}/${row.id}`}>{row.title}</a>
                    {row.published ? null : <em> {t('matrixDraft')}</em>}
                  </td>
                  {row.cells.map((cell) => (
                    <td
                      key={cell.territory}
                      data-territory={cell.territory}
                      data-state={cell.state}
                      title={cellTitle(cell, matrix.timeZones[cell.territory] ?? null)}
                      style={{ ...cellStyle, background: colours[cell.state] }}
                    >
                      <strong>{t(matrixStateKeys[cell.state])}</strong>
                      <br />
                      <small>
                        {describeMatrixCell(
                          cell,
                          matrix.timeZones[cell.territory] ?? null,
                          messages,
                        )}
                      </small>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {matrix.rows.length === 0 ? <p>{t('matrixNoTitles')}</p> : null}
          <p>
            {t('matrixSummary', {
              count: formatNumber(matrix.totalDocs, language),
              page: formatNumber(matrix.page, language),
              pages: formatNumber(Math.max(1, matrix.totalPages), language),
            })}
          </p>
          {matrix.totalPages > 1 ? (
            <Pagination
              page={matrix.page}
              totalPages={matrix.totalPages}
              hasPrevPage={matrix.page > 1}
              hasNextPage={matrix.page < matrix.totalPages}
              prevPage={matrix.page - 1}
              nextPage={matrix.page + 1}
              limit={matrix.limit}
              onChange={setPage}
            />
          ) : null}
        </>
      ) : null}
    </div>
  )
}
