'use client'

import { Banner, Button, Pagination } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { MatrixCell, MatrixState } from '../availability/territoryCell'
import { allContentCollections, allLicenceTypes, allVideoFormats } from '../availability/types'
import type { AvailabilityMatrix as MatrixPage } from '../rights/availabilityMatrix'

const collections = allContentCollections

const legend: Record<MatrixState, { label: string; colour: string }> = {
  available: { label: 'available', colour: '#d1f0d9' },
  upcoming: { label: 'upcoming', colour: '#fff1c2' },
  expired: { label: 'expired', colour: '#e4e6e9' },
  none: { label: 'no rights', colour: '#ffffff' },
  heldBack: { label: 'held back', colour: '#f3d3f5' },
  gated: { label: 'gated (policy)', colour: '#ffd5d2' },
}

const dayMs = 86_400_000
/** How far the slider reaches either side of today, in days. */
const scrubDays = 3 * 365

const todayDay = () => new Date().toISOString().slice(0, 10)
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / dayMs)
const dayFromNumber = (value: number) => new Date(value * dayMs).toISOString().slice(0, 10)
/** A chosen day is asked at noon UTC: the same calendar day from UTC-11 to UTC+11. */
const instantOf = (day: string) => `${day}T12:00:00Z`
/** The local day of an instant in the territory's reference time zone (UTC when unknown). */
const localDay = (instant: string | null, timeZone: string | null): string => {
  if (!instant) return ''
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: timeZone ?? 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(instant))
  } catch {
    return instant.slice(0, 10)
  }
}

const describeCell = (cell: MatrixCell, timeZone: string | null): string => {
  const shortDate = (instant: string | null) => localDay(instant, timeZone)
  switch (cell.state) {
    case 'available':
      return cell.date ? `until ${shortDate(cell.date)}` : 'open-ended'
    case 'upcoming':
      return `from ${shortDate(cell.date)}${cell.announcedAt ? ' (announced)' : ''}`
    case 'expired':
      return `since ${shortDate(cell.date)}`
    case 'heldBack':
      return cell.date ? `until ${shortDate(cell.date)}` : 'no grant after it'
    case 'gated':
      return 'policy gate'
    default:
      return cell.reasons.includes('UNPUBLISHED') && !cell.reasons.includes('NO_GRANT')
        ? 'not published'
        : '—'
  }
}

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

  return (
    <div className="availability-matrix" data-loading={loading ? 'true' : 'false'}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-end' }}>
        <label style={labelStyle}>
          Date
          <input
            type="date"
            name="day"
            value={day}
            onChange={(event) => event.target.value && setDay(event.target.value)}
          />
        </label>
        <label style={{ ...labelStyle, minWidth: 280 }}>
          Scrub ({offset === 0 ? 'today' : `${offset > 0 ? '+' : ''}${offset} days`})
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
          Collection
          <select
            name="collection"
            value={collection}
            onChange={(event) =>
              changeFilter(setCollection)(event.target.value as (typeof collections)[number])
            }
          >
            {collections.map((slug) => (
              <option key={slug} value={slug}>
                {slug}
              </option>
            ))}
          </select>
        </label>
        <label style={labelStyle}>
          Licence type
          <select
            name="licenceType"
            value={licenceType}
            onChange={(event) => changeFilter(setLicenceType)(event.target.value)}
          >
            <option value="">any</option>
            {allLicenceTypes.map((type) => (
              <option key={type} value={type}>
                {type.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label style={labelStyle}>
          Format
          <select
            name="format"
            value={format}
            onChange={(event) => changeFilter(setFormat)(event.target.value)}
          >
            <option value="">any</option>
            {allVideoFormats.map((videoFormat) => (
              <option key={videoFormat} value={videoFormat}>
                {videoFormat.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label style={labelStyle}>
          Title
          <input
            type="search"
            name="q"
            placeholder="Search titles"
            value={search}
            onChange={(event) => changeFilter(setSearch)(event.target.value)}
          />
        </label>
        <label style={labelStyle}>
          Add territory
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
              Add
            </Button>
          </span>
        </label>
      </div>

      <p style={{ marginTop: 12 }}>
        At {instantOf(day)}
        {added.length > 0 ? ' · added: ' : ''}
        {added.map((code) => (
          <button
            key={code}
            type="button"
            title={`Remove ${code}`}
            onClick={() => setAdded(added.filter((other) => other !== code))}
            style={{ marginRight: 4 }}
          >
            {code} ×
          </button>
        ))}
      </p>

      <ul
        className="availability-matrix__legend"
        style={{ display: 'flex', gap: 12, listStyle: 'none', padding: 0, flexWrap: 'wrap' }}
      >
        {Object.entries(legend).map(([state, { label, colour }]) => (
          <li key={state} data-legend={state} style={{ display: 'flex', gap: 4 }}>
            <span
              style={{
                display: 'inline-block',
                width: 14,
                height: 14,
                background: colour,
                border: '1px solid var(--theme-elevation-250)',
              }}
            />
            {label}
          </li>
        ))}
      </ul>

      {error ? <Banner type="error">{error}</Banner> : null}

      {matrix ? (
        <>
          <table style={{ borderCollapse: 'collapse', marginTop: 8 }}>
            <thead>
              <tr>
                <th style={{ ...cellStyle, textAlign: 'left' }}>Title</th>
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
                    {row.published ? null : <em> (draft)</em>}
                  </td>
                  {row.cells.map((cell) => (
                    <td
                      key={cell.territory}
                      data-territory={cell.territory}
                      data-state={cell.state}
                      title={[cell.date ?? '', ...cell.reasons].filter(Boolean).join(' · ')}
                      style={{ ...cellStyle, background: legend[cell.state].colour }}
                    >
                      <strong>{legend[cell.state].label}</strong>
                      <br />
                      <small>{describeCell(cell, matrix.timeZones[cell.territory] ?? null)}</small>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {matrix.rows.length === 0 ? <p>No titles match.</p> : null}
          <p>
            {matrix.totalDocs} titles, page {matrix.page} of {Math.max(1, matrix.totalPages)}
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
