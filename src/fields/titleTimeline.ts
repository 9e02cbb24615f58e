import type { UIField } from 'payload'

/** The admin's licence timeline on every title, below its fields (no data of its own). */
export const titleTimelineField = (): UIField => ({
  name: 'titleTimeline',
  type: 'ui',
  admin: {
    components: { Field: '/src/admin/TitleTimeline#TitleTimeline' },
  },
})
