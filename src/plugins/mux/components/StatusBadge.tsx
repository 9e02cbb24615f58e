'use client'

import { Pill } from '@payloadcms/ui'
import React from 'react'

import { useMuxMessages } from './useMuxMessages'
import { statusPill } from './statusView'

/** A video's status as one of the admin's pills, in the user's language. */
export const StatusBadge: React.FC<{ status: string | null | undefined }> = ({ status }) => {
  const { t } = useMuxMessages()
  const pill = statusPill(status)
  return (
    <span className="video-status-badge" data-status={pill.status}>
      <Pill pillStyle={pill.pillStyle} size="small">
        {t(pill.label)}
      </Pill>
    </span>
  )
}
