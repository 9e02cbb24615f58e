'use client'

import { useEffect, useState } from 'react'

/**
 * The viewer's time zone, as the browser reports it. The server renders in UTC (it cannot
 * know the zone), and the browser switches to its own once it has mounted.
 */
export const useViewerTimeZone = (): string => {
  const [zone, setZone] = useState('UTC')
  useEffect(() => {
    setZone(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC')
  }, [])
  return zone
}
