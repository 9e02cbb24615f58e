import type { FieldHook } from 'payload'

export const normaliseRegionCode: FieldHook = ({ value }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value
