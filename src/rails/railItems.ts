import type { PayloadRequest, Where } from 'payload'

import { publicMaxLimitOf } from '../api/limits'
import type { ContentCollection } from '../availability'
import type { Image, PlaybackInfo, RailCard, RailItem } from '../payload-types'
import type { RowState } from '../rights/materialize'
import { openEndInstant, rowsInForce } from '../rights/rowsInForce'
import { type AvailabilitySummary, nextAppearance } from '../rights/summary'
import { availabilityInstantOf, viewerTerritoryOf } from '../rights/viewerTerritory'
import type { RailSpec } from './railKinds'

/** The titles a rail lists: films and series. */
export type RailCollection = Extract<ContentCollection, 'films' | 'series'>
const railCollections: readonly RailCollection[] = ['films', 'series']

/** One title on a rail, as a card (the list contract's RailCard, src/contract/listContract.ts). */
export type { RailCard, RailItem }

/** A rail's titles and the instants at which that answer could change (its cache bound). */
export type RailAnswer = { items: RailItem[]; changes: (string | null)[] }

type Ref = { relationTo: RailCollection; id: string }

/** Titles read per query: within the public page limits (PUBLIC_MAX_LIMIT, limit x depth). */
const pageSizeOf = (req: PayloadRequest) => Math.min(50, publicMaxLimitOf(req.payload.config))

/** The card fields of a visible title. */
const cardSelect = {
  title: true,
  slug: true,
  tagline: true,
  releaseYear: true,
  poster: true,
  backdrop: true,
  // A virtual group: without it in `select`, the read leaves the summary out.
  availability: true,
} as const

/** The viewer's territory and instant, as every public read takes them. */
export const viewerOf = async (req: PayloadRequest) => ({
  territory: await viewerTerritoryOf(req),
  at: availabilityInstantOf(req),
})

/** What a read with `cardSelect` gives, for films and series alike. */
type CardSource = {
  id: number
  title?: string | null
  slug?: string | null
  tagline?: string | null
  releaseYear?: number | null
  poster?: number | Image | null
  backdrop?: number | Image | null
  availability?: AvailabilitySummary | null
}

const cardOf = (doc: CardSource): RailCard => ({
  id: doc.id,
  title: doc.title ?? null,
  slug: doc.slug ?? null,
  tagline: doc.tagline ?? null,
  releaseYear: doc.releaseYear ?? null,
  poster: doc.poster ?? null,
  backdrop: doc.backdrop ?? null,
  availability: doc.availability ?? null,
})

/**
 * These titles, in this order, as far as the viewer may see them: read through the public
 * content API's own access (published and available here and now) and its summaries. Hidden
 * titles are left out, not even their ids remain.
 */
export const visibleCards = async (
  req: PayloadRequest,
  refs: readonly Ref[],
): Promise<{ cards: Map<string, RailCard>; changes: (string | null)[] }> => {
  const cards = new Map<string, RailCard>()
  const changes: (string | null)[] = []
  for (const collection of railCollections) {
    const ids = [
      ...new Set(refs.filter((ref) => ref.relationTo === collection).map((ref) => ref.id)),
    ]
    if (ids.length === 0) continue
    const docs = []
    const pageSize = pageSizeOf(req)
    // Public pages are bounded (PUBLIC_MAX_LIMIT): a long curated rail is read in pages.
    for (let from = 0; from < ids.length; from += pageSize) {
      const page = ids.slice(from, from + pageSize)
      const found = await req.payload.find({
        collection,
        where: { id: { in: page } },
        select: cardSelect,
        depth: 1,
        limit: page.length,
        locale: req.locale ?? undefined,
        fallbackLocale: req.fallbackLocale ?? undefined,
        overrideAccess: false,
        joins: false,
        req,
      })
      docs.push(...found.docs)
    }
    for (const doc of docs) {
      const card = cardOf(doc)
      cards.set(`${collection}/${doc.id}`, card)
      changes.push(card.availability?.validUntil ?? null)
    }
    // A hidden title of the list that becomes visible changes the rail.
    const shown = new Set(docs.map((doc) => String(doc.id)))
    const hidden = ids.filter((id) => !shown.has(id))
    if (hidden.length > 0) {
      const { territory, at } = await viewerOf(req)
      changes.push(
        await nextAppearance(req.payload, collection, territory, at, req, { ids: hidden }),
      )
    }
  }
  return { cards, changes }
}

type RowHit = {
  contentKey: string
  availableFrom?: string | null
  availableUntil?: string | null
  end: string
}

const rowsFor = async (
  req: PayloadRequest,
  where: Where[],
  sort: string,
  limit: number,
): Promise<RowHit[]> => {
  const { docs } = await req.payload.find({
    collection: 'availability-windows',
    where: { and: [{ titleCollection: { in: [...railCollections] } }, ...where] },
    sort,
    limit,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { contentKey: true, availableFrom: true, availableUntil: true, end: true },
    req,
  })
  return docs
}

const refOf = (contentKey: string): Ref => {
  const [relationTo, id] = contentKey.split('/') as [RailCollection, string]
  return { relationTo, id }
}

const daysMs = (days: number) => days * 86_400_000

const shift = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString()

/** Rows may be shown only as far as the titles are: order kept, hidden titles left out. */
const itemsFromRows = async (
  req: PayloadRequest,
  rows: readonly RowHit[],
  limit: number,
  extra: (row: RowHit) => Partial<RailCard>,
): Promise<RailAnswer> => {
  const refs = rows.map((row) => refOf(row.contentKey))
  const { cards, changes } = await visibleCards(req, refs)
  const items: RailItem[] = []
  rows.forEach((row, position) => {
    const ref = refs[position]
    const card = cards.get(row.contentKey)
    if (card && items.length < limit)
      items.push({ relationTo: ref.relationTo, value: { ...card, ...extra(row) } })
  })
  return { items, changes }
}

/**
 * The next instant any title of the rail collections gets a row of this state here: becomes
 * available (the default) or is announced.
 */
const nextAppearances = async (req: PayloadRequest, state?: RowState) => {
  const { territory, at } = await viewerOf(req)
  return Promise.all(
    railCollections.map((collection) =>
      nextAppearance(req.payload, collection, territory, at, req, { state }),
    ),
  )
}

/** new: available here for less than `days` days, newest first. */
const newRail = async (req: PayloadRequest, spec: Extract<RailSpec, { kind: 'new' }>) => {
  const { territory, at } = await viewerOf(req)
  const since = shift(at, -daysMs(spec.days))
  const rows = await rowsFor(
    req,
    [...rowsInForce(territory, at), { availableFrom: { greater_than: since } }],
    '-availableFrom',
    spec.limit * 2,
  )
  const answer = await itemsFromRows(req, rows, spec.limit, (row) => ({
    availableFrom: row.availableFrom ?? null,
  }))
  // A title leaves the rail `days` after it arrived; any title arriving joins it.
  const leaving = rows.map((row) =>
    row.availableFrom ? shift(row.availableFrom, daysMs(spec.days)) : null,
  )
  return {
    items: answer.items,
    changes: [...answer.changes, ...leaving, ...(await nextAppearances(req))],
  }
}

/** leaving-soon: available now, and the unbroken stretch ends within `days` days; soonest first. */
const leavingSoonRail = async (
  req: PayloadRequest,
  spec: Extract<RailSpec, { kind: 'leaving-soon' }>,
) => {
  const { territory, at } = await viewerOf(req)
  const horizon = shift(at, daysMs(spec.days))
  const rows = await rowsFor(
    req,
    [...rowsInForce(territory, at), { availableUntil: { less_than_equal: horizon } }],
    'availableUntil',
    spec.limit * 2,
  )
  const answer = await itemsFromRows(req, rows, spec.limit, (row) => ({
    availableUntil: row.availableUntil ?? null,
  }))
  // The next title whose end comes within the horizon joins the rail then.
  const [entering] = await rowsFor(
    req,
    [
      ...rowsInForce(territory, at),
      { availableUntil: { greater_than: horizon } },
      { availableUntil: { less_than: openEndInstant } },
    ],
    'availableUntil',
    1,
  )
  const joins = entering?.availableUntil ? shift(entering.availableUntil, -daysMs(spec.days)) : null
  return {
    items: answer.items,
    changes: [...answer.changes, joins, ...(await nextAppearances(req))],
  }
}

/**
 * coming-soon: announced here and not available yet, soonest start first. These titles are
 * hidden from every other public read, so they are read here by id with only the card fields
 * and the trailer's playback (never the main video's).
 */
const comingSoonRail = async (
  req: PayloadRequest,
  spec: Extract<RailSpec, { kind: 'coming-soon' }>,
) => {
  const { territory, at } = await viewerOf(req)
  const rows = await rowsFor(
    req,
    rowsInForce(territory, at, '', 'announced'),
    'availableFrom',
    spec.limit,
  )
  const refs = rows.map((row) => refOf(row.contentKey))
  const cards = await announcedCards(req, refs)
  const items: RailItem[] = []
  rows.forEach((row, position) => {
    const card = cards.get(row.contentKey)
    if (card)
      items.push({
        relationTo: refs[position].relationTo,
        value: { ...card, availableFrom: row.availableFrom ?? null },
      })
  })
  // An announcement ends (the title starts, or the announcement is withdrawn) or begins.
  return {
    items,
    changes: [...rows.map((row) => row.end), ...(await nextAppearances(req, 'announced'))],
  }
}

/**
 * Announced titles as coming-soon cards: published, announced to the viewer now (the rows
 * say so), with title, slug, artwork and trailer playback only.
 */
const announcedCards = async (
  req: PayloadRequest,
  refs: readonly Ref[],
): Promise<Map<string, RailCard>> => {
  const cards = new Map<string, RailCard>()
  req.context.comingSoonPlayback = true
  for (const collection of railCollections) {
    const ids = refs.filter((ref) => ref.relationTo === collection).map((ref) => ref.id)
    if (ids.length === 0) continue
    const { docs } = await req.payload.find({
      collection,
      where: { and: [{ id: { in: [...new Set(ids)] } }, { _status: { equals: 'published' } }] },
      // `trailer` is read for the playback field's hook; the card never carries it (nor `video`).
      select: {
        title: true,
        slug: true,
        poster: true,
        backdrop: true,
        trailer: true,
        playback: true,
      },
      depth: 1,
      limit: ids.length,
      locale: req.locale ?? undefined,
      fallbackLocale: req.fallbackLocale ?? undefined,
      // The public access hides them (they are not available): the rows decided instead.
      overrideAccess: true,
      joins: false,
      req,
    })
    for (const doc of docs) {
      const trailer: PlaybackInfo | null = doc.playback?.trailer ?? null
      cards.set(`${collection}/${doc.id}`, {
        id: doc.id,
        title: doc.title ?? null,
        slug: doc.slug ?? null,
        poster: doc.poster ?? null,
        backdrop: doc.backdrop ?? null,
        playback: { trailer },
      })
    }
  }
  return cards
}

/** genre:<slug>: the genre's visible films and series, by title. Null: no such genre. */
const genreRail = async (
  req: PayloadRequest,
  spec: Extract<RailSpec, { kind: 'genre' }>,
): Promise<RailAnswer | null> => {
  const { docs: genres } = await req.payload.find({
    collection: 'genres',
    where: { slug: { equals: spec.genre } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: {},
    req,
  })
  if (genres.length === 0) return null
  const items: RailItem[] = []
  const changes: (string | null)[] = []
  for (const collection of railCollections) {
    const { docs } = await req.payload.find({
      collection,
      where: { genres: { in: [genres[0].id] } },
      select: cardSelect,
      sort: 'title',
      depth: 1,
      limit: spec.limit,
      locale: req.locale ?? undefined,
      fallbackLocale: req.fallbackLocale ?? undefined,
      overrideAccess: false,
      joins: false,
      req,
    })
    for (const doc of docs) {
      const card = cardOf(doc)
      items.push({ relationTo: collection, value: card })
      changes.push(card.availability?.validUntil ?? null)
    }
  }
  const collator = new Intl.Collator(req.locale ?? 'en')
  items.sort((a, b) => collator.compare(a.value.title ?? '', b.value.title ?? ''))
  return {
    items: items.slice(0, spec.limit),
    changes: [...changes, ...(await nextAppearances(req))],
  }
}

/** The titles of an automatic rail for the viewer; null when its genre does not exist. */
export const automaticRail = async (
  req: PayloadRequest,
  spec: RailSpec,
): Promise<RailAnswer | null> => {
  switch (spec.kind) {
    case 'new':
      return newRail(req, spec)
    case 'leaving-soon':
      return leavingSoonRail(req, spec)
    case 'coming-soon':
      return comingSoonRail(req, spec)
    case 'genre':
      return genreRail(req, spec)
  }
}
