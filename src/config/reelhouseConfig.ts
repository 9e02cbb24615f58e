import type { Environment } from './environment'
import os from 'node:os'
import path from 'node:path'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import type { CollectionConfig, Config } from 'payload'
import sharp from 'sharp'

import { AvailabilityWindows } from '../../collections/AvailabilityWindows'
import { Episodes } from '../../collections/Episodes'
import { Films } from '../../collections/Films'
import { Genres } from '../../collections/Genres'
import { Images } from '../../collections/Images'
import { Licences } from '../../collections/Licences'
import { People } from '../../collections/People'
import { Regions } from '../../collections/Regions'
import { Seasons } from '../../collections/Seasons'
import { Series } from '../../collections/Series'
import { Users } from '../../collections/Users'
import { Videos } from '../../collections/Videos'
import { answerClientErrors } from '../api/clientErrors'
import { apiLimitsFromEnv, type ApiLimits } from '../api/limits'
import { guardRequestInput } from '../api/readGuards'
import { availabilityEndpoint } from '../endpoints/availabilityEndpoint'
import { availabilityOverviewEndpoint } from '../endpoints/availabilityOverviewEndpoint'
import { exposeFieldErrors } from '../../hooks/errors/exposeFieldErrors'
import { adminCredentialsFromEnv, ensureAdminFromEnv } from '../bootstrap/ensureAdminFromEnv'
import { reelhouseRootQueries } from '../graphql/rootFields'
import { queryBudgetRule } from '../graphql/queryBudget'
import { muxVideoPlugin, muxVideoPluginOptionsFromEnv } from '../plugins/mux'
import { databaseAdapterFor, defaultDatabaseUrl, projectRoot } from './database'
import { resolvePayloadSecret } from './secret'

export type ReelhouseConfigOptions = {
  env: Environment
  /** Overrides DATABASE_URL (tests). */
  databaseUrl?: string
  postgresSchema?: string
}

export const locales = ['en', 'de', 'zh-Hans'] as const

const listFrom = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)

/** Every collection checks request input first (bad ids, locales, operators, public sizes). */
const withInputGuards = (collections: CollectionConfig[], limits: ApiLimits): CollectionConfig[] =>
  collections.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [guardRequestInput(limits), ...(collection.hooks?.beforeOperation ?? [])],
    },
  }))

export const reelhouseConfig = ({
  env,
  databaseUrl,
  postgresSchema,
}: ReelhouseConfigOptions): Config => {
  const production = env.NODE_ENV === 'production'
  const url = databaseUrl ?? env.DATABASE_URL ?? defaultDatabaseUrl(production)
  const allowedOrigins = listFrom(env.CORS_ORIGINS)
  const maxUploadBytes = Number(env.MAX_UPLOAD_BYTES ?? 50 * 1024 ** 3)
  const limits = apiLimitsFromEnv(env)

  return {
    secret: resolvePayloadSecret(env, path.join(projectRoot, 'data')),
    serverURL: env.SERVER_URL || undefined,
    telemetry: false,
    admin: {
      user: Users.slug,
      avatar: 'default',
      meta: { titleSuffix: ' · Reelhouse' },
      components: {
        afterNavLinks: ['/src/admin/RightsNavLink#RightsNavLink'],
        views: {
          rightsReports: {
            Component: '/src/admin/views/RightsReportsView#RightsReportsView',
            path: '/rights',
          },
        },
      },
      importMap: {
        baseDir: projectRoot,
        importMapFile: path.join(projectRoot, 'src/app/(payload)/admin/importMap.js'),
      },
    },
    // Joined to by the catalog collections, so it is declared first.
    collections: withInputGuards(
      [
        AvailabilityWindows,
        Films,
        Series,
        Seasons,
        Episodes,
        People,
        Genres,
        Images,
        Videos,
        Licences,
        Regions,
        Users,
      ],
      limits,
    ),
    editor: lexicalEditor(),
    db: databaseAdapterFor({ url, production, postgresSchema }),
    sharp,
    localization: {
      locales: [
        { code: 'en', label: 'English' },
        { code: 'de', label: 'Deutsch' },
        { code: 'zh-Hans', label: '简体中文' },
      ],
      defaultLocale: 'en',
      fallback: true,
    },
    cors: allowedOrigins,
    csrf: allowedOrigins,
    upload: {
      useTempFiles: true,
      tempFileDir: path.join(os.tmpdir(), 'reelhouse-uploads'),
      limits: { fileSize: maxUploadBytes },
    },
    jobs: {
      // The server process runs due jobs (scheduled publishing, pushes to Mux) on this cron;
      // seconds are the first field.
      autoRun: [{ cron: env.JOBS_CRON ?? '*/10 * * * * *', queue: 'default', limit: 25 }],
      shouldAutoRun: () => env.JOBS_AUTORUN !== 'false',
    },
    typescript: { outputFile: path.join(projectRoot, 'src/payload-types.ts') },
    graphQL: {
      disablePlaygroundInProduction: true,
      queries: reelhouseRootQueries({ timeoutMs: limits.graphQLTimeoutMs }),
      validationRules: ({ variableValues }) => [
        queryBudgetRule(
          {
            maxCost: limits.graphQLMaxCost,
            maxDepth: limits.graphQLMaxDepth,
            maxRootFields: limits.graphQLMaxRootFields,
          },
          variableValues ?? {},
        ),
      ],
    },
    endpoints: [availabilityEndpoint, availabilityOverviewEndpoint],
    hooks: { afterError: [answerClientErrors, exposeFieldErrors] },
    plugins: [muxVideoPlugin(muxVideoPluginOptionsFromEnv(env))],
    onInit: async (payload) => {
      await ensureAdminFromEnv(payload, adminCredentialsFromEnv(env))
    },
  }
}
