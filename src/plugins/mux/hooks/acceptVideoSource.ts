import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import type { MuxRuntime } from '../runtime'
import { notConfiguredMessage } from '../runtime'
import { muxFieldsOf, muxStateOf, type IngestRecord, type VideoRecord } from '../videoRecords'
import { clearedIngest } from '../pushSource'
import { streamedUploadOf } from '../muxStreamingSink'
import { beginIngest, newIngestNonce } from '../../../video'
import { isHttpUrl } from '../httpUrl'

const rejected = (path: string, message: string) =>
  new ValidationError({ errors: [{ path, message }] })

/**
 * A new source for a video, from the editor: an uploaded file (already streamed to a Mux upload
 * by the endpoint, or kept in the spool — whole, or the part Mux did not confirm — for the push
 * job; never read into memory), a changed `sourceUrl`, or on create an existing Mux asset id.
 * The push itself happens in a job (see `queueVideoWork`); a playing video keeps playing.
 */
export const acceptVideoSource =
  (runtime: MuxRuntime): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req, context }) => {
    if (context.muxInternal) return data
    // Per-save entries: whatever an earlier save in this request left is not this video's.
    delete context.muxEffects
    delete context.muxSpooledFile
    const previous = (originalDoc ?? { id: '' }) as VideoRecord
    const sourceUrl = typeof data.sourceUrl === 'string' ? data.sourceUrl.trim() : ''
    const urlChanged = sourceUrl !== '' && sourceUrl !== (previous.sourceUrl ?? '')
    const file = req.file
    if (file && urlChanged) {
      throw rejected('sourceUrl', 'Give either a file or a source URL, not both.')
    }
    if (urlChanged && !isHttpUrl(sourceUrl)) {
      throw rejected('sourceUrl', 'The source URL must be a public http(s) URL.')
    }

    const waiting = (ingest: IngestRecord): Partial<VideoRecord> => ({
      ingest: {
        ...ingest,
        state: 'queued',
        uploadId: null,
        heartbeatAt: null,
        requestedAt: new Date().toISOString(),
        message: runtime.provider ? 'Waiting to be sent to Mux…' : notConfiguredMessage,
      },
      // A playing video keeps playing (and its status) until the new source is ready.
      ...(previous.status === 'ready' ? {} : { status: 'pending', error: { messages: [] } }),
    })

    const streamed = file ? streamedUploadOf(context) : null
    if (file && streamed?.uploadId) {
      // The endpoint already sent the file to a Mux upload (all of it, or up to `spoolOffset`).
      const { state, effects } = beginIngest(muxStateOf(previous), { uploadId: streamed.uploadId })
      context.muxEffects = effects
      const muxFields = { ...muxFieldsOf(state), muxCheckedAt: new Date().toISOString() }
      if (streamed.delivered) {
        return { ...data, ...muxFields, ingest: { ...clearedIngest(null), nonce: streamed.nonce } }
      }
      const spooled = await runtime.spool.adopt('videos', file, streamed.nonce)
      context.muxSpooledFile = spooled.name
      return {
        ...data,
        ...muxFields,
        ingest: {
          ...waiting({
            source: 'file',
            nonce: streamed.nonce,
            spoolFile: spooled.name,
            spoolBytes: spooled.bytes,
            spoolOffset: streamed.spoolOffset,
          }).ingest,
          uploadId: streamed.uploadId,
          message: 'Part of the file reached Mux; the rest is sent from this server…',
        },
      }
    }
    if (file) {
      const nonce = streamed?.nonce ?? newIngestNonce()
      const spooled = await runtime.spool.adopt('videos', file, nonce)
      // Should the save fail, `discardSpooledUpload` removes the copy again.
      context.muxSpooledFile = spooled.name
      return {
        ...data,
        ...waiting({
          source: 'file',
          nonce,
          spoolFile: spooled.name,
          spoolBytes: spooled.bytes,
          spoolOffset: 0,
        }),
      }
    }
    if (urlChanged) {
      const nonce = newIngestNonce()
      return { ...data, sourceUrl, ...waiting({ source: 'url', nonce, spoolFile: null }) }
    }
    const linkedAsset = typeof data.muxAssetId === 'string' ? data.muxAssetId.trim() : ''
    if (operation === 'create' && linkedAsset) {
      // An asset that already exists at Mux: the video adopts it and reads it back in a job.
      const { state } = beginIngest(muxStateOf(previous), { assetId: linkedAsset })
      return { ...data, ...muxFieldsOf(state), muxCheckedAt: new Date().toISOString() }
    }
    return data
  }
