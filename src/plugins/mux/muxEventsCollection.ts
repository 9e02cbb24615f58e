import type { CollectionConfig } from 'payload'

import type { MuxAccessOptions } from './options'

const nobody = () => false

export const muxEventsSlug = 'mux-events' as const

export const muxEventStatuses = ['pending', 'applied', 'ignored'] as const

/**
 * Every Mux webhook we accepted, by event id: a redelivery of an event already applied is
 * recognised and acknowledged, and an event that cannot be placed yet (its video is not saved,
 * or does not know the upload or asset yet) waits here as `pending` until it can.
 */
export const muxEventsCollection = (access: MuxAccessOptions): CollectionConfig => ({
  slug: muxEventsSlug,
  labels: { singular: 'Mux event', plural: 'Mux events' },
  admin: {
    group: 'Media',
    useAsTitle: 'eventId',
    defaultColumns: ['type', 'status', 'videoId', 'occurredAt', 'note'],
    description: 'Webhooks received from Mux (read-only).',
  },
  access: {
    read: ({ req }) => access.readEvents(req),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  indexes: [{ fields: ['status', 'occurredAt'] }],
  fields: [
    { name: 'eventId', type: 'text', required: true, unique: true, index: true },
    { name: 'type', type: 'text', required: true, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: muxEventStatuses.map((status) => ({ label: status, value: status })),
    },
    { name: 'videoId', type: 'text', index: true },
    { name: 'passthrough', type: 'text' },
    { name: 'uploadId', type: 'text', index: true },
    { name: 'assetId', type: 'text', index: true },
    { name: 'occurredAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'appliedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'note', type: 'text' },
    { name: 'payload', type: 'json', required: true },
  ],
})
