import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { testBackends } from './support/backends'
import { createCatalogFixtures, licenseForViewing, publicViewerIn } from './support/fixtures'
import { payloadFor, type TestPayload } from './support/payloadFor'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const waitFor = async (check: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await sleep(250)
  }
  return false
}

describe.each(testBackends)('scheduled publishing on $kind', (backend) => {
  let ctx: TestPayload

  beforeAll(async () => {
    if (!backend.serverUrl) return
    // The job runner of this instance ticks every second, as the server's does every ten.
    ctx = await payloadFor(
      backend,
      { JOBS_AUTORUN: 'true', JOBS_CRON: '* * * * * *' },
      { cron: true },
    )
  })
  afterAll(async () => ctx?.destroy())

  it.skipIf(!backend.serverUrl)(
    'publishes a draft at the set time through the jobs queue, not before',
    async () => {
      const { payload } = ctx
      const film = await payload.create({
        collection: 'films',
        draft: true,
        data: { title: 'Coming Soon', _status: 'draft' },
      })
      await licenseForViewing(payload, 'films', film.id, await createCatalogFixtures(payload))
      const publishAt = new Date(Date.now() + 3_000)
      // What the admin's "Schedule publish" drawer queues.
      await payload.jobs.queue({
        task: 'schedulePublish',
        waitUntil: publishAt,
        input: { type: 'publish', doc: { relationTo: 'films', value: film.id } },
      })

      const isPublished = async () =>
        (
          await payload.count({
            collection: 'films',
            where: { and: [{ id: { equals: film.id } }, { _status: { equals: 'published' } }] },
          })
        ).totalDocs === 1

      await sleep(1_500)
      expect(await isPublished()).toBe(false)
      const publicBefore = await payload.find({ collection: 'films', ...publicViewerIn('DE') })
      expect(publicBefore.docs.map((doc) => doc.id)).not.toContain(film.id)

      expect(await waitFor(isPublished, 15_000)).toBe(true)
      expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime())
      const publicAfter = await payload.find({ collection: 'films', ...publicViewerIn('DE') })
      expect(publicAfter.docs.map((doc) => doc.id)).toContain(film.id)
    },
  )
})
