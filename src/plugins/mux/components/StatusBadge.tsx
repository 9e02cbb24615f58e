'use client'

import React from 'react'

const colours: Record<string, string> = {
  pending: '#6e7781',
  uploading: '#0969da',
  preparing: '#9a6700',
  ready: '#1a7f37',
  errored: '#cf222e',
}

/** A video's status as a coloured pill. */
export const StatusBadge: React.FC<{ status: string | null | undefined }> = ({ status }) => {
  const value = status ?? 'pending'
  return (
    <span
      className="video-status-badge"
      data-status={value}
      style={{
        display: 'inline-block',
        padding: '1px 10px',
        borderRadius: 999,
        color: '#fff',
        background: colours[value] ?? colours.pending,
        fontSize: 12,
        fontWeight: 600,
        textTransform: 'capitalize',
      }}
    >
      {value}
    </span>
  )
}
