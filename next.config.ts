import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Express compresses responses (src/server.ts); compressing twice wastes CPU.
  compress: false,
  poweredByHeader: false,
  images: { unoptimized: true },
  // CI runs `tsc --noEmit` over the whole project (tests included) before building.
  typescript: { ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
