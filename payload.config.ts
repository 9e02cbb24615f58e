import { buildConfig } from 'payload'

import { reelhouseConfig } from './src/config/reelhouseConfig'

export default buildConfig(reelhouseConfig({ env: process.env }))
