'use client'

import { FieldDescription, FieldLabel, useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

import { useMuxMessages } from './useMuxMessages'
import { StatusBadge } from './StatusBadge'
import { statusHelpKey } from './statusView'
import { useMuxStatus } from './useMuxStatus'

/**
 * The sidebar status, live (the form's own value would be as old as the page), with help that
 * says what this status waits for or allows.
 */
export const VideoStatusField: React.FC<{ path?: string }> = ({ path = 'status' }) => {
  const { id } = useDocumentInfo()
  const { view, error } = useMuxStatus(id)
  const { t } = useMuxMessages()
  const help = statusHelpKey(view, id !== undefined)
  const description = error
    ? t('videoStatusLoadFailed', { reason: error })
    : help
      ? t(help)
      : t('videoStatusLoading')
  return (
    <div
      className="field-type video-status-field"
      data-help={help ?? ''}
      style={{ marginBottom: 'var(--spacing-field, 24px)' }}
    >
      <div>
        <FieldLabel as="span" label={t('videoStatusLabel')} path={path} />
      </div>
      <StatusBadge status={id ? (view?.status ?? null) : 'pending'} />
      <FieldDescription
        className="video-status-field__help"
        description={description}
        marginPlacement="top"
        path={path}
      />
    </div>
  )
}
