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
import { inEveryLanguage as label } from '../src/i18n'
import {
  expiringLicencesEndpoint,
  licenceConflictsEndpoint,
  licenceReportsEndpoint,
} from '../src/endpoints/licenceReports'
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

const kindLabels: Record<LicenceKind, ReturnType<typeof label>> = {
  grant: label('licencesKindGrant'),
  holdback: label('licencesKindHoldback'),
}

const strengthLabels: Record<HoldbackStrength, ReturnType<typeof label>> = {
  hard: label('licencesHoldbackHard'),
  soft: label('licencesHoldbackSoft'),
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
  labels: { singular: label('licencesSingular'), plural: label('licencesPlural') },
  admin: {
    useAsTitle: 'contractId',
    defaultColumns: ['contractId', 'licensor', 'licenceType', 'kind', 'start', 'end'],
    group: 'Rights',
  },
  endpoints: [expiringLicencesEndpoint, licenceConflictsEndpoint, licenceReportsEndpoint],
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
      label: label('licencesContent'),
      type: 'relationship',
      relationTo: [...allContentCollections],
      hasMany: true,
      required: true,
      minRows: 1,
    },
    {
      type: 'row',
      fields: [
        { name: 'contractId', label: label('licencesContractId'), type: 'text', index: true },
        { name: 'licensor', label: label('licencesLicensor'), type: 'text' },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          label: label('licencesKind'),
          type: 'select',
          required: true,
          defaultValue: 'grant',
          options: allLicenceKinds.map((kind) => ({ label: kindLabels[kind], value: kind })),
        },
        {
          name: 'holdbackStrength',
          label: label('licencesHoldbackStrength'),
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
          label: label('licencesLicenceType'),
          type: 'select',
          required: true,
          options: allLicenceTypes.map((type) => ({ label: type.toUpperCase(), value: type })),
        },
        {
          name: 'formats',
          label: label('licencesFormats'),
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
      label: label('licencesTerritories'),
      type: 'relationship',
      relationTo: 'regions',
      hasMany: true,
      required: true,
      minRows: 1,
    },
    {
      name: 'excludedTerritories',
      label: label('licencesExcludedTerritories'),
      type: 'relationship',
      relationTo: 'regions',
      hasMany: true,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'start',
          label: label('licencesStart'),
          type: 'text',
          required: true,
          validate: validateBoundary(true),
          admin: { description: label('licencesStartDescription') },
        },
        {
          name: 'end',
          label: label('licencesEnd'),
          type: 'text',
          validate: validateBoundary(false),
          admin: { description: label('licencesEndDescription') },
        },
      ],
    },
    {
      name: 'announceAt',
      label: label('licencesAnnounceAt'),
      type: 'date',
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        description: label('licencesAnnounceAtDescription'),
      },
    },
    { name: 'exclusive', label: label('licencesExclusive'), type: 'checkbox', defaultValue: false },
    { name: 'notes', label: label('licencesNotes'), type: 'textarea' },
    {
      type: 'collapsible',
      label: label('licencesResolved'),
      fields: [
        {
          name: 'countries',
          label: label('licencesCountries'),
          type: 'text',
          hasMany: true,
          admin: {
            readOnly: true,
            description: label('licencesCountriesDescription'),
          },
        },
        {
          name: 'groupSnapshot',
          label: label('licencesGroupSnapshot'),
          type: 'json',
          admin: {
            readOnly: true,
            description: label('licencesGroupSnapshotDescription'),
          },
        },
        {
          name: 'groupDrift',
          label: label('licencesGroupDrift'),
          type: 'json',
          virtual: true,
          hooks: { afterRead: [describeGroupDrift] },
          admin: {
            readOnly: true,
            description: label('licencesGroupDriftDescription'),
          },
        },
        {
          name: 'resolvedWindows',
          label: label('licencesResolvedWindows'),
          type: 'array',
          admin: { readOnly: true, description: label('licencesResolvedWindowsDescription') },
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
          label: label('licencesTzVersion'),
          type: 'text',
          index: true,
          admin: {
            readOnly: true,
            description: label('licencesTzVersionDescription'),
          },
        },
        { name: 'contentKeys', type: 'text', hasMany: true, index: true, admin: { hidden: true } },
      ],
    },
    {
      type: 'collapsible',
      label: label('licencesAvailsSource'),
      admin: { initCollapsed: true },
      fields: [
        {
          name: 'availsKey',
          type: 'text',
          index: true,
          admin: {
            readOnly: true,
            description: label('licencesAvailsKeyDescription'),
          },
        },
        {
          name: 'availsSource',
          type: 'json',
          admin: {
            readOnly: true,
            description: label('licencesAvailsSourceDescription'),
          },
        },
        {
          name: 'availsImport',
          type: 'relationship',
          relationTo: 'avails-imports',
          admin: { readOnly: true, description: label('licencesAvailsImportDescription') },
        },
      ],
    },
    {
      type: 'collapsible',
      label: label('licencesConflictsAndWarnings'),
      fields: [
        {
          name: 'hasConflicts',
          label: label('licencesHasConflicts'),
          type: 'checkbox',
          index: true,
          defaultValue: false,
          admin: { readOnly: true, position: 'sidebar' },
        },
        {
          name: 'conflicts',
          label: label('licencesConflicts'),
          type: 'array',
          admin: {
            readOnly: true,
            description: label('licencesConflictsDescription'),
          },
          fields: overlapEntryFields,
        },
        {
          name: 'warnings',
          label: label('licencesWarnings'),
          type: 'array',
          admin: { readOnly: true, description: label('licencesWarningsDescription') },
          fields: overlapEntryFields,
        },
      ],
    },
  ],
}
