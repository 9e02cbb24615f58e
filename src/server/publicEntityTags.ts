import { createHash } from 'node:crypto'

import type { RequestHandler, Response } from 'express'
import fresh from 'fresh'

export type PublicEntityTagOptions = {
  /** Payload's REST prefix (`/api`). */
  apiRoute: string
}

type Flush = () => void

const isFileRoute = (path: string, apiRoute: string) =>
  path.startsWith(`${apiRoute}/`) && /\/file\//.test(path)

// Next hands route handlers' headers to Node as arrays (`['public, max-age=300']`).
const isPublic = (value: number | string | string[] | undefined) =>
  /^\s*public\b/.test(Array.isArray(value) ? value.join(', ') : String(value ?? ''))

const callbackOf = (args: unknown[]) =>
  args.find((arg) => typeof arg === 'function') as (() => void) | undefined

const chunkOf = (chunk: unknown, encoding: unknown): Buffer | undefined => {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return undefined
  if (Buffer.isBuffer(chunk)) return chunk
  if (chunk instanceof Uint8Array) return Buffer.from(chunk)
  return Buffer.from(
    String(chunk),
    typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
  )
}

/**
 * The ETag of an answer is the SHA-256 of its (uncompressed) body, so two answers share one
 * only when their bytes are the same: whatever territory, locale or instant produced them.
 * Weak, because gzip, br and identity encodings of one body share it.
 */
const entityTagOf = (body: Buffer): string =>
  `W/"${createHash('sha256').update(body).digest('base64url')}"`

/**
 * `ETag` on public answers under the API (those whose `Cache-Control` is `public`, i.e. the
 * catalog reads that passed the viewer filter), and `304 Not Modified` when the request's
 * `If-None-Match` names it. The body is held until it is complete (public pages are bounded
 * by PUBLIC_MAX_LIMIT and depth), hashed, then sent on (compressed by the middleware mounted
 * before this one) or replaced by the 304. Staff answers, errors and files pass untouched (files
 * get their own validators, see imageFileCaching).
 *
 * No `Last-Modified` here: a catalog answer also changes when a licence, a region or a related
 * title changes, or when a window opens, none of which moves the documents' `updatedAt`; a date
 * that does not move with the body would make `If-Modified-Since` answer 304 wrongly.
 */
export const publicEntityTags = ({ apiRoute }: PublicEntityTagOptions): RequestHandler => {
  return (req, res, next) => {
    const path = req.path
    if (req.method !== 'GET') return next()
    if (path !== apiRoute && !path.startsWith(`${apiRoute}/`)) return next()
    if (isFileRoute(path, apiRoute)) return next()

    // Whatever is installed now (compression's), called with the arguments Next passed.
    const write = res.write
    const end = res.end
    const callWrite = (args: unknown[]) => Reflect.apply(write, res, args) as boolean
    const callEnd = (args: unknown[]) => Reflect.apply(end, res, args) as Response
    const flushHeaders = res.flushHeaders.bind(res)
    const holder = res as Response & { flush?: Flush }
    const flush = holder.flush
    let held: Buffer[] | undefined
    let decided = false

    const restore = () => {
      res.write = write
      res.end = end
      res.flushHeaders = flushHeaders
      if (flush) holder.flush = flush
    }
    const decide = () => {
      if (decided) return
      decided = true
      if (res.statusCode === 200 && !res.headersSent && isPublic(res.getHeader('Cache-Control'))) {
        held = []
      } else restore()
    }

    // Next flushes the headers before its first chunk: held until the body is known.
    res.flushHeaders = () => {
      decide()
      if (!held) flushHeaders()
    }
    if (flush) holder.flush = () => (held ? undefined : flush.call(res))
    res.write = (...args: unknown[]) => {
      decide()
      if (!held) return callWrite(args)
      const chunk = chunkOf(args[0], args[1])
      if (chunk) held.push(chunk)
      callbackOf(args.slice(1))?.()
      return true
    }
    res.end = (...args: unknown[]) => {
      decide()
      if (!held) return callEnd(args)
      const last = chunkOf(args[0], args[1])
      if (last) held.push(last)
      const callback = callbackOf(args)
      const body = Buffer.concat(held)
      held = undefined
      restore()
      const tag = entityTagOf(body)
      res.setHeader('ETag', tag)
      if (fresh(req.headers, { etag: tag })) {
        res.statusCode = 304
        for (const name of ['Content-Type', 'Content-Length', 'Transfer-Encoding'])
          res.removeHeader(name)
        // The 200 would have varied on it (compression), and a 304 repeats the 200's Vary.
        res.vary('Accept-Encoding')
        return callEnd(callback ? [callback] : [])
      }
      return callEnd(callback ? [body, callback] : [body])
    }
    next()
  }
}
