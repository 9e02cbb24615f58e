import type { Where } from 'payload'

/** Stored for open-ended windows so the content API filter is a plain range check. */
export const openEndInstant = '9999-12-31T23:59:59.999Z'

/**
 * The one rule for an availability row in force: in the territory, `start <= at < end`
 * (half-open), and a row that makes the title available (announced rows are for the
 * coming-soon rail only: `state` `announced`). `path` prefixes the fields when the rows are
 * reached through a join (`availabilityWindows.`).
 */
export const rowsInForce = (
  territory: string,
  at: string,
  path = '',
  state: 'available' | 'announced' = 'available',
): Where[] => [
  { [`${path}territory`]: { equals: territory } },
  { [`${path}state`]: { equals: state } },
  { [`${path}start`]: { less_than_equal: at } },
  { [`${path}end`]: { greater_than: at } },
]
