import type * as GraphQL from 'graphql'
import type { GraphQLInfo } from 'payload'

import {
  type ContractMember,
  listContract,
  listContractEnums,
  type ListContractType,
  type MemberType,
} from '../contract/listContract'

type GraphQLModule = typeof GraphQL
type Source = Record<string, unknown> | null | undefined

export type ListTypes = Record<ListContractType, GraphQL.GraphQLObjectType>

/** Every named object type reachable from the collections' types, by name. */
const objectTypesOf = (graphQL: GraphQLModule, info: GraphQLInfo) => {
  const found = new Map<string, GraphQL.GraphQLObjectType>()
  const visit = (type: GraphQL.GraphQLType | undefined) => {
    const named = type ? graphQL.getNamedType(type) : undefined
    if (!graphQL.isObjectType(named) || found.has(named.name)) return
    found.set(named.name, named)
    for (const field of Object.values(named.getFields())) visit(field.type)
  }
  for (const collection of Object.values(info.collections)) visit(collection.graphQL?.type)
  return found
}

/**
 * The GraphQL object types of the list contract (src/contract/listContract.ts): search results
 * and rails. Members point at the types Payload built (AvailabilitySummary, PlaybackInfo,
 * Image), and ids are typed like the films' `id` (Int on SQL).
 */
export const buildListTypes = (graphQL: GraphQLModule, info: GraphQLInfo): ListTypes => {
  const existing = objectTypesOf(graphQL, info)
  const filmType = info.collections.films?.graphQL?.type
  const imageType = info.collections.images?.graphQL?.type
  if (!filmType || !imageType) throw new Error('The list contract needs films and images.')
  const filmFields = filmType.getFields()
  const idType = graphQL.getNamedType(filmFields.id.type) as GraphQL.GraphQLScalarType
  const dateTimeType = graphQL.getNamedType(filmFields.updatedAt.type) as GraphQL.GraphQLScalarType

  const enums = Object.fromEntries(
    Object.entries(listContractEnums).map(([name, values]) => [
      name,
      new graphQL.GraphQLEnumType({
        name,
        values: Object.fromEntries(values.map((value) => [value, { value }])),
      }),
    ]),
  ) as Record<keyof typeof listContractEnums, GraphQL.GraphQLEnumType>

  const types = {} as ListTypes
  const namedType = (type: MemberType): GraphQL.GraphQLNamedOutputType => {
    if (typeof type === 'object') {
      if ('enum' in type) return enums[type.enum]
      const target =
        type.object in listContract
          ? types[type.object as ListContractType]
          : existing.get(type.object)
      if (!target) throw new Error(`The list contract points at an unknown type ${type.object}.`)
      return target
    }
    switch (type) {
      case 'id':
        return idType
      case 'string':
        return graphQL.GraphQLString
      case 'int':
        return graphQL.GraphQLInt
      case 'float':
        return graphQL.GraphQLFloat
      case 'boolean':
        return graphQL.GraphQLBoolean
      case 'dateTime':
        return dateTimeType
      case 'image':
        return imageType
    }
  }
  const fieldOf = (entry: ContractMember): GraphQL.GraphQLFieldConfig<Source, unknown> => {
    const single = namedType(entry.type)
    const listed = entry.list ? new graphQL.GraphQLList(new graphQL.GraphQLNonNull(single)) : single
    const name = entry.name
    return {
      type: entry.required ? new graphQL.GraphQLNonNull(listed) : listed,
      description: entry.description,
      // An image the read left as an id (the viewer may not see it) is no image.
      resolve:
        entry.type === 'image'
          ? (parent) => {
              const value = parent?.[name]
              return value && typeof value === 'object' ? value : null
            }
          : (parent) => parent?.[name] ?? null,
    }
  }
  for (const [name, { description, members }] of Object.entries(listContract)) {
    types[name as ListContractType] = new graphQL.GraphQLObjectType<Source>({
      name,
      description,
      fields: () => Object.fromEntries(members.map((entry) => [entry.name, fieldOf(entry)])),
    })
  }
  return types
}

/** The rails' `items` (JSON to Payload) are the contract's RailItem list. */
export const typeRailItems = (
  graphQL: GraphQLModule,
  info: GraphQLInfo,
  railItem: GraphQL.GraphQLObjectType,
): void => {
  const items = info.collections.rails?.graphQL?.type.getFields().items
  if (!items) throw new Error('The rails collection has no `items` field.')
  items.type = new graphQL.GraphQLList(new graphQL.GraphQLNonNull(railItem))
  items.resolve = (parent: Source) => parent?.items ?? null
}
