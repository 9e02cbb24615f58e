import type { CollectionConfig } from 'payload'

import { anyone } from '../src/access/anyone'
import { allowRoles } from '../src/access/checkRole'
import { isStaffField } from '../src/access/isStaff'

const editors = allowRoles('admin', 'editor')
const staffOnly = { read: isStaffField }

export const videoStatuses = ['pending', 'uploading', 'preparing', 'ready', 'errored'] as const

export const Videos: CollectionConfig<'videos'> = {
  slug: 'videos',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'duration', 'updatedAt'],
    group: 'Media',
  },
  access: { read: anyone, create: editors, update: editors, delete: editors },
  fields: [
    { name: 'title', type: 'text', required: true },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'pending',
      options: videoStatuses.map((status) => ({
        label: status[0].toUpperCase() + status.slice(1),
        value: status,
      })),
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'playbackPolicy',
      type: 'select',
      defaultValue: 'signed',
      options: [
        { label: 'Signed (tokens per request)', value: 'signed' },
        { label: 'Public', value: 'public' },
      ],
      admin: { position: 'sidebar' },
    },
    {
      name: 'sourceUrl',
      type: 'text',
      access: staffOnly,
      admin: { description: 'Optional: Mux fetches the video from this public URL.' },
    },
    {
      type: 'collapsible',
      label: 'Mux',
      admin: { initCollapsed: true },
      fields: [
        {
          name: 'muxUploadId',
          type: 'text',
          index: true,
          access: staffOnly,
          admin: { readOnly: true },
        },
        {
          name: 'muxAssetId',
          type: 'text',
          index: true,
          access: staffOnly,
          admin: { readOnly: true },
        },
        {
          name: 'playbackIds',
          type: 'array',
          access: staffOnly,
          admin: { readOnly: true },
          fields: [
            { name: 'playbackId', type: 'text', required: true },
            {
              name: 'policy',
              type: 'select',
              required: true,
              options: [
                { label: 'Signed', value: 'signed' },
                { label: 'Public', value: 'public' },
              ],
            },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'duration', type: 'number', admin: { readOnly: true } },
            { name: 'aspectRatio', type: 'text', admin: { readOnly: true } },
            { name: 'maxResolution', type: 'text', admin: { readOnly: true } },
          ],
        },
        {
          name: 'tracks',
          type: 'array',
          admin: { readOnly: true },
          fields: [
            {
              name: 'kind',
              type: 'select',
              required: true,
              options: [
                { label: 'Audio', value: 'audio' },
                { label: 'Text', value: 'text' },
              ],
            },
            { name: 'languageCode', type: 'text' },
            { name: 'name', type: 'text' },
            { name: 'closedCaptions', type: 'checkbox' },
            { name: 'status', type: 'text' },
            { name: 'muxTrackId', type: 'text', access: staffOnly },
          ],
        },
        {
          name: 'error',
          type: 'group',
          access: staffOnly,
          admin: { readOnly: true },
          fields: [
            { name: 'type', type: 'text' },
            { name: 'messages', type: 'text', hasMany: true },
          ],
        },
        {
          name: 'lastMuxEventAt',
          type: 'date',
          access: staffOnly,
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
  ],
}
