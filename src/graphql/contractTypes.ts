import type * as GraphQL from 'graphql'
import type { Field, GraphQLInfo } from 'payload'

import { contractTypeNames, idMembersOf, requiredMembersOf } from '../contract/titleContract'

type GraphQLModule = typeof GraphQL
type Source = Record<string, unknown> | null | undefined

const contractNames = new Set<string>(Object.values(contractTypeNames))

const contractNameOf = (field: GraphQL.GraphQLField<unknown, unknown>): string | undefined => {
  const config = (field.extensions as { field?: Field } | undefined)?.field
  const name = config && 'interfaceName' in config ? config.interfaceName : undefined
  return name && contractNames.has(name) ? name : undefined
}

/**
 * Payload turns the contract's groups (src/contract/titleContract.ts) into named GraphQL types,
 * but as an admin form sees a group: always an object (`null` resolves to one whose fields are
 * all null) and every member nullable. The contract says otherwise: a title without a summary or
 * a relationship without playback is `null`, and required members are never null. This makes
 * the GraphQL types say (and do) what the TypeScript types say, in every type that holds them
 * (titles, their versions, TitlePlayback itself), and ids are typed like `id` (Int on SQL).
 */
export const applyContractNullability = (graphQL: GraphQLModule, info: GraphQLInfo): void => {
  const seen = new Set<GraphQL.GraphQLObjectType>()
  const tightened = new Set<GraphQL.GraphQLObjectType>()
  const visit = (type: GraphQL.GraphQLType | undefined) => {
    const named = type ? graphQL.getNamedType(type) : undefined
    if (!graphQL.isObjectType(named) || seen.has(named)) return
    seen.add(named)
    for (const field of Object.values(named.getFields())) {
      const contractName = contractNameOf(field)
      if (contractName) {
        const name = field.name
        field.resolve = (parent: Source) => (parent?.[name] == null ? null : parent[name])
        const contractType = graphQL.getNamedType(field.type)
        if (graphQL.isObjectType(contractType) && !tightened.has(contractType)) {
          tightened.add(contractType)
          const members = contractType.getFields()
          // Payload types number fields as Float, but ids as Int: an id here is one too.
          for (const name of idMembersOf(contractType.name)) {
            const member = members[name]
            if (member && graphQL.getNamedType(member.type) === graphQL.GraphQLFloat) {
              member.type = graphQL.GraphQLInt
            }
          }
          for (const name of requiredMembersOf(contractType.name)) {
            const member = members[name]
            if (member && !graphQL.isNonNullType(member.type)) {
              member.type = new graphQL.GraphQLNonNull(member.type)
            }
          }
        }
      }
      visit(field.type)
    }
  }
  for (const collection of Object.values(info.collections)) {
    visit(collection.graphQL?.type)
    visit(collection.graphQL?.versionType)
  }
}
