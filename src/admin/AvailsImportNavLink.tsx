import type { ServerProps } from 'payload'
import React from 'react'

import { translatorFor } from '../i18n'

/** Links the avails import view from the admin navigation. */
export const AvailsImportNavLink: React.FC<Pick<ServerProps, 'i18n'>> = ({ i18n }) => (
  <a href="/admin/avails-import" className="nav__link" id="nav-avails-import">
    <span className="nav__link-label">{translatorFor(i18n)('navAvailsImport')}</span>
  </a>
)
