'use client'

import type { DefaultCellComponentProps } from 'payload'
import React from 'react'

import { StatusBadge } from './StatusBadge'

/** The status column of the videos list, as the same pill the edit page shows. */
export const VideoStatusCell: React.FC<DefaultCellComponentProps> = ({ cellData }) => (
  <StatusBadge status={typeof cellData === 'string' ? cellData : null} />
)
