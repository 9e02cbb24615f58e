import type { CollectionConfig, Field } from 'payload'

import { allowRoles } from '../src/access/checkRole'
import { isStaff } from '../src/access/isStaff'
import {
  allContentCollections,
  allHoldbackStrengths,
  allLicenceKinds,
  allLicenceTypes,
  allVideoFormats,
  AvailabilityInputError,
  type HoldbackStrength,
  type LicenceKind,
  parseBoundary,
} from '../src/availability'
import { expiringLicencesEndpoint, licenceConflictsEndpoint } from '../src/endpoints/licenceReports'
import { acceptTerritoryCodes } from '../hooks/licences/acceptTerritoryCodes'
import { describeGroupDrift } from '../hooks/licences/describeGroupDrift'
import {
  recordConflictsAfterChange,
  recordConflictsAfterDelete,
} from '../hooks/licences/recordConflicts'
import {
  refreshAvailabilityAfterLicenceDelete,
  refreshLicenceAvailability,
} from '../hooks/licences/refreshLicenceAvailability'
import { resolveLicenceWindows } from '../hooks/licences/resolveLicenceWindows'

const licensingStaff = allowRoles('admin', 'licensing')

const kindLabels: Record<LicenceKind, string> = {
  grant: 'Grant',
  holdback: 'Holdback / blackout',
}

const strengthLabels: Record<HoldbackStrength, string> = {
  hard: 'Hard (hides the title)',
  soft: 'Soft (warning only)',
}

const validateBoundary =
  (required: boolean) =>
  (value: string | null | undefined): true | string => {
    if (!value) return required ? 'A licence needs a start.' : true
    try {
      parseBoundary(value)
      return true
    } catch (error) {
      if (error instanceof AvailabilityInputError) {
        return `${error.reason}. Use YYYY-MM-DD (a day in each territory) or an ISO 8601 date-time with an offset or Z.`
      }
      throw error
    }
  }

/** One recorded overlap with another licence: a conflict, or a soft-holdback warning. */
const overlapEntryFields: Field[] = [
  { name: 'otherLicence', type: 'relationship', relationTo: 'licences' },
  { name: 'territory', type: 'text' },
  { name: 'licenceType', type: 'text' },
  { name: 'titles', type: 'text' },
  { name: 'overlapStart', type: 'text' },
  { name: 'overlapEnd', type: 'text' },
]

export const Licences: CollectionConfig<'licences'> = {
  slug: 'licences',
  admin: {
    useAsTitle: 'contractId',
    defaultColumns: ['contractId', 'licensor', 'licenceType', 'kind', 'start', 'end'],
    group: 'Rights',
  },
  endpoints: [expiringLicencesEndpoint, licenceConflictsEndpoint],
  hooks: {
    beforeValidate: [acceptTerritoryCodes],
    beforeChange: [resolveLicenceWindows],
    afterChange: [refreshLicenceAvailability, recordConflictsAfterChange],
    afterDelete: [refreshAvailabilityAfterLicenceDelete, recordConflictsAfterDelete],
  },
  access: {
    read: isStaff,
    create: licensingStaff,
    update: licensingStaff,
    delete: licensingStaff,
  },
  fields: [
    {
      name: 'content',
      type: 'relationship',
      relationTo: [...allContentCollections],
      hasMany: true,
      required: true,
      minRows: 1,
    },
    {
      type: 'row',
      fields: [
        { name: 'contractId', type: 'text', index: true },
        { name: 'licensor', type: 'text' },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'grant',
          options: allLicenceKinds.map((kind) => ({ label: kindLabels[kind], value: kind })),
        },
        {
          name: 'holdbackStrength',
          type: 'select',
          defaultValue: 'hard',
          options: allHoldbackStrengths.map((strength) => ({
            label: strengthLabels[strength],
            value: strength,
          })),
          admin: { condition: (_, sibling) => sibling?.kind === 'holdback' },
        },
        {
          name: 'licenceType',
          type: 'select',
          required: true,
          options: allLicenceTypes.map((type) => ({ label: type.toUpperCase(), value: type })),
        },
        {
          name: 'formats',
          type: 'select',
          hasMany: true,
          defaultValue: ['sd', 'hd'],
          options: allVideoFormats.map((format) => ({
            label: format.toUpperCase(),
            value: format,
          })),
        },
      ],
    },
    {
      name: 'territories',
      type: 'relationship',
      relationTo: 'regions',
      hasMany: true,
      required: true,
      minRows: 1,
    },
    { name: 'excludedTerritories', type: 'relationship', relationTo: 'regions', hasMany: true },
    {
      type: 'row',
      fields: [
        {
          name: 'start',
          type: 'text',
          required: true,
          validate: validateBoundary(true),
          admin: { description: 'YYYY-MM-DD (local day per territory) or date-time with offset.' },
        },
        {
          name: 'end',
          type: 'text',
          validate: validateBoundary(false),
          admin: { description: 'Empty for open-ended. A date-only end includes that whole day.' },
        },
      ],
    },
    {
      name: 'announceAt',
      type: 'date',
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description:
          'When the title may be announced ("coming soon") before its start (EMA Avails AnnounceDate). Empty: never announced.',
      },
    },
    { name: 'exclusive', type: 'checkbox', defaultValue: false },
    { name: 'notes', type: 'textarea' },
    {
      type: 'collapsible',
      label: 'Resolved (computed when saved)',
      fields: [
        {
          name: 'countries',
          type: 'text',
          hasMany: true,
          admin: {
            readOnly: true,
            description: 'Territories with groups expanded and exclusions removed, as signed.',
          },
        },
        {
          name: 'groupSnapshot',
          type: 'json',
          admin: {
            readOnly: true,
            description: 'Members of each group when the licence was saved.',
          },
        },
        {
          name: 'groupDrift',
          type: 'json',
          virtual: true,
          hooks: { afterRead: [describeGroupDrift] },
          admin: {
            readOnly: true,
            description:
              'How the groups differ today from when this licence was saved. The licence keeps ' +
              'its saved countries; edit its territories to take the new membership.',
          },
        },
        {
          name: 'resolvedWindows',
          type: 'array',
          admin: { readOnly: true, description: 'Half-open UTC windows, one per country.' },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'territory', type: 'text', required: true },
                { name: 'start', type: 'text', required: true },
                { name: 'end', type: 'text' },
                { name: 'timeZone', type: 'text' },
                { name: 'startRule', type: 'text' },
                { name: 'endRule', type: 'text' },
              ],
            },
          ],
        },
        {
          name: 'tzVersion',
          type: 'text',
          index: true,
          admin: {
            readOnly: true,
            description:
              'IANA time-zone database version the windows were resolved with. Date-only windows ' +
              'are re-resolved when the server starts with another version.',
          },
        },
        { name: 'contentKeys', type: 'text', hasMany: true, index: true, admin: { hidden: true } },
      ],
    },
    {
      type: 'collapsible',
      label: 'EMA Avails source',
      admin: { initCollapsed: true },
      fields: [
        {
          name: 'availsKey',
          type: 'text',
          index: true,
          admin: {
            readOnly: true,
            description:
              'Identity of the avail and its terms (ALID, licensor, title, territory, licence type, dates, exclusivity, contract): how a re-import finds this licence. Empty for licences typed by staff.',
          },
        },
        {
          name: 'availsSource',
          type: 'json',
          admin: {
            readOnly: true,
            description:
              'What the avails import read: ALID, EntryType, AvailIDs, the raw rows (sheet, row, every column), how Start/End were read and the zone convention.',
          },
        },
        {
          name: 'availsImport',
          type: 'relationship',
          relationTo: 'avails-imports',
          admin: { readOnly: true, description: 'The import that last wrote this licence.' },
        },
      ],
    },
    {
      type: 'collapsible',
      label: 'Conflicts and warnings',
      fields: [
        {
          name: 'hasConflicts',
          type: 'checkbox',
          index: true,
          defaultValue: false,
          admin: { readOnly: true, position: 'sidebar' },
        },
        {
          name: 'conflicts',
          type: 'array',
          admin: {
            readOnly: true,
            description:
              'Exclusive grants for the same title, territory and licence type whose windows overlap.',
          },
          fields: overlapEntryFields,
        },
        {
          name: 'warnings',
          type: 'array',
          admin: { readOnly: true, description: 'Soft holdbacks that overlap grants.' },
          fields: overlapEntryFields,
        },
      ],
    },
  ],
}
