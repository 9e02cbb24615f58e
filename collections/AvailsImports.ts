import type { CollectionConfig } from 'payload'

import { allowRoles } from '../src/access/checkRole'
import { nobody } from '../src/access/nobody'
import { showRunningProgress } from '../hooks/availsImports/showRunningProgress'

/**
 * One document per EMA Avails file received: what came in, when, from whom, how it was read,
 * the dry-run diff and, once applied, what it did. Written only by the import endpoints.
 */
export const AvailsImports: CollectionConfig<'avails-imports'> = {
  slug: 'avails-imports',
  admin: {
    group: 'Rights',
    components: { beforeListTable: ['/src/admin/AvailsImportLink#AvailsImportLink'] },
    useAsTitle: 'fileName',
    defaultColumns: ['fileName', 'format', 'version', 'status', 'createdAt', 'importedBy'],
    description: 'EMA Avails files received: dry-run diffs, and what applying them did.',
  },
  access: {
    read: allowRoles('admin', 'licensing'),
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  defaultSort: '-createdAt',
  hooks: { afterRead: [showRunningProgress] },
  fields: [
    { name: 'fileName', type: 'text', required: true },
    { name: 'fileSize', type: 'number', admin: { description: 'Bytes.' } },
    { name: 'fileSha256', type: 'text', index: true },
    {
      name: 'fileData',
      type: 'textarea',
      maxLength: 200 * 1024 * 1024,
      admin: { hidden: true, description: 'The file as received (base64), to apply it later.' },
    },
    {
      type: 'row',
      fields: [
        { name: 'format', type: 'select', options: ['xlsx', 'csv', 'xml'] },
        { name: 'version', type: 'text', admin: { description: 'EMA Avails version detected.' } },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'dryRun',
          index: true,
          options: [
            { label: 'Dry run', value: 'dryRun' },
            { label: 'Applying', value: 'applying' },
            { label: 'Applied', value: 'applied' },
            { label: 'Failed', value: 'failed' },
          ],
        },
      ],
    },
    { name: 'importedBy', type: 'relationship', relationTo: 'users' },
    { name: 'appliedBy', type: 'relationship', relationTo: 'users' },
    { name: 'appliedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'zoneConvention',
      type: 'text',
      admin: {
        description:
          'How date-times without offset were read: territory (each territory’s reference zone), an IANA zone, or reject.',
      },
    },
    { name: 'createMissingTitles', type: 'checkbox', defaultValue: false },
    {
      name: 'counts',
      type: 'json',
      admin: {
        description:
          'rows, errorRows, create, update, delete, unchanged, unmatchedTitles, newTitles, conflicts',
      },
    },
    { name: 'diff', type: 'json', admin: { description: 'Licences to create, change, delete.' } },
    { name: 'rowErrors', type: 'json', admin: { description: 'Sheet, row, column and reason.' } },
    { name: 'audit', type: 'json', admin: { description: 'Rights audit of the titles touched.' } },
    { name: 'failure', type: 'textarea' },
    {
      name: 'progress',
      type: 'group',
      admin: { description: 'How far an apply that runs as a job has come (the admin polls it).' },
      fields: [
        {
          name: 'phase',
          type: 'select',
          options: [
            'queued',
            'planning',
            'titles',
            'licences',
            'refreshing',
            'auditing',
            'done',
            'failed',
          ],
        },
        { name: 'done', type: 'number', admin: { description: 'Licence writes done.' } },
        { name: 'total', type: 'number', admin: { description: 'Licence writes planned.' } },
        { name: 'job', type: 'text', admin: { description: 'The payload-jobs id of the apply.' } },
        { name: 'updatedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
  ],
}
