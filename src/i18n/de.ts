import type { MessageCatalog } from './en'

/** German messages (Berlin). Keys: see en.ts. */
export const de: MessageCatalog = {
  navRightsReports: 'Rechteberichte',
  navAvailabilityMatrix: 'Verfügbarkeitsmatrix',
}
