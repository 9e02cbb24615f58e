import type { GroupField, PayloadRequest } from 'payload'

type TypescriptSchema = NonNullable<GroupField['typescriptSchema']>[number]

/**
 * A virtual group filled by a hook may be null (nothing to say); Payload types groups as
 * always present objects, so the generated type says it may be absent or null.
 */
export const nullableGroup: TypescriptSchema = ({ jsonSchema }) => ({
  oneOf: [jsonSchema, { type: 'null' }],
  required: false,
})

/**
 * What a read answers for a virtual group whose hook settled on `value` (null: nothing to say).
 * REST and GraphQL answer `value` as it is, null members included. Local API reads are what the
 * admin builds its forms from, and Payload's form-default walker descends into every group and
 * each of its members, throwing on a null one (typeof null is 'object'): there a null group
 * keeps what Payload read (`read`, the empty object it fills virtual groups with) and the null
 * members are left out.
 */
export const nullableGroupValue = <Members extends object>(
  api: PayloadRequest['payloadAPI'],
  read: unknown,
  value: Members | null,
): unknown => {
  if (api !== 'local') return value
  if (value === null) return read
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== null))
}
