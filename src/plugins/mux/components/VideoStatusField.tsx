'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

import { StatusBadge } from './StatusBadge'
import { useMuxStatus } from './useMuxStatus'

/** The sidebar status, live (the form's own value would be as old as the page). */
export const VideoStatusField: React.FC = () => {
  const { id } = useDocumentInfo()
  const { view } = useMuxStatus(id)
  return (
    <div className="field-type video-status-field" style={{ marginBottom: 24 }}>
      <div className="field-label" style={{ marginBottom: 4 }}>
        Status
      </div>
      <StatusBadge status={id ? (view?.status ?? null) : 'pending'} />
      <p style={{ fontSize: 12, opacity: 0.7, marginTop: 4 }}>
        Pending: waiting for a source, for Mux or for Mux credentials.
      </p>
    </div>
  )
}
