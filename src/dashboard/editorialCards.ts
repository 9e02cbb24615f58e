import type { PayloadRequest, Where } from 'payload'

import type { ContentCollection } from '../availability'
import { idOf } from '../rights/ids'
import {
  type CardItem,
  cardItemLimit,
  type DashboardCard,
  newestItems,
  plainInstant,
  soonestItems,
} from './cards'

type Listed = { id: string | number; title?: string | null; updatedAt?: string | null }

const listOf = async (
  req: PayloadRequest,
  collection: ContentCollection,
  where: Where,
): Promise<{ totalDocs: number; items: CardItem[] }> => {
  const { docs, totalDocs } = await req.payload.find({
    collection,
    where,
    sort: '-updatedAt',
    limit: cardItemLimit,
    depth: 0,
    overrideAccess: true,
    locale: req.locale ?? undefined,
    select: { title: true, updatedAt: true },
    req,
  })
  return {
    totalDocs,
    items: (docs as Listed[]).map((doc) => ({
      key: `${collection}/${doc.id}`,
      label: doc.title ?? `${collection}/${doc.id}`,
      href: `/admin/collections/${collection}/${doc.id}`,
      instant: plainInstant(doc.updatedAt),
    })),
  }
}

const draftCollections: ContentCollection[] = ['films', 'series', 'seasons', 'episodes']
/** The titles that play a video themselves (series and seasons play their episodes'). */
const playableCollections = ['films', 'episodes'] as const

type ScheduleInput = {
  type?: string
  doc?: { relationTo?: string; value?: unknown }
}

/** Scheduled publishes still to run (Payload's `schedulePublish` jobs), soonest first. */
const scheduledCard = async (req: PayloadRequest): Promise<DashboardCard> => {
  const { docs, totalDocs } = await req.payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    sort: 'waitUntil',
    limit: cardItemLimit,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const items: CardItem[] = []
  for (const job of docs) {
    const input = (job.input ?? {}) as ScheduleInput
    const collection = input.doc?.relationTo
    const id = idOf(input.doc?.value)
    if (!collection || !id || !(draftCollections as string[]).includes(collection)) continue
    const { docs: found } = await req.payload.find({
      collection: collection as ContentCollection,
      where: { id: { equals: id } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      draft: true,
      locale: req.locale ?? undefined,
      select: { title: true },
      req,
    })
    const title = (found[0] as Listed | undefined)?.title
    items.push({
      key: String(job.id),
      label: title ?? `${collection}/${id}`,
      href: `/admin/collections/${collection}/${id}`,
      instant: plainInstant(job.waitUntil),
      tag: input.type === 'unpublish' ? 'unpublish' : 'publish',
    })
  }
  return {
    kind: 'scheduled',
    count: totalDocs,
    // Payload keeps the schedules in its hidden jobs collection; what waits for them are drafts.
    href: '/admin/collections/films?where[_status][equals]=draft',
    items: soonestItems([items]),
  }
}

/** The editorial desk's cards: drafts, scheduled publishes, titles without a video. */
export const loadEditorialCards = async (req: PayloadRequest): Promise<DashboardCard[]> => {
  const drafts = await Promise.all(
    draftCollections.map((collection) => listOf(req, collection, { _status: { equals: 'draft' } })),
  )
  const noVideo = await Promise.all(
    playableCollections.map((collection) => listOf(req, collection, { video: { exists: false } })),
  )
  const total = (lists: { totalDocs: number }[]) =>
    lists.reduce((sum, list) => sum + list.totalDocs, 0)
  return [
    {
      kind: 'drafts',
      count: total(drafts),
      href: '/admin/collections/films?where[_status][equals]=draft',
      items: newestItems(drafts.map((list) => list.items)),
    },
    await scheduledCard(req),
    {
      kind: 'noVideo',
      count: total(noVideo),
      href: '/admin/collections/films?where[video][exists]=false',
      items: newestItems(noVideo.map((list) => list.items)),
    },
  ]
}
