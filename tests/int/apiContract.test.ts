import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { buildSchema, getNamedType, isNonNullType, isObjectType } from 'graphql'
import { configToJSONSchema } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  contractMembers,
  contractTypeNames,
  requiredMembersOf,
} from '../../src/contract/titleContract'
import { projectRoot } from '../../src/config/database'
import { testBackends } from './support/backends'
import { payloadFor, type TestPayload } from './support/payloadFor'

const run = promisify(execFile)

/** Runs an npm script the way CI and developers do, writing to `outputs` instead of the repo. */
const generate = async (script: string, databaseUrl: string, outputs: Record<string, string>) => {
  await run('npm', ['run', '--silent', script], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, ...outputs },
    timeout: 120_000,
  })
}

/**
 * Issue 10, "Types and contract": the committed contract frontends build on (src/payload-types.ts
 * and schema.graphql, since introspection is off in production) is what the config generates
 * now, and the TypeScript and GraphQL types of the contract say the same thing.
 */
describe.each(testBackends)('API contract on $kind', (backend) => {
  const check = it.skipIf(!backend.serverUrl)
  let ctx: TestPayload
  let dir: string

  beforeAll(async () => {
    if (!backend.serverUrl) return
    ctx = await payloadFor(backend)
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'reelhouse-contract-'))
  })
  afterAll(async () => {
    await ctx?.destroy()
    if (dir) await fs.rm(dir, { recursive: true, force: true })
  })

  check(
    'src/payload-types.ts and schema.graphql are up to date (npm run generate:types, generate:graphql)',
    async () => {
      const types = path.join(dir, 'payload-types.ts')
      const schema = path.join(dir, 'schema.graphql')
      await Promise.all([
        generate('generate:types', ctx.databaseUrl, { PAYLOAD_TS_OUTPUT_PATH: types }),
        generate('generate:graphql', ctx.databaseUrl, { PAYLOAD_GRAPHQL_SCHEMA_PATH: schema }),
      ])
      const committed = (file: string) => fs.readFile(path.join(projectRoot, file), 'utf8')
      // toBe, not a diff tool: a failure shows where they differ; regenerate and commit.
      expect(await fs.readFile(types, 'utf8'), 'run npm run generate:types').toBe(
        await committed('src/payload-types.ts'),
      )
      expect(await fs.readFile(schema, 'utf8'), 'run npm run generate:graphql').toBe(
        await committed('schema.graphql'),
      )
    },
    180_000,
  )

  check(
    'each contract type has the same members and nullability in TypeScript and GraphQL',
    async () => {
      const graphql = buildSchema(
        await fs.readFile(path.join(projectRoot, 'schema.graphql'), 'utf8'),
      )
      const definitions = configToJSONSchema(ctx.payload.config, ctx.payload.db.defaultIDType)
        .definitions as Record<string, { properties: Record<string, unknown>; required?: string[] }>
      for (const name of Object.values(contractTypeNames)) {
        const members = contractMembers[name].flatMap((field) =>
          'name' in field ? [field.name] : [],
        )
        const required = requiredMembersOf(name).sort()
        const type = graphql.getType(name)
        if (!isObjectType(type)) throw new Error(`${name} is not a GraphQL object type`)
        const fields = type.getFields()
        expect(Object.keys(fields).sort(), name).toEqual([...members].sort())
        expect(
          Object.values(fields)
            .filter((field) => isNonNullType(field.type))
            .map((field) => field.name)
            .sort(),
          name,
        ).toEqual(required)
        const definition = definitions[name]
        expect(Object.keys(definition.properties).sort(), name).toEqual([...members].sort())
        expect([...(definition.required ?? [])].sort(), name).toEqual(required)
      }
      // The titles hold them by name, nullable (null: nothing to say, e.g. not playable).
      for (const title of ['Film', 'Series', 'Season', 'Episode']) {
        const type = graphql.getType(title)
        if (!isObjectType(type)) throw new Error(`${title} is not a GraphQL object type`)
        const fields = type.getFields()
        expect(getNamedType(fields.availability.type).name).toBe(
          contractTypeNames.availabilitySummary,
        )
        expect(isNonNullType(fields.availability.type)).toBe(false)
        if (title !== 'Season') {
          expect(getNamedType(fields.playback.type).name).toBe(contractTypeNames.titlePlayback)
        }
      }
      // Ids are typed alike: PlaybackInfo.videoId as Video.id.
      const video = graphql.getType('Video')
      const playbackInfo = graphql.getType(contractTypeNames.playbackInfo)
      if (!isObjectType(video) || !isObjectType(playbackInfo)) throw new Error('missing types')
      expect(String(playbackInfo.getFields().videoId.type)).toBe(String(video.getFields().id.type))
    },
  )
})
