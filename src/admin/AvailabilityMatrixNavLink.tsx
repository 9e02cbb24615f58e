import React from 'react'

/** Links the availability matrix view from the admin navigation. */
export const AvailabilityMatrixNavLink: React.FC = () => (
  <a href="/admin/availability-matrix" className="nav__link" id="nav-availability-matrix">
    <span className="nav__link-label">Availability matrix</span>
  </a>
)
