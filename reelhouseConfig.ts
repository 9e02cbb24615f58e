import type { Environment } from './src/config/environment'
import os from 'node:os'
import path from 'node:path'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import type { CollectionConfig, Config } from 'payload'
import pino from 'pino'
import sharp from 'sharp'

import { AvailabilityWindows } from './collections/AvailabilityWindows'
import { Episodes } from './collections/Episodes'
import { Films } from './collections/Films'
import { Genres } from './collections/Genres'
import { Images } from './collections/Images'
import { Licences } from './collections/Licences'
import { People } from './collections/People'
import { Regions } from './collections/Regions'
import { ReferenceData } from './collections/ReferenceData'
import { RightsAudits } from './collections/RightsAudits'
import { Rails } from './collections/Rails'
import { SearchEntries } from './collections/SearchEntries'
import { AvailsImports } from './collections/AvailsImports'
import { Seasons } from './collections/Seasons'
import { Series } from './collections/Series'
import { Users } from './collections/Users'
import { Videos } from './collections/Videos'
import { isAdminRequest } from './src/access/isAdmin'
import { answerClientErrors } from './src/api/clientErrors'
import { apiLimitsFromEnv, apiLimitsKey, type ApiLimits } from './src/api/limits'
import { guardRequestInput } from './src/api/readGuards'
import { availabilityEndpoint } from './src/endpoints/availabilityEndpoint'
import { availabilityMatrixEndpoint } from './src/endpoints/availabilityMatrixEndpoint'
import { availabilityOverviewEndpoint } from './src/endpoints/availabilityOverviewEndpoint'
import { searchEndpoint } from './src/endpoints/searchEndpoint'
import { titleTimelineEndpoint } from './src/endpoints/titleTimelineEndpoint'
import { backfillSortTitles } from './src/catalog/sortTitles'
import { ensureSearchIndex } from './src/search/searchIndex'
import {
  applyAvailsImportEndpoint,
  createAvailsImportEndpoint,
} from './src/endpoints/availsImports'
import { availsExportEndpoint } from './src/endpoints/availsExport'
import { answerDatabaseBusy } from './hooks/errors/answerDatabaseBusy'
import { exposeFieldErrors } from './hooks/errors/exposeFieldErrors'
import { hideAccountLockout } from './hooks/errors/hideAccountLockout'
import { adminI18n } from './src/i18n'
import { adminCredentialsFromEnv, ensureAdminFromEnv } from './src/bootstrap/ensureAdminFromEnv'
import { withListContract } from './src/contract/listContract'
import { contentQueries } from './src/graphql/contentQueries'
import { applyContractNullability } from './src/graphql/contractTypes'
import { buildListTypes, typeRailItems } from './src/graphql/listTypes'
import { reelhouseRootQueries } from './src/graphql/rootFields'
import { queryBudgetRule } from './src/graphql/queryBudget'
import { limitPublicCache } from './hooks/catalog/publicCacheControl'
import { titlePlaybackField } from './src/contract/titleContract'
import { nullableGroupValue } from './src/fields/nullableGroup'
import {
  muxVideoPlugin,
  muxVideoPluginSettingsFromEnv,
  type MuxVideoPluginWiring,
} from './src/plugins/mux'
import { mayPlayTitle } from './src/rights/playbackGate'
import { hasRole, isStaffUser, type RoleBearer } from './src/roles'
import { rightsAuditSettingsFrom, rightsAuditTask } from './src/rights/auditRuns'
import {
  availsApplyJobRowsFrom,
  availsApplyJobRowsKey,
  availsApplyQueue,
  availsApplyTask,
} from './src/rights/availsApplyJob'
import { reresolveForTimeZoneRules } from './src/rights/timeZoneRules'
import { viewerTerritoryHeader, viewerTerritoryPolicyKey } from './src/rights/viewerTerritory'
import {
  databaseAdapterFor,
  defaultDatabaseUrl,
  projectRoot,
  sqliteBusyTimeoutFrom,
} from './src/config/database'
import { corsOrigins, csrfOrigins, publicServerUrl } from './src/config/origins'
import { resolvePayloadSecret } from './src/config/secret'
import { viewerTerritoryPolicyFromEnv } from './src/config/viewerTerritoryPolicy'

export type ReelhouseConfigOptions = {
  env: Environment
  /** Overrides DATABASE_URL (tests). */
  databaseUrl?: string
  postgresSchema?: string
}

/** What the Mux plugin takes from the app: who may do what, and which titles play what. */
export const muxWiring: MuxVideoPluginWiring = {
  videosCollection: 'videos',
  access: {
    // The videos collection's own create/update rule (collections/Videos.ts).
    manageVideos: (req) => hasRole(req.user as RoleBearer, ['admin', 'editor']),
    isStaff: (req) => isStaffUser(req.user as RoleBearer),
    readEvents: (req) => hasRole(req.user as RoleBearer, ['admin']),
  },
  playback: {
    collections: {
      films: { video: 'video', trailer: 'trailer' },
      series: { trailer: 'trailer' },
      episodes: { video: 'video' },
    },
    field: titlePlaybackField,
    mayPlay: mayPlayTitle,
    limitCache: limitPublicCache,
    present: (req, read, value) => nullableGroupValue(req.payloadAPI, read, value),
  },
}

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
  const maxUploadBytes = Number(env.MAX_UPLOAD_BYTES ?? 50 * 1024 ** 3)
  const runsJobs = env.JOBS_AUTORUN !== 'false'
  const limits = apiLimitsFromEnv(env)

  return {
    secret: resolvePayloadSecret(env, path.join(projectRoot, 'data')),
    // Upload URLs in answers are absolute, starting with it.
    serverURL: publicServerUrl(env),
    telemetry: false,
    // Commands whose stdout is for machines (`npm run rights:audit -- --json`) log to stderr.
    ...(env.LOG_DESTINATION === 'stderr'
      ? {
          logger: { options: { level: env.LOG_LEVEL ?? 'info' }, destination: pino.destination(2) },
        }
      : {}),
    admin: {
      user: Users.slug,
      avatar: 'default',
      meta: { titleSuffix: ' · Reelhouse' },
      components: {
        beforeDashboard: ['/src/admin/dashboard/RoleDashboard#RoleDashboard'],
        afterNavLinks: [
          '/src/admin/RightsNavLink#RightsNavLink',
          '/src/admin/AvailabilityMatrixNavLink#AvailabilityMatrixNavLink',
          '/src/admin/AvailsImportNavLink#AvailsImportNavLink',
        ],
        views: {
          availabilityMatrix: {
            Component: '/src/admin/views/AvailabilityMatrixView#AvailabilityMatrixView',
            path: '/availability-matrix',
          },
          availsImport: {
            Component: '/src/admin/views/AvailsImportView#AvailsImportView',
            path: '/avails-import',
          },
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
        ReferenceData,
        RightsAudits,
        SearchEntries,
        Rails,
        AvailsImports,
        Users,
      ],
      limits,
    ),
    editor: lexicalEditor(),
    // The admin in English, German and Chinese; each user picks on their account page.
    i18n: adminI18n,
    db: databaseAdapterFor({
      url,
      production,
      postgresSchema,
      sqliteBusyTimeoutMs: sqliteBusyTimeoutFrom(env.SQLITE_BUSY_TIMEOUT_MS),
    }),
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
    // Preflights allow the territory header, so browsers may send it (`Access-Control-Allow-Headers`).
    cors: { origins: corsOrigins(env), headers: [viewerTerritoryHeader(env)] },
    csrf: csrfOrigins(env),
    upload: {
      useTempFiles: true,
      tempFileDir: path.join(os.tmpdir(), 'reelhouse-uploads'),
      limits: { fileSize: maxUploadBytes },
    },
    jobs: {
      // Over HTTP (`/api/payload-jobs/run`, `/handle-schedules`) only admins run jobs; the
      // server's own cron and Local API calls skip this check.
      access: { run: isAdminRequest, queue: isAdminRequest, cancel: isAdminRequest },
      // The server process runs due jobs (scheduled publishing, pushes to Mux) on this cron;
      // seconds are the first field.
      // Avails applies have a queue of their own, looked at every 2 s: staff wait on them.
      autoRun: [
        { cron: env.JOBS_CRON ?? '*/10 * * * * *', queue: 'default', limit: 25 },
        { cron: env.AVAILS_JOBS_CRON ?? '*/2 * * * * *', queue: availsApplyQueue, limit: 1 },
      ],
      shouldAutoRun: () => runsJobs,
      tasks: [rightsAuditTask(rightsAuditSettingsFrom(env), async () => runsJobs), availsApplyTask],
    },
    typescript: {
      outputFile: path.join(projectRoot, 'src/payload-types.ts'),
      // Search results and rails: shapes that are not documents (src/contract/listContract.ts).
      schema: [withListContract],
    },
    graphQL: {
      disablePlaygroundInProduction: true,
      // Introspection is off in production: frontends generate code from this committed file.
      schemaOutputFile: path.join(projectRoot, 'schema.graphql'),
      queries: (graphQL, info) => {
        applyContractNullability(graphQL, info)
        const listTypes = buildListTypes(graphQL, info)
        typeRailItems(graphQL, info, listTypes.RailItem)
        return reelhouseRootQueries({
          timeoutMs: limits.graphQLTimeoutMs,
          ownQueries: contentQueries(graphQL, info, listTypes),
        })(graphQL, info)
      },
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
    endpoints: [
      availabilityEndpoint,
      availabilityOverviewEndpoint,
      availabilityMatrixEndpoint,
      titleTimelineEndpoint,
      searchEndpoint,
      createAvailsImportEndpoint,
      applyAvailsImportEndpoint,
      availsExportEndpoint,
    ],
    hooks: {
      afterError: [answerClientErrors, exposeFieldErrors, answerDatabaseBusy, hideAccountLockout],
    },
    plugins: [muxVideoPlugin({ ...muxVideoPluginSettingsFromEnv(env), ...muxWiring })],
    // Where the public's territory may come from (read by src/rights/viewerTerritory.ts).
    custom: {
      [viewerTerritoryPolicyKey]: viewerTerritoryPolicyFromEnv(env),
      [apiLimitsKey]: limits,
      [availsApplyJobRowsKey]: availsApplyJobRowsFrom(env),
    },
    onInit: async (payload) => {
      await ensureAdminFromEnv(payload, adminCredentialsFromEnv(env))
      // Date-only licence windows follow the tz database in force (see src/rights/timeZoneRules).
      const { tzVersion, checked, moved } = await reresolveForTimeZoneRules(payload, {
        log: (entry) =>
          payload.logger.warn(
            { event: 'rights.tz.moved', ...entry },
            `Licence ${entry.contractId ?? entry.licence} moved under new time-zone rules`,
          ),
      })
      if (checked > 0) {
        payload.logger.info(
          { event: 'rights.tz.checked', tzVersion, checked, moved: moved.length },
          `Time-zone rules ${tzVersion}: ${checked} licences checked, ${moved.length} moved`,
        )
      }
      // Titles stored before sort titles and the search index existed get them once.
      const sortTitlesFilled = await backfillSortTitles(payload)
      const indexed = await ensureSearchIndex(payload)
      if (sortTitlesFilled > 0 || indexed > 0) {
        payload.logger.info(
          { event: 'catalog.search.backfill', sortTitlesFilled, indexed },
          `Sort titles filled for ${sortTitlesFilled} titles; ${indexed} titles indexed for search`,
        )
      }
    },
  }
}
