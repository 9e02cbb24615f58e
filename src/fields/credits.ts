import type { ArrayField } from 'payload'

const creditRoles = ['director', 'writer', 'actor', 'producer', 'composer'] as const

export const creditsField = (): ArrayField => ({
  name: 'credits',
  type: 'array',
  admin: { initCollapsed: true },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'person', type: 'relationship', relationTo: 'people', required: true },
        {
          name: 'role',
          type: 'select',
          required: true,
          options: creditRoles.map((role) => ({
            label: role[0].toUpperCase() + role.slice(1),
            value: role,
          })),
        },
        {
          name: 'character',
          type: 'text',
          localized: true,
          admin: { condition: (_, sibling) => sibling?.role === 'actor' },
        },
      ],
    },
  ],
})
