import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Video } from '../../src/payload-types'
import { testBackends } from './support/backends'
import {
  type CatalogFixtures,
  createAs,
  createCatalogFixtures,
  createPersonas,
  imageFile,
  licenseForViewing,
  newDocumentData,
  type Persona,
  type PersonaUsers,
} from './support/fixtures'
import { payloadFor, type TestPayload } from './support/payloadFor'

type Operation = 'create' | 'read' | 'update' | 'delete' | 'publish'

/**
 * The role matrix of the foundation issue. 'published' means: reads succeed but return
 * published documents only; 'self' means: only the user's own account.
 */
type Grant = boolean | 'published' | 'self'
type Rules = Record<Persona, Partial<Record<Operation, Grant>>>

const editorial: Rules = {
  admin: { create: true, read: true, update: true, delete: true, publish: true },
  editor: { create: true, read: true, update: true, delete: true, publish: true },
  licensing: { create: false, read: true, update: false, delete: false, publish: false },
  apiConsumer: { create: false, read: 'published', update: false, delete: false, publish: false },
  public: { create: false, read: 'published', update: false, delete: false, publish: false },
}
const media: Rules = {
  admin: { create: true, read: true, update: true, delete: true },
  editor: { create: true, read: true, update: true, delete: true },
  licensing: { create: false, read: true, update: false, delete: false },
  apiConsumer: { create: false, read: true, update: false, delete: false },
  public: { create: false, read: true, update: false, delete: false },
}
/** Images and videos: the public gets files by URL and media populated into titles, no queries. */
const mediaFiles: Rules = {
  ...media,
  apiConsumer: { create: false, read: false, update: false, delete: false },
  public: { create: false, read: false, update: false, delete: false },
}
const rights: Rules = {
  admin: { create: true, read: true, update: true, delete: true },
  editor: { create: false, read: true, update: false, delete: false },
  licensing: { create: true, read: true, update: true, delete: true },
  apiConsumer: { create: false, read: false, update: false, delete: false },
  public: { create: false, read: false, update: false, delete: false },
}
const accounts: Rules = {
  admin: { create: true, read: true, update: true, delete: true },
  editor: { create: false, read: 'self', update: 'self', delete: false },
  licensing: { create: false, read: 'self', update: 'self', delete: false },
  apiConsumer: { create: false, read: false, update: false, delete: false },
  public: { create: false, read: false, update: false, delete: false },
}

const matrix: Partial<Record<CollectionSlug, Rules>> = {
  films: editorial,
  series: editorial,
  seasons: editorial,
  episodes: editorial,
  people: media,
  genres: media,
  images: mediaFiles,
  videos: mediaFiles,
  licences: rights,
  regions: rights,
  users: accounts,
}

const versioned = new Set<CollectionSlug>(['films', 'series', 'seasons', 'episodes'])

type Case = { collection: CollectionSlug; persona: Persona; operation: Operation; grant: Grant }

const cases: Case[] = Object.entries(matrix).flatMap(([collection, rules]) =>
  (Object.entries(rules) as [Persona, Rules[Persona]][]).flatMap(([persona, operations]) =>
    (Object.entries(operations) as [Operation, Grant][]).map(([operation, grant]) => ({
      collection: collection as CollectionSlug,
      persona,
      operation,
      grant,
    })),
  ),
)

const updateData = (collection: CollectionSlug): Record<string, unknown> => {
  switch (collection) {
    case 'users':
      return { name: 'Renamed' }
    case 'images':
      return { alt: 'Changed alt' }
    case 'people':
    case 'regions':
      return { name: 'Changed name' }
    case 'genres':
      return { name: 'Changed genre' }
    case 'licences':
      return { notes: 'Changed' }
    default:
      return { title: 'Changed title' }
  }
}

const expectForbidden = async (promise: Promise<unknown>) => {
  await expect(promise).rejects.toMatchObject({ status: 403 })
}

describe.each(testBackends)('role matrix on $kind', (backend) => {
  let ctx: TestPayload
  let payload: Payload
  let fixtures: CatalogFixtures
  let users: PersonaUsers

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    payload = ctx.payload
    users = await createPersonas(payload)
    fixtures = await createCatalogFixtures(payload)
  })
  afterAll(async () => ctx?.destroy())

  // Every reader reads as a viewer in Germany, where the read test licenses its titles.
  const as = (persona: Persona) => ({
    overrideAccess: false,
    context: { viewerTerritory: 'DE' },
    ...(persona === 'public' ? {} : { user: users[persona] }),
  })

  const aDocument = async (collection: CollectionSlug, extra: Record<string, unknown> = {}) =>
    createAs(payload, collection, { ...(await newDocumentData(collection, fixtures)), ...extra })

  it.skipIf(!backend.serverUrl).each(cases)(
    '$persona $operation $collection: $grant',
    async ({ collection, persona, operation, grant }) => {
      switch (operation) {
        case 'create': {
          const data = await newDocumentData(collection, fixtures)
          const file = collection === 'images' ? { file: await imageFile() } : {}
          const attempt = payload.create({ collection, data, ...file, ...as(persona) })
          if (grant) await expect(attempt).resolves.toMatchObject({ id: expect.anything() })
          else await expectForbidden(attempt)
          return
        }
        case 'read': {
          const draft = versioned.has(collection)
            ? await aDocument(collection, { _status: 'draft' })
            : undefined
          const published = versioned.has(collection)
            ? await aDocument(collection, { _status: 'published' })
            : await aDocument(collection)
          if (versioned.has(collection)) {
            const title = collection as 'films' | 'series' | 'seasons' | 'episodes'
            await licenseForViewing(payload, title, published.id as number, fixtures)
            await licenseForViewing(payload, title, (draft as { id: number }).id, fixtures)
          }
          const attempt = payload.find({ collection, limit: 0, pagination: false, ...as(persona) })
          if (grant === false) {
            await expectForbidden(attempt)
            return
          }
          const ids = (await attempt).docs.map((doc) => doc.id)
          if (grant === 'self') {
            expect(ids).toEqual([users[persona as Exclude<Persona, 'public'>].id])
            return
          }
          expect(ids).toContain(published.id)
          if (draft) {
            if (grant === 'published') expect(ids).not.toContain(draft.id)
            else expect(ids).toContain(draft.id)
          }
          return
        }
        case 'update': {
          const target =
            grant === 'self'
              ? users[persona as Exclude<Persona, 'public'>]
              : await aDocument(
                  collection,
                  versioned.has(collection) ? { _status: 'published' } : {},
                )
          const attempt = payload.update({
            collection,
            id: target.id as number,
            data: updateData(collection),
            ...as(persona),
          })
          if (grant) await expect(attempt).resolves.toMatchObject({ id: target.id })
          else await expectForbidden(attempt)
          if (grant === 'self') {
            const someoneElse = users.admin.id === target.id ? users.editor : users.admin
            await expect(
              payload.update({
                collection,
                id: someoneElse.id as number,
                data: { name: 'x' },
                ...as(persona),
              }),
            ).rejects.toMatchObject({ status: expect.any(Number) })
          }
          return
        }
        case 'delete': {
          const target = await aDocument(collection)
          const attempt = payload.delete({ collection, id: target.id, ...as(persona) })
          if (grant) {
            await attempt
            const left = await payload.count({ collection, where: { id: { equals: target.id } } })
            expect(left.totalDocs).toBe(0)
          } else {
            await expectForbidden(attempt)
            const left = await payload.count({ collection, where: { id: { equals: target.id } } })
            expect(left.totalDocs).toBe(1)
          }
          return
        }
        case 'publish': {
          const draft = await aDocument(collection, { _status: 'draft' })
          const attempt = payload.update({
            collection,
            id: draft.id,
            data: { _status: 'published' },
            ...as(persona),
          })
          if (grant) await expect(attempt).resolves.toMatchObject({ _status: 'published' })
          else await expectForbidden(attempt)
          const stored = await payload.findByID({ collection, id: draft.id, depth: 0 })
          expect((stored as { _status?: string })._status).toBe(grant ? 'published' : 'draft')
          return
        }
      }
    },
  )

  it.skipIf(!backend.serverUrl)('only an admin can change roles', async () => {
    const editor = users.editor
    await payload.update({
      collection: 'users',
      id: editor.id as number,
      data: { roles: ['admin'] },
      overrideAccess: false,
      user: editor,
    })
    const stored = await payload.findByID({ collection: 'users', id: editor.id as number })
    expect(stored.roles).toEqual(['editor'])
  })

  it.skipIf(!backend.serverUrl)('hides private video fields from the public', async () => {
    const video = await payload.create({
      collection: 'videos',
      data: {
        title: 'Private bits',
        muxAssetId: 'asset-1',
        sourceUrl: 'https://example.test/v.mp4',
      },
    })
    // The public sees a video only populated into a title it may watch.
    const film = await payload.create({
      collection: 'films',
      data: { title: `With private bits ${video.id}`, video: video.id, _status: 'published' },
    })
    await licenseForViewing(payload, 'films', film.id, fixtures)
    const seenByPublic = (
      await payload.findByID({ collection: 'films', id: film.id, depth: 1, ...as('public') })
    ).video as Video
    expect(seenByPublic.title).toBe('Private bits')
    expect(seenByPublic).not.toHaveProperty('muxAssetId')
    expect(seenByPublic).not.toHaveProperty('sourceUrl')
    const seenByEditor = await payload.findByID({
      collection: 'videos',
      id: video.id,
      overrideAccess: false,
      user: users.editor,
    })
    expect(seenByEditor.muxAssetId).toBe('asset-1')
  })
})
