import type { CollectionConfig, FieldAccess } from 'payload'

import { anyone } from '../src/access/anyone'
import { allowRoles, allowRolesOnField } from '../src/access/checkRole'
import { isStaffField } from '../src/access/isStaff'
import { refusePublicQueries } from '../hooks/media/refusePublicQueries'
import { videoStatuses } from '../src/video/types'

const editors = allowRoles('admin', 'editor')
const staffOnly = { read: isStaffField }
const nobody: FieldAccess = () => false
/** Written by the Mux integration only; staff read it, nobody sets it through the API. */
const systemOnly = { read: isStaffField, create: nobody, update: nobody }

/** Containers Mux ingests; Payload checks the file's real type, not just its name. */
export const videoMimeTypes = ['video/*', 'application/mxf']

/**
 * A video is an upload collection whose files never stay here: the Mux plugin
 * (`src/plugins/mux`) sends each uploaded file or source URL to Mux and keeps these fields in
 * step with it. Only staff see Mux ids, playback ids and sources; players get ready-to-use
 * playback data through the titles that use the video.
 */
export const Videos: CollectionConfig<'videos'> = {
  slug: 'videos',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'duration', 'updatedAt'],
    group: 'Media',
  },
  // The public reads videos only populated into titles it may read (refusePublicQueries).
  access: { read: anyone, create: editors, update: editors, delete: editors },
  hooks: { beforeOperation: [refusePublicQueries] },
  disableDuplicate: true,
  upload: {
    // The file is streamed to Mux from a spool; Payload must neither store nor buffer it.
    disableLocalStorage: true,
    mimeTypes: videoMimeTypes,
    filesRequiredOnCreate: false,
    pasteURL: false,
    focalPoint: false,
    crop: false,
    adminThumbnail: ({ doc }) =>
      doc.status === 'ready' ? `/api/videos/${String(doc.id)}/thumbnail` : null,
  },
  fields: [
    { name: 'title', type: 'text', required: true },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'pending',
      index: true,
      access: { create: nobody, update: nobody },
      options: videoStatuses.map((status) => ({
        label: status[0].toUpperCase() + status.slice(1),
        value: status,
      })),
      admin: {
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
            read: isStaffField,
            create: allowRolesOnField('admin', 'editor'),
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
          options: ['queued', 'pushing', 'retrying', 'waiting', 'failed'].map((value) => ({
            label: value,
            value,
          })),
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
    // Payload's own upload fields: the file is not served from here, so staff-only.
    { name: 'filename', type: 'text', access: staffOnly },
    { name: 'mimeType', type: 'text', access: staffOnly },
    { name: 'filesize', type: 'number', access: staffOnly },
    { name: 'thumbnailURL', type: 'text', access: staffOnly },
    { name: 'url', type: 'text', access: staffOnly, hooks: { afterRead: [() => null] } },
  ],
}
