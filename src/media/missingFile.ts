import fs from 'node:fs'
import path from 'node:path'

import { headersWithCors, type PayloadRequest } from 'payload'

type FileParams = { params: { collection: string; filename: string } }

/**
 * Upload handler (runs before Payload's own file serving): a file that is not on disk is a 404.
 * Payload answers it with a 500 "Something went wrong." (One stat call, like Payload's own.)
 */
export const answerMissingFile = (req: PayloadRequest, { params }: FileParams): Response | void => {
  const upload = req.payload.collections[params.collection as 'images']?.config.upload
  const staticDir = path.resolve((upload && upload.staticDir) || params.collection)
  const filePath = path.resolve(staticDir, params.filename)
  if (!filePath.startsWith(staticDir + path.sep)) return
  if (fs.statSync(filePath, { throwIfNoEntry: false })?.isFile()) return
  return Response.json(
    { errors: [{ message: `No file named ${params.filename}.` }] },
    { status: 404, headers: headersWithCors({ headers: new Headers(), req }) },
  )
}
