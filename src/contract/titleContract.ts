import type { Field } from 'payload'

import { nullableGroup } from '../fields/nullableGroup'

/**
 * The viewer-facing shapes public catalog reads carry, declared once as plain field
 * descriptions. Payload derives from them both the TypeScript interfaces in
 * src/payload-types.ts and the GraphQL object types in schema.graphql (a virtual group with an
 * `interfaceName` becomes a named type in both); the code that fills them is typed with the
 * generated interfaces, so the three cannot drift apart.
 */

/** Interface and GraphQL type names: part of the public contract, never renamed lightly. */
export const contractTypeNames = {
  availabilitySummary: 'AvailabilitySummary',
  titlePlayback: 'TitlePlayback',
  playbackInfo: 'PlaybackInfo',
} as const

/** How ids are typed where they point at documents: as the database adapter's ids. */
export type IdFieldType = 'number' | 'text'

/** Members are computed on reads, never stored or validated on saves. */
const computed = (fields: Field[]): Field[] =>
  fields.map((field) => ({ ...field, virtual: true }) as Field)

/** What the viewer may do with a title in their territory, and until when. */
export const availabilitySummaryFields: Field[] = computed([
  { name: 'territory', type: 'text', required: true },
  { name: 'licenceTypes', type: 'text', hasMany: true, required: true },
  { name: 'formats', type: 'text', hasMany: true, required: true },
  {
    name: 'validUntil',
    type: 'date',
    admin: { description: 'When this answer may change (UTC); null when it will not.' },
  },
])

/** Everything a player needs for one video, ready to use. */
export const playbackInfoFields = (idType: IdFieldType): Field[] =>
  computed([
    idType === 'number'
      ? { name: 'videoId', type: 'number', required: true, custom: { documentId: true } }
      : { name: 'videoId', type: 'text', required: true, custom: { documentId: true } },
    { name: 'policy', type: 'select', options: ['signed', 'public'], required: true },
    { name: 'playbackId', type: 'text', required: true },
    { name: 'hls', type: 'text', required: true },
    { name: 'thumbnail', type: 'text', required: true },
    { name: 'storyboard', type: 'text', required: true },
    { name: 'duration', type: 'number' },
    { name: 'aspectRatio', type: 'text' },
    {
      name: 'expiresAt',
      type: 'date',
      admin: { description: 'Signed videos: when the tokens in the URLs stop working.' },
    },
  ])

/** The video relationships of a title a player may need; a title without one has null. */
export const playbackRelations = ['video', 'trailer'] as const
export type PlaybackRelation = (typeof playbackRelations)[number]

/** A title's playback: every title has the same type, a relationship it lacks is null. */
export const titlePlaybackFields = (idType: IdFieldType): Field[] =>
  computed(
    playbackRelations.map((name): Field => ({
      name,
      type: 'group',
      interfaceName: contractTypeNames.playbackInfo,
      fields: playbackInfoFields(idType),
      typescriptSchema: [nullableGroup],
    })),
  )

/** The members of each contract type, by type name (the id type does not change them). */
export const contractMembers: Record<string, Field[]> = {
  [contractTypeNames.availabilitySummary]: availabilitySummaryFields,
  [contractTypeNames.titlePlayback]: titlePlaybackFields('number'),
  [contractTypeNames.playbackInfo]: playbackInfoFields('number'),
}

/** Members holding a document's id: typed like the documents' own `id` everywhere. */
export const idMembersOf = (typeName: string): string[] =>
  (contractMembers[typeName] ?? []).flatMap((field) =>
    'name' in field && field.custom?.documentId === true ? [field.name] : [],
  )

/** Members that are never null (nor absent) when their object is there. */
export const requiredMembersOf = (typeName: string): string[] =>
  (contractMembers[typeName] ?? []).flatMap((field) =>
    'name' in field && 'required' in field && field.required === true ? [field.name] : [],
  )

/** The virtual `playback` group the Mux plugin fills on titles (`playback.field`). */
export const titlePlaybackField = (idType: IdFieldType): Field => ({
  name: 'playback',
  type: 'group',
  virtual: true,
  interfaceName: contractTypeNames.titlePlayback,
  admin: { hidden: true, readOnly: true },
  typescriptSchema: [nullableGroup],
  fields: titlePlaybackFields(idType),
})
