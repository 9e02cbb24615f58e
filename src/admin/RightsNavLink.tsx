import type { ServerProps } from 'payload'
import React from 'react'

import { translatorFor } from '../i18n'

/** Links the rights reports view from the admin navigation. */
export const RightsNavLink: React.FC<Pick<ServerProps, 'i18n'>> = ({ i18n }) => (
  <a href="/admin/rights" className="nav__link" id="nav-rights-reports">
    <span className="nav__link-label">{translatorFor(i18n)('navRightsReports')}</span>
  </a>
)
