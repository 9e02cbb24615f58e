import { describe, expect, it } from 'vitest'

import { viewerTerritoryPolicyFromEnv } from '../../../src/config/viewerTerritoryPolicy'

describe('item 15, trusted territory: the policy read from the environment', () => {
  it('refuses ?territory= for the public in production and allows it elsewhere by default', () => {
    expect(viewerTerritoryPolicyFromEnv({ NODE_ENV: 'production' }).allowQuery).toBe(false)
    expect(viewerTerritoryPolicyFromEnv({ NODE_ENV: 'development' }).allowQuery).toBe(true)
    expect(viewerTerritoryPolicyFromEnv({ NODE_ENV: 'test' }).allowQuery).toBe(true)
    expect(viewerTerritoryPolicyFromEnv({}).allowQuery).toBe(true)
  })

  it('lets ALLOW_TERRITORY_QUERY override the default either way', () => {
    const production = { NODE_ENV: 'production' }
    expect(
      viewerTerritoryPolicyFromEnv({ ...production, ALLOW_TERRITORY_QUERY: 'true' }).allowQuery,
    ).toBe(true)
    expect(viewerTerritoryPolicyFromEnv({ ALLOW_TERRITORY_QUERY: 'FALSE' }).allowQuery).toBe(false)
    expect(
      viewerTerritoryPolicyFromEnv({ ...production, ALLOW_TERRITORY_QUERY: '' }).allowQuery,
    ).toBe(false)
  })

  it('refuses to start on an ALLOW_TERRITORY_QUERY that is neither true nor false', () => {
    for (const value of ['yes', '1', 'on']) {
      expect(() => viewerTerritoryPolicyFromEnv({ ALLOW_TERRITORY_QUERY: value })).toThrow(
        /ALLOW_TERRITORY_QUERY/,
      )
    }
  })

  it('takes the header name (lower case) and the optional edge secret', () => {
    expect(viewerTerritoryPolicyFromEnv({})).toEqual({
      header: 'x-viewer-territory',
      allowQuery: true,
      headerSecret: null,
    })
    expect(
      viewerTerritoryPolicyFromEnv({
        VIEWER_TERRITORY_HEADER: 'CloudFront-Viewer-Country',
        TERRITORY_HEADER_SECRET: ' s3cret ',
      }),
    ).toMatchObject({ header: 'cloudfront-viewer-country', headerSecret: 's3cret' })
    expect(viewerTerritoryPolicyFromEnv({ TERRITORY_HEADER_SECRET: '  ' }).headerSecret).toBeNull()
  })
})
