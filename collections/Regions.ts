import type { CollectionConfig } from 'payload'

import { allowRoles } from '../src/access/checkRole'
import { isStaff } from '../src/access/isStaff'
import { inEveryLanguage as label } from '../src/i18n'
import { isIanaTimeZone, isIso3166Alpha2 } from '../src/validation/codes'
import { normaliseRegionCode } from '../hooks/regions/normaliseRegionCode'
import { forgetDeletedRegion, refreshRegionPolicies } from '../hooks/regions/refreshRegionPolicies'

type RegionSiblings = { kind?: 'country' | 'group' | null }

const licensingStaff = allowRoles('admin', 'licensing')

export const Regions: CollectionConfig<'regions'> = {
  slug: 'regions',
  labels: { singular: label('regionsSingular'), plural: label('regionsPlural') },
  admin: {
    useAsTitle: 'code',
    defaultColumns: ['code', 'name', 'kind', 'timeZone'],
    group: 'Rights',
    listSearchableFields: ['code', 'name'],
  },
  hooks: { afterChange: [refreshRegionPolicies], afterDelete: [forgetDeletedRegion] },
  access: {
    read: isStaff,
    create: licensingStaff,
    update: licensingStaff,
    delete: licensingStaff,
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          label: label('regionsCode'),
          type: 'text',
          required: true,
          unique: true,
          index: true,
          hooks: { beforeValidate: [normaliseRegionCode] },
          admin: { description: label('regionsCodeDescription') },
          validate: (
            value: string | null | undefined,
            { siblingData }: { siblingData: unknown },
          ) => {
            if (!value) return 'A region needs a code.'
            const kind = (siblingData as RegionSiblings).kind ?? 'country'
            if (kind === 'country' && !isIso3166Alpha2(value)) {
              return `${value} is not an ISO 3166-1 alpha-2 country code.`
            }
            if (kind === 'group' && !/^[A-Z0-9][A-Z0-9-]{1,15}$/.test(value)) {
              return 'Group codes use capitals, digits and dashes, 2 to 16 characters (e.g. DACH).'
            }
            return true
          },
        },
        {
          name: 'kind',
          label: label('regionsKind'),
          type: 'select',
          required: true,
          defaultValue: 'country',
          options: [
            { label: label('regionsKindCountry'), value: 'country' },
            { label: label('regionsKindGroup'), value: 'group' },
          ],
        },
      ],
    },
    { name: 'name', label: label('regionsName'), type: 'text', localized: true, required: true },
    {
      name: 'members',
      label: label('regionsMembers'),
      type: 'relationship',
      relationTo: 'regions',
      hasMany: true,
      admin: { condition: (_, sibling) => sibling?.kind === 'group' },
    },
    {
      name: 'timeZone',
      label: label('regionsTimeZone'),
      type: 'text',
      admin: {
        condition: (_, sibling) => sibling?.kind !== 'group',
        description: label('regionsTimeZoneDescription'),
      },
      validate: (value: string | null | undefined, { siblingData }: { siblingData: unknown }) => {
        const kind = (siblingData as RegionSiblings).kind ?? 'country'
        if (kind === 'group') return true
        if (!value) return 'A country needs its reference IANA time zone.'
        return isIanaTimeZone(value) ? true : `${value} is not an IANA time zone.`
      },
    },
    {
      name: 'requiresApprovalNumber',
      label: label('regionsRequiresApprovalNumber'),
      type: 'checkbox',
      defaultValue: false,
      admin: {
        description: label('regionsRequiresApprovalNumberDescription'),
      },
    },
  ],
}
