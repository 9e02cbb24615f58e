import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  type ValidationContext,
} from 'graphql'

/** The GraphQL budget of one operation; see README "GraphQL limits". */
export type QueryBudget = { maxCost: number; maxDepth: number; maxRootFields: number }

/** What a selection costs: one per field, a database query per list, times the page size. */
const costModel = {
  field: 1,
  query: 10,
  defaultLimit: 10,
  /** `limit: 0` and `pagination: false` read everything: priced as this many documents. */
  unboundedLimit: 1000,
  /** Lists without a limit argument (hasMany relationships, arrays). */
  listLength: 10,
} as const

/**
 * The schema types this walk needs, read structurally: under Vitest, Payload's schema and this
 * module may load different copies of graphql, so `instanceof` and graphql's type predicates
 * cannot be used.
 */
type SchemaType = { ofType?: SchemaType; getFields?: () => Record<string, SchemaField> }
type SchemaField = { type: SchemaType }

type Measure = { cost: number; depth: number }

type Walk = {
  fragments: Map<string, FragmentDefinitionNode>
  variables: Record<string, unknown>
  schemaTypeNamed: (name: string) => SchemaType | undefined
  memo: Map<string, Measure>
}

const unwrap = (type: SchemaType | undefined): { named?: SchemaType; list: boolean } => {
  let list = false
  let current = type
  while (current?.ofType) {
    // A list prints as `[Type]`, a non-null wrapper as `Type!`.
    if (String(current).startsWith('[')) list = true
    current = current.ofType
  }
  return { named: current, list }
}

const isPaginated = (type: SchemaType | undefined): boolean => {
  const fields = type?.getFields?.()
  return Boolean(fields && 'docs' in fields && ('totalDocs' in fields || 'hasNextPage' in fields))
}

const valueOf = (node: ValueNode | undefined, variables: Record<string, unknown>): unknown => {
  if (!node) return undefined
  if (node.kind === Kind.VARIABLE) return variables[node.name.value]
  if (node.kind === Kind.INT) return Number(node.value)
  if (node.kind === Kind.BOOLEAN) return node.value
  return undefined
}

const pageSize = (args: Record<string, unknown>): number => {
  if (args.pagination === false) return costModel.unboundedLimit
  const limit = args.limit
  if (typeof limit !== 'number') return costModel.defaultLimit
  return limit <= 0 ? costModel.unboundedLimit : limit
}

const measureSelections = (
  selectionSet: SelectionSetNode | undefined,
  parent: SchemaType | undefined,
  walk: Walk,
): Measure => {
  if (!selectionSet) return { cost: 0, depth: 0 }
  let cost = 0
  let depth = 0
  for (const selection of selectionSet.selections) {
    let measured: Measure
    if (selection.kind === Kind.FIELD) {
      const field = parent?.getFields?.()[selection.name.value]
      const { named, list } = unwrap(field?.type)
      const children = measureSelections(selection.selectionSet, named, walk)
      const args: Record<string, unknown> = {}
      for (const argument of selection.arguments ?? []) {
        args[argument.name.value] = valueOf(argument.value, walk.variables)
      }
      let fieldCost = costModel.field + children.cost
      if (selection.selectionSet && isPaginated(named)) {
        // A database query, and its page of `docs` (each priced by its selection).
        const docsType = unwrap(named?.getFields?.().docs?.type).named
        fieldCost = costModel.query
        for (const child of selection.selectionSet.selections) {
          const isDocs = child.kind === Kind.FIELD && child.name.value === 'docs'
          const inner = measureSelections(
            isDocs ? child.selectionSet : { kind: Kind.SELECTION_SET, selections: [child] },
            isDocs ? docsType : named,
            walk,
          )
          fieldCost += isDocs ? costModel.field + pageSize(args) * inner.cost : inner.cost
        }
      } else if (selection.selectionSet && list) {
        fieldCost = costModel.field + costModel.listLength * children.cost
      }
      measured = { cost: fieldCost, depth: 1 + children.depth }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value
      measured = measureSelections(
        selection.selectionSet,
        typeName ? walk.schemaTypeNamed(typeName) : parent,
        walk,
      )
    } else {
      const name = selection.name.value
      const known = walk.memo.get(name)
      if (known) {
        measured = known
      } else {
        const fragment = walk.fragments.get(name)
        measured = fragment
          ? measureSelections(
              fragment.selectionSet,
              walk.schemaTypeNamed(fragment.typeCondition.name.value),
              walk,
            )
          : { cost: 0, depth: 0 }
        walk.memo.set(name, measured)
      }
    }
    cost += measured.cost
    depth = Math.max(depth, measured.depth)
  }
  return { cost, depth }
}

/** Fragments that spread themselves, directly or through others. */
const fragmentCycles = (fragments: Map<string, FragmentDefinitionNode>): string[] => {
  const spreadsOf = (set: SelectionSetNode | undefined, into: Set<string>) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) into.add(selection.name.value)
      else spreadsOf(selection.selectionSet, into)
    }
    return into
  }
  const state = new Map<string, 'visiting' | 'done'>()
  const cyclic = new Set<string>()
  const visit = (name: string, trail: string[]) => {
    if (state.get(name) === 'done' || !fragments.has(name)) return
    if (state.get(name) === 'visiting') {
      for (const member of trail.slice(trail.indexOf(name))) cyclic.add(member)
      return
    }
    state.set(name, 'visiting')
    for (const next of spreadsOf(fragments.get(name)?.selectionSet, new Set())) {
      visit(next, [...trail, name])
    }
    state.set(name, 'done')
  }
  for (const name of fragments.keys()) visit(name, [])
  return [...cyclic]
}

const rootTypeOf = (context: ValidationContext, operation: OperationDefinitionNode) => {
  const schema = context.getSchema()
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType()
  return (root ?? undefined) as SchemaType | undefined
}

/** Counts the root fields, depth and cost of each operation (fragments expanded once). */
const measureOperation = (
  context: ValidationContext,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): Measure & { rootFields: number } => {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition)
  }
  const schema = context.getSchema()
  const walk: Walk = {
    fragments,
    variables,
    schemaTypeNamed: (name) => (schema.getType(name) ?? undefined) as SchemaType | undefined,
    memo: new Map(),
  }
  const rootType = rootTypeOf(context, operation)
  const measured = measureSelections(operation.selectionSet, rootType, walk)
  const rootWalk: Walk = { ...walk, memo: new Map() }
  const countRootFields = (set: SelectionSetNode, seen: Set<string>): number =>
    set.selections.reduce((count, selection) => {
      if (selection.kind === Kind.FIELD) return count + 1
      if (selection.kind === Kind.INLINE_FRAGMENT)
        return count + countRootFields(selection.selectionSet, seen)
      const fragment = rootWalk.fragments.get(selection.name.value)
      if (!fragment || seen.has(fragment.name.value)) return count
      return count + countRootFields(fragment.selectionSet, new Set([...seen, fragment.name.value]))
    }, 0)
  return { ...measured, rootFields: countRootFields(operation.selectionSet, new Set()) }
}

const emptyDocument: DocumentNode = { kind: Kind.DOCUMENT, definitions: [] }

/**
 * Refuses, before anything else looks at it, a GraphQL document with fragment cycles, too many
 * root fields (aliases count), too deep, or too costly. Runs on `Document` and, when it refuses,
 * hands the other validation rules an empty document: Payload's complexity rule expands
 * fragments without a cycle check (a recursive fragment overflows the stack before graphql's
 * NoFragmentCyclesRule, which runs on the fragment definitions later, reports it), and with
 * exponentially nested fragments its walk alone would block the event loop.
 */
export const queryBudgetRule =
  (budget: QueryBudget, variables: Record<string, unknown> = {}) =>
  (context: ValidationContext): ASTVisitor => ({
    Document: {
      enter(document) {
        const errors: string[] = []
        const fragments = new Map<string, FragmentDefinitionNode>()
        for (const definition of document.definitions) {
          if (definition.kind === Kind.FRAGMENT_DEFINITION) {
            fragments.set(definition.name.value, definition)
          }
        }
        for (const name of fragmentCycles(fragments)) {
          errors.push(`Cannot spread fragment "${name}" within itself.`)
        }
        if (errors.length === 0) {
          for (const definition of document.definitions) {
            if (definition.kind !== Kind.OPERATION_DEFINITION) continue
            const measured = measureOperation(context, document, definition, variables)
            if (measured.rootFields > budget.maxRootFields) {
              errors.push(
                `The query has ${measured.rootFields} top-level fields (aliases count); at most ${budget.maxRootFields} are allowed.`,
              )
            }
            if (measured.depth > budget.maxDepth) {
              errors.push(
                `The query is ${measured.depth} levels deep; at most ${budget.maxDepth} are allowed.`,
              )
            }
            if (measured.cost > budget.maxCost) {
              errors.push(
                `The query costs ${measured.cost}; at most ${budget.maxCost} is allowed (see the GraphQL limits in the API documentation).`,
              )
            }
          }
        }
        if (errors.length === 0) return undefined
        for (const message of errors) {
          context.reportError(new GraphQLError(message, { extensions: { code: 'QUERY_BUDGET' } }))
        }
        return emptyDocument
      },
    },
  })
