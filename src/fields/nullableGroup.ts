import type { GroupField } from 'payload'

type TypescriptSchema = NonNullable<GroupField['typescriptSchema']>[number]

/**
 * A virtual group filled by a hook may be null (nothing to say); Payload types groups as
 * always present objects, so the generated type says it may be absent or null.
 */
export const nullableGroup: TypescriptSchema = ({ jsonSchema }) => ({
  oneOf: [jsonSchema, { type: 'null' }],
  required: false,
})
