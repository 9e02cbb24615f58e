import { afterEach, describe, expect, it } from 'vitest'

import { testBackends } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'

describe.each(testBackends)('accounts on $kind', (backend) => {
  let ctx: TestPayload | undefined
  afterEach(async () => {
    await ctx?.destroy()
    ctx = undefined
  })
  const run = it.skipIf(!backend.serverUrl)

  run('the first account becomes the administrator, later ones keep their roles', async () => {
    ctx = await payloadFor(backend)
    const first = await ctx.payload.create({
      collection: 'users',
      data: { email: 'first@example.test', password: 'correct horse battery', roles: ['editor'] },
    })
    expect(first.roles).toEqual(['admin'])
    const second = await ctx.payload.create({
      collection: 'users',
      data: { email: 'second@example.test', password: 'correct horse battery', roles: ['editor'] },
    })
    expect(second.roles).toEqual(['editor'])
  })

  run(
    'ADMIN_EMAIL and ADMIN_PASSWORD create the administrator on an empty database only',
    async () => {
      const env = { ADMIN_EMAIL: 'boot@example.test', ADMIN_PASSWORD: 'a long boot password' }
      ctx = await payloadFor(backend, env)
      const { docs } = await ctx.payload.find({ collection: 'users' })
      expect(docs).toHaveLength(1)
      expect(docs[0]).toMatchObject({ email: 'boot@example.test', roles: ['admin'] })
      const login = await ctx.payload.login({
        collection: 'users',
        data: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD },
      })
      expect(login.token).toEqual(expect.any(String))
    },
  )

  run('a user without a staff role cannot use the admin panel', async () => {
    ctx = await payloadFor(backend)
    await ctx.payload.create({
      collection: 'users',
      data: { email: 'boss@example.test', password: 'correct horse battery' },
    })
    const frontend = await ctx.payload.create({
      collection: 'users',
      data: { email: 'frontend@example.test', password: 'correct horse battery', roles: [] },
    })
    const access = await ctx.payload.collections.users.config.access.admin?.({
      req: { user: { ...frontend, collection: 'users' }, payload: ctx.payload } as never,
    })
    expect(access).toBe(false)
  })
})
