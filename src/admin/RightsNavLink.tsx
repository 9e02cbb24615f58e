import React from 'react'

/** Links the rights reports view from the admin navigation. */
export const RightsNavLink: React.FC = () => (
  <a href="/admin/rights" className="nav__link" id="nav-rights-reports">
    <span className="nav__link-label">Rights reports</span>
  </a>
)
