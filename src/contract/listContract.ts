import type { JSONSchema4 } from 'json-schema'

import { matchTiers } from '../search/ranking'
import { contractTypeNames } from './titleContract'

/**
 * The shapes of the answers that are not documents: search results and rails (their items and
 * cards). Declared once here as members; src/payload-types.ts gets them as interfaces
 * (`listContractDefinitions`, through the config's typescript schema) and the GraphQL schema as
 * object types (src/graphql/listTypes.ts), and the code that builds them is typed with the
 * generated interfaces.
 */

/** The enumerations the members use, by GraphQL type name. */
export const listContractEnums = {
  TitleCollection: ['films', 'series'],
  SearchMatchTier: matchTiers,
} as const satisfies Record<string, readonly string[]>

export type ListContractEnum = keyof typeof listContractEnums

/** Shapes declared elsewhere that members point at. */
type ExternalType =
  typeof contractTypeNames.availabilitySummary | typeof contractTypeNames.playbackInfo

export type MemberType =
  | 'id'
  | 'string'
  | 'int'
  | 'float'
  | 'boolean'
  | 'dateTime'
  /** An image: populated (the `images` document) where the viewer may see it. */
  | 'image'
  | { enum: ListContractEnum }
  | { object: ListContractType | ExternalType }

export type ContractMember = {
  name: string
  type: MemberType
  /** Never null and always present. */
  required?: boolean
  list?: boolean
  description?: string
}

export const listContractTypeNames = [
  'SearchResults',
  'SearchHit',
  'SearchMatch',
  'AutomaticRail',
  'RailItem',
  'RailCard',
  'RailCardPlayback',
] as const
export type ListContractType = (typeof listContractTypeNames)[number]

const member = (
  name: string,
  type: MemberType,
  options: Omit<ContractMember, 'name' | 'type'> = {},
): ContractMember => ({ name, type, ...options })

const availability = member(
  'availability',
  { object: contractTypeNames.availabilitySummary },
  { description: "The viewer's availability summary, as on the title itself." },
)

export const listContract: Record<
  ListContractType,
  { description: string; members: ContractMember[] }
> = {
  SearchResults: {
    description: 'A page of search hits (GET /api/search, GraphQL Search), in rank order.',
    members: [
      member('docs', { object: 'SearchHit' }, { required: true, list: true }),
      member('totalDocs', 'int', { required: true }),
      member('limit', 'int', { required: true }),
      member('totalPages', 'int', { required: true }),
      member('page', 'int', { required: true }),
      member('pagingCounter', 'int', { required: true }),
      member('hasPrevPage', 'boolean', { required: true }),
      member('hasNextPage', 'boolean', { required: true }),
      member('prevPage', 'int'),
      member('nextPage', 'int'),
    ],
  },
  SearchHit: {
    description: 'A film or series whose title matched, in the locale asked for.',
    members: [
      member('id', 'id', { required: true }),
      member('collection', { enum: 'TitleCollection' }, { required: true }),
      member('title', 'string'),
      member('slug', 'string'),
      member('sortTitle', 'string'),
      member('poster', 'image'),
      availability,
      member('match', { object: 'SearchMatch' }, { required: true }),
    ],
  },
  SearchMatch: {
    description: 'How a hit matched.',
    members: [
      member('tier', { enum: 'SearchMatchTier' }, { required: true }),
      member('locale', 'string', {
        required: true,
        description: 'The locale of the title that matched.',
      }),
    ],
  },
  AutomaticRail: {
    description: 'An automatic rail for the viewer (GET /api/rails/:kind, GraphQL AutomaticRail).',
    members: [
      member('kind', 'string', { required: true }),
      member('territory', 'string', { required: true }),
      member('locale', 'string'),
      member('days', 'int', { description: 'new and leaving-soon only.' }),
      member('limit', 'int', { required: true }),
      member('items', { object: 'RailItem' }, { required: true, list: true }),
    ],
  },
  RailItem: {
    description: 'One title on a rail.',
    members: [
      member('relationTo', { enum: 'TitleCollection' }, { required: true }),
      member('value', { object: 'RailCard' }, { required: true }),
    ],
  },
  RailCard: {
    description: 'A title as a rail shows it, before it is opened.',
    members: [
      member('id', 'id', { required: true }),
      member('title', 'string'),
      member('slug', 'string'),
      member('tagline', 'string'),
      member('releaseYear', 'float'),
      member('poster', 'image'),
      member('backdrop', 'image'),
      { ...availability, description: 'Available titles: the viewer summary (not coming-soon).' },
      member('availableFrom', 'dateTime', {
        description: 'new: available without a break since; coming-soon: when it starts.',
      }),
      member('availableUntil', 'dateTime', {
        description: 'leaving-soon: when it stops being available.',
      }),
      member(
        'playback',
        { object: 'RailCardPlayback' },
        { description: 'coming-soon only: the trailer, never the main video.' },
      ),
    ],
  },
  RailCardPlayback: {
    description: 'What a coming-soon card may play: its trailer.',
    members: [member('trailer', { object: contractTypeNames.playbackInfo })],
  },
}

/** How documents' ids are typed where the types are generated (number on SQL). */
export type IdJsonType = 'number' | 'string'

const memberSchema = (type: MemberType, idType: IdJsonType): JSONSchema4 => {
  if (typeof type === 'object') {
    if ('enum' in type) return { type: 'string', enum: [...listContractEnums[type.enum]] }
    return { $ref: `#/definitions/${type.object}` }
  }
  switch (type) {
    case 'id':
      return { type: idType }
    case 'int':
      return { type: 'integer' }
    case 'float':
      return { type: 'number' }
    case 'dateTime':
    case 'string':
      return { type: 'string' }
    case 'boolean':
      return { type: 'boolean' }
    case 'image':
      return { oneOf: [{ type: idType }, { $ref: '#/definitions/images' }] }
  }
}

const nullable = (schema: JSONSchema4): JSONSchema4 =>
  typeof schema.type === 'string' && !schema.enum
    ? { ...schema, type: [schema.type, 'null'] }
    : { oneOf: [schema, { type: 'null' }] }

/** The JSON schema definitions of every list contract type (TypeScript interfaces). */
export const listContractDefinitions = (
  idType: IdJsonType,
  imageIdType: IdJsonType = idType,
): Record<ListContractType, JSONSchema4> =>
  Object.fromEntries(
    listContractTypeNames.map((name) => {
      const { description, members } = listContract[name]
      const properties = Object.fromEntries(
        members.map((entry) => {
          const single = memberSchema(entry.type, entry.type === 'image' ? imageIdType : idType)
          const schema = entry.list ? { type: 'array' as const, items: single } : single
          const typed = entry.required ? schema : nullable(schema)
          return [
            entry.name,
            entry.description ? { ...typed, description: entry.description } : typed,
          ]
        }),
      )
      const required = members.filter((entry) => entry.required).map((entry) => entry.name)
      return [
        name,
        {
          type: 'object',
          title: name,
          description,
          additionalProperties: false,
          properties,
          required,
        },
      ]
    }),
  ) as Record<ListContractType, JSONSchema4>

/** A rail's `items`: its titles for the viewer (null for staff, who edit `titles`). */
export const railItemsSchema = (): JSONSchema4 =>
  nullable({ type: 'array', items: { $ref: '#/definitions/RailItem' } })

type TypescriptSchemaArgs = {
  jsonSchema: JSONSchema4
  collectionIDFieldTypes: Record<string, IdJsonType>
}

/** The config's `typescript.schema` step that adds the list contract's interfaces. */
export const withListContract = ({
  jsonSchema,
  collectionIDFieldTypes,
}: TypescriptSchemaArgs): JSONSchema4 => ({
  ...jsonSchema,
  definitions: {
    ...jsonSchema.definitions,
    ...listContractDefinitions(
      collectionIDFieldTypes.films ?? 'number',
      collectionIDFieldTypes.images ?? 'number',
    ),
  },
})
