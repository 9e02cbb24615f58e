import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { ESLint, type Linter } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/*
 * The import boundaries of eslint.config.mjs, run through ESLint's Node API on planted files:
 * each rule must fail on a violation and stay quiet on the imports it allows. The files do not
 * exist; ESLint lints the text as if it lived at `filePath`.
 */

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

let eslint: ESLint

// Loading the config and typescript-eslint takes seconds on a busy machine: once, up front.
beforeAll(async () => {
  eslint = new ESLint({
    cwd: projectRoot,
    overrideConfigFile: path.join(projectRoot, 'eslint.config.mjs'),
  })
  await eslint.lintText('', { filePath: path.join(projectRoot, 'src/warmUp.ts') })
}, 60_000)

const lint = async (filePath: string, code: string): Promise<Linter.LintMessage[]> => {
  const [result] = await eslint.lintText(code, { filePath: path.join(projectRoot, filePath) })
  return result.messages
}

/** Every message, by rule and line: a planted file breaks no rule but the one under test. */
const summary = (messages: Linter.LintMessage[]) =>
  messages.map(({ ruleId, message, line }) => ({ ruleId, message, line }))

const boundaries = 'reelhouse/import-boundaries'

describe('src/availability: pure, stands alone', () => {
  it('refuses Payload, as a value or a type', async () => {
    const messages = await lint(
      'src/availability/planted.ts',
      [
        "import { APIError } from 'payload'",
        "import type { CollectionConfig } from 'payload'",
        "import { lexicalEditor } from '@payloadcms/richtext-lexical'",
        'export const planted = [APIError, lexicalEditor] as const',
        'export type Planted = CollectionConfig',
      ].join('\n'),
    )
    expect(summary(messages)).toEqual([
      expect.objectContaining({ ruleId: 'no-restricted-imports', line: 1 }),
      expect.objectContaining({ ruleId: 'no-restricted-imports', line: 2 }),
      expect.objectContaining({ ruleId: 'no-restricted-imports', line: 3 }),
    ])
    expect(messages[0].message).toContain('no Payload imports')
  })

  it('refuses our modules outside it (src/rights, the generated types, the config)', async () => {
    const messages = await lint(
      'src/availability/planted.ts',
      [
        "import { rowsInForce } from '../rights/rowsInForce'",
        "import type { Licence } from '../payload-types'",
        "export { default } from '@payload-config'",
        'export const planted = [rowsInForce] as const',
        'export type Planted = Licence',
      ].join('\n'),
    )
    expect(summary(messages)).toEqual([
      expect.objectContaining({ ruleId: boundaries, line: 1 }),
      expect.objectContaining({ ruleId: boundaries, line: 2 }),
      expect.objectContaining({ ruleId: boundaries, line: 3 }),
    ])
    expect(messages[0].message).toContain("'../rights/rowsInForce' is src/rights/rowsInForce")
  })

  it('allows its own modules and plain packages', async () => {
    const messages = await lint(
      'src/availability/planted.ts',
      [
        "import { DateTime } from 'luxon'",
        "import { allLicenceTypes } from './types'",
        'export const planted = [DateTime, allLicenceTypes] as const',
      ].join('\n'),
    )
    expect(messages).toEqual([])
  })
})

describe('src/video: no collections, no plugin', () => {
  it('refuses collections/ and src/plugins', async () => {
    const messages = await lint(
      'src/video/planted.ts',
      [
        "import { Videos } from '../../collections/Videos'",
        "import { muxVideoPlugin } from '../plugins/mux'",
        "const later = () => import('../plugins/mux/runtime')",
        'export const planted = [Videos, muxVideoPlugin, later] as const',
      ].join('\n'),
    )
    expect(summary(messages)).toEqual([
      expect.objectContaining({ ruleId: boundaries, line: 1 }),
      expect.objectContaining({ ruleId: boundaries, line: 2 }),
      expect.objectContaining({ ruleId: boundaries, line: 3 }),
    ])
    expect(messages[1].message).toContain('may not import src/plugins/')
  })

  it('allows Payload itself and the generated types', async () => {
    const messages = await lint(
      'src/video/planted.ts',
      [
        "import type { PayloadRequest } from 'payload'",
        "import type { Video } from '../payload-types'",
        'export type Planted = [PayloadRequest, Video]',
      ].join('\n'),
    )
    expect(messages).toEqual([])
  })
})

describe('src/: nothing imports hooks/', () => {
  it('refuses hooks/ from any folder under src/, the plugin included', async () => {
    for (const filePath of [
      'src/fields/planted.ts',
      'src/catalog/deeper/planted.ts',
      'src/plugins/mux/planted.ts',
    ]) {
      const depth = filePath.split('/').length - 1
      const up = '../'.repeat(depth)
      const messages = await lint(
        filePath,
        [
          `import { ensureUniqueWithin } from '${up}hooks/shared/ensureUniqueWithin'`,
          'export const planted = ensureUniqueWithin',
        ].join('\n'),
      )
      expect(summary(messages), filePath).toEqual([
        expect.objectContaining({ ruleId: boundaries, line: 1 }),
      ])
      expect(messages[0].message).toContain('arrows point down')
    }
  })

  it('resolves the path: a folder of the same name inside src/ is not hooks/', async () => {
    const messages = await lint(
      'src/plugins/mux/planted.ts',
      ["import { a } from './hooks/acceptVideoSource'", 'export const planted = a'].join('\n'),
    )
    expect(messages).toEqual([])
  })
})

describe('src/plugins/mux: nothing of the app outside the plugin and src/video', () => {
  it('refuses the app (access, rights, roles, generated types)', async () => {
    const messages = await lint(
      'src/plugins/mux/endpoints/planted.ts',
      [
        "import { allowRoles } from '../../../access/checkRole'",
        "import { viewerTerritory } from '../../../rights/viewerTerritory'",
        "import { roles } from '../../../roles'",
        "import type { Video } from '../../../payload-types'",
        'export const planted = [allowRoles, viewerTerritory, roles] as const',
        'export type Planted = Video',
      ].join('\n'),
    )
    expect(summary(messages)).toEqual([
      expect.objectContaining({ ruleId: boundaries, line: 1 }),
      expect.objectContaining({ ruleId: boundaries, line: 2 }),
      expect.objectContaining({ ruleId: boundaries, line: 3 }),
      expect.objectContaining({ ruleId: boundaries, line: 4 }),
    ])
    expect(messages[0].message).toContain('may import only src/plugins/mux/, src/video/')
  })

  it('allows its own modules, src/video and packages', async () => {
    const messages = await lint(
      'src/plugins/mux/endpoints/planted.ts',
      [
        "import type { Endpoint } from 'payload'",
        "import { runtime } from '../runtime'",
        "import { video } from '../../../video'",
        'export const planted = [runtime, video] as const',
        'export type Planted = Endpoint',
      ].join('\n'),
    )
    expect(messages).toEqual([])
  })
})

describe('outside the zones', () => {
  it('leaves the layers above src/ free to import src/', async () => {
    const messages = await lint(
      'hooks/licences/planted.ts',
      [
        "import type { CollectionBeforeChangeHook } from 'payload'",
        "import { rowsInForce } from '../../src/rights/rowsInForce'",
        "import { allLicenceTypes } from '../../src/availability'",
        'export const planted = [rowsInForce, allLicenceTypes] as const',
        'export type Planted = CollectionBeforeChangeHook',
      ].join('\n'),
    )
    expect(messages).toEqual([])
  })
})
