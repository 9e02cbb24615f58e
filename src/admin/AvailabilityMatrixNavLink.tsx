import type { ServerProps } from 'payload'
import React from 'react'

import { translatorFor } from '../i18n'

/** Links the availability matrix view from the admin navigation. */
export const AvailabilityMatrixNavLink: React.FC<Pick<ServerProps, 'i18n'>> = ({ i18n }) => (
  <a href="/admin/availability-matrix" className="nav__link" id="nav-availability-matrix">
    <span className="nav__link-label">{translatorFor(i18n)('navAvailabilityMatrix')}</span>
  </a>
)
