import { buildConfig } from 'payload'

import { reelhouseConfig } from './reelhouseConfig'

export default buildConfig(reelhouseConfig({ env: process.env }))
