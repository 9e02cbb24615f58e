import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { apiLimitsFromEnv } from '../../../../api/limits'
import { requestErrorsAs400, withDeadline } from '../../../../graphql/deadline'

export const POST = withDeadline(
  requestErrorsAs400(GRAPHQL_POST(config)),
  apiLimitsFromEnv().graphQLTimeoutMs,
)
export const OPTIONS = REST_OPTIONS(config)
