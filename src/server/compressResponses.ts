import compression from 'compression'
import type { Request, Response } from 'express'

/**
 * Next hands the headers of route handlers (Payload's REST and GraphQL answers) to Node as
 * arrays (`Content-Type: ['application/json']`), which compression's default filter does not
 * recognise as compressible: every JSON answer went out uncompressed. One value is what a
 * Content-Type is, so it is set as one before the filter looks at it.
 */
const compressible = (req: Request, res: Response): boolean => {
  const type = res.getHeader('Content-Type')
  if (Array.isArray(type) && type.length > 0) res.setHeader('Content-Type', type[0])
  return compression.filter(req, res)
}

/** gzip/deflate/brotli for every compressible answer; adds `Vary: Accept-Encoding` to them. */
export const compressResponses = () => compression({ filter: compressible })
