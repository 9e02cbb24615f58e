import type { Field, FieldAccess } from 'payload'

import { videoStatuses } from '../../video/types'
import type { MuxAccessOptions } from './options'

const nobody: FieldAccess = () => false

const label = (value: string) => value[0].toUpperCase() + value.slice(1)

/** Where a source waiting for Mux stands; the admin shows `ingest.message`. */
export const ingestStates = ['queued', 'pushing', 'retrying', 'waiting', 'failed'] as const

/**
 * The fields the plugin adds to the videos collection, right after its title: the status
 * (shown live), the playback policy and source URL editors set, and what the plugin keeps in
 * step with Mux. Only staff see Mux ids, playback ids and sources.
 */
export const muxVideoFields = (access: MuxAccessOptions): Field[] => {
  const staffOnly = { read: ({ req }: Parameters<FieldAccess>[0]) => access.isStaff(req) }
  /** Written by the plugin only; staff read it, nobody sets it through the API. */
  const systemOnly = { ...staffOnly, create: nobody, update: nobody }
  return [
    {
      name: 'muxPanel',
      type: 'ui',
      admin: { components: { Field: '/src/plugins/mux/components/VideoMuxPanel#VideoMuxPanel' } },
    },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'pending',
      index: true,
      access: { create: nobody, update: nobody },
      options: videoStatuses.map((status) => ({ label: label(status), value: status })),
      admin: {
        // Live (list cell and sidebar), not as the form loaded it.
        components: {
          Cell: '/src/plugins/mux/components/VideoStatusCell#VideoStatusCell',
          Field: '/src/plugins/mux/components/VideoStatusField#VideoStatusField',
        },
        position: 'sidebar',
        readOnly: true,
        // What the current status waits for is told on the edit page (VideoStatusField).
        description:
          'Kept by the Mux integration: pending, uploading, preparing, then ready or errored.',
      },
    },
    {
      name: 'playbackPolicy',
      type: 'select',
      defaultValue: 'signed',
      options: [
        { label: 'Signed (tokens per request)', value: 'signed' },
        { label: 'Public', value: 'public' },
      ],
      admin: {
        position: 'sidebar',
        description: 'Can be changed after upload: the playback ids at Mux follow.',
      },
    },
    {
      name: 'sourceUrl',
      type: 'text',
      access: staffOnly,
      admin: {
        description:
          'Or instead of a file: a public URL Mux fetches the video from. Changing it replaces ' +
          'the video once the new one is ready.',
      },
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
          access: systemOnly,
          admin: { readOnly: true },
        },
        {
          name: 'muxAssetId',
          type: 'text',
          index: true,
          access: {
            ...staffOnly,
            create: ({ req }) => access.manageVideos(req),
            update: nobody,
          },
          admin: {
            description: 'Set on creation to adopt an asset that already exists at Mux.',
          },
        },
        {
          name: 'playbackIds',
          type: 'array',
          access: systemOnly,
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
            {
              name: 'duration',
              type: 'number',
              access: { create: nobody, update: nobody },
              admin: { readOnly: true, description: 'Seconds.' },
            },
            {
              name: 'aspectRatio',
              type: 'text',
              access: { create: nobody, update: nobody },
              admin: { readOnly: true },
            },
            {
              name: 'maxResolution',
              type: 'text',
              access: { create: nobody, update: nobody },
              admin: { readOnly: true },
            },
          ],
        },
        {
          name: 'tracks',
          type: 'array',
          access: { create: nobody, update: nobody },
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
          access: systemOnly,
          admin: { readOnly: true },
          fields: [
            { name: 'type', type: 'text' },
            { name: 'messages', type: 'text', hasMany: true },
          ],
        },
        {
          name: 'lastMuxEventAt',
          type: 'date',
          access: systemOnly,
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    // Bookkeeping of the Mux integration, hidden from the form.
    {
      name: 'muxSync',
      type: 'json',
      access: systemOnly,
      admin: { hidden: true, description: "The event reducer's state (src/video)." },
    },
    {
      name: 'muxIds',
      type: 'text',
      hasMany: true,
      index: true,
      access: systemOnly,
      admin: { hidden: true, description: 'Every upload and asset id events may name.' },
    },
    {
      name: 'muxAwaiting',
      type: 'checkbox',
      index: true,
      access: systemOnly,
      admin: { hidden: true },
    },
    {
      name: 'muxCheckedAt',
      type: 'date',
      index: true,
      access: systemOnly,
      admin: { hidden: true },
    },
    {
      name: 'ingest',
      type: 'group',
      access: systemOnly,
      admin: { hidden: true, description: 'A source waiting to be sent to Mux.' },
      fields: [
        {
          name: 'source',
          type: 'select',
          index: true,
          options: [
            { label: 'Uploaded file', value: 'file' },
            { label: 'Source URL', value: 'url' },
          ],
        },
        {
          name: 'state',
          type: 'select',
          options: ingestStates.map((value) => ({ label: value, value })),
        },
        { name: 'nonce', type: 'text' },
        { name: 'spoolFile', type: 'text', index: true },
        { name: 'spoolBytes', type: 'number' },
        { name: 'spoolOffset', type: 'number' },
        { name: 'uploadId', type: 'text' },
        { name: 'requestedAt', type: 'date' },
        { name: 'heartbeatAt', type: 'date' },
        { name: 'message', type: 'text' },
      ],
    },
  ]
}
