import type { UIField } from 'payload'

/** The admin's availability overview on every title (no data of its own). */
export const availabilityPanelField = (): UIField => ({
  name: 'availabilityPanel',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: { Field: '/src/admin/AvailabilityPanel#AvailabilityPanel' },
  },
})
