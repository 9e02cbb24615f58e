'use client'

import { Banner, useAuth, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type TerritoryState = {
  territory: string
  state: 'available' | 'upcoming' | 'expired' | 'none'
  since: string | null
  until: string | null
  reasons: string[]
  announcedAt?: string | null
  /** What the public content API answers from its stored rows. */
  stored: { available: boolean; validUntil: string | null }
  consistent: boolean
}

const colours: Record<TerritoryState['state'], string> = {
  available: '#1a7f37',
  upcoming: '#9a6700',
  expired: '#6e7781',
  none: '#cf222e',
}

const describe = (state: TerritoryState): string => {
  const day = (instant: string | null) => (instant ? new Date(instant).toLocaleString() : '')
  switch (state.state) {
    case 'available':
      return state.until ? `available until ${day(state.until)}` : 'available, open-ended'
    case 'upcoming':
      return state.announcedAt
        ? `upcoming from ${day(state.since)}, coming soon since ${day(state.announcedAt)}`
        : `upcoming from ${day(state.since)}`
    case 'expired':
      return `expired ${day(state.since)}`
    default:
      return state.reasons.length ? `not available (${state.reasons.join(', ')})` : 'no rights'
  }
}

/** Where this title stands in each launch territory, with a preview at any instant for licensing. */
export const AvailabilityPanel: React.FC = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { user } = useAuth<{ roles?: string[] }>()
  const [at, setAt] = useState('')
  const [states, setStates] = useState<TerritoryState[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const canPreview = Boolean(user?.roles?.some((role) => role === 'licensing' || role === 'admin'))

  useEffect(() => {
    if (!id || !collectionSlug) return
    const query = new URLSearchParams({ content: `${collectionSlug}/${id}` })
    if (at) query.set('at', new Date(at).toISOString())
    let cancelled = false
    fetch(`/api/availability/overview?${query}`, { credentials: 'include' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`${response.status}`)
        return (await response.json()) as { territories: TerritoryState[] }
      })
      .then((body) => !cancelled && (setStates(body.territories), setError(null)))
      .catch((reason: unknown) => !cancelled && setError(String(reason)))
    return () => {
      cancelled = true
    }
  }, [id, collectionSlug, at])

  if (!id) return <p style={{ opacity: 0.7 }}>Availability shows once the title is saved.</p>
  const inconsistent = (states ?? []).filter((state) => !state.consistent)
  return (
    <div className="availability-panel" style={{ marginBottom: 24 }}>
      <h4 style={{ marginBottom: 8 }}>
        Availability {at ? `at ${new Date(at).toLocaleString()}` : 'now'}
      </h4>
      {error ? <p>Could not load availability ({error}).</p> : null}
      {inconsistent.length > 0 ? (
        <Banner type="error">
          <span data-testid="availability-inconsistent">
            The public content API disagrees with the licences in{' '}
            {inconsistent
              .map(
                (state) =>
                  `${state.territory} (public: ${state.stored.available ? 'shown' : 'hidden'})`,
              )
              .join(', ')}
            . Run <code>npm run rights:audit -- --repair</code> or wait for the hourly audit, and
            report this as a bug.
          </span>
        </Banner>
      ) : null}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {(states ?? []).map((state) => (
          <li key={state.territory} data-territory={state.territory} data-state={state.state}>
            <strong style={{ display: 'inline-block', width: 36 }}>{state.territory}</strong>
            <span style={{ color: colours[state.state] }}>{describe(state)}</span>
          </li>
        ))}
      </ul>
      {canPreview ? (
        <label style={{ display: 'block', marginTop: 8 }}>
          Preview at{' '}
          <input
            type="datetime-local"
            value={at}
            onChange={(event) => setAt(event.target.value)}
            aria-label="Preview availability at"
          />
        </label>
      ) : null}
    </div>
  )
}
