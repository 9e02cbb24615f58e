'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React, { useRef, useState } from 'react'

import { StatusBadge } from './StatusBadge'
import { TextTracks } from './TextTracks'
import { uploadToMux, type UploadProgress } from './uploadToMux'
import { refreshMuxStatus, useMuxStatus } from './useMuxStatus'

const formatBytes = (bytes: number) =>
  bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(2)} GB`
    : `${(bytes / 1024 ** 2).toFixed(1)} MB`

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: 16,
  marginBottom: 24,
}

/**
 * The video's life at Mux, kept up to date while something is on its way: status, what it is
 * waiting for, errors with a retry, a preview, the text tracks, and an upload button that sends
 * a file of any size straight from the browser to Mux with a progress bar.
 */
export const VideoMuxPanel: React.FC = () => {
  const { id } = useDocumentInfo()
  const { view, error: problem } = useMuxStatus(id)
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const upload = useRef<AbortController | null>(null)
  const reload = () => id !== undefined && refreshMuxStatus(id)

  const retry = async () => {
    setNotice(null)
    const response = await fetch(`/api/videos/${id}/mux-retry`, {
      method: 'POST',
      credentials: 'include',
    })
    const body = (await response.json().catch(() => ({}))) as { message?: string }
    setNotice(response.ok ? 'Retrying…' : (body.message ?? `Retry failed (${response.status}).`))
    reload()
  }

  const sendFile = async (file: File) => {
    if (!id) return
    setNotice(null)
    upload.current = new AbortController()
    setProgress({ sentBytes: 0, totalBytes: file.size })
    try {
      await uploadToMux(id, file, { onProgress: setProgress, signal: upload.current.signal })
      setNotice(`${file.name} arrived at Mux; it is being prepared.`)
    } catch (error) {
      setNotice(`Upload failed: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      upload.current = null
      setProgress(null)
      reload()
    }
  }

  if (!id) {
    return (
      <div style={box} className="video-mux-panel">
        <p>
          Save the video first (with a file, a source URL, or just its title), then upload here.
        </p>
      </div>
    )
  }

  const percent = progress?.totalBytes
    ? Math.round((progress.sentBytes / progress.totalBytes) * 100)
    : 0
  const errorMessages = view?.error?.messages ?? []

  return (
    <div style={box} className="video-mux-panel" data-status={view?.status ?? 'loading'}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 8 }}>
        <strong>Mux</strong>
        <StatusBadge status={view?.status} />
        {view?.duration ? <span>{Math.round(view.duration)} s</span> : null}
        {view?.maxResolution ? <span>{view.maxResolution}</span> : null}
        {view?.aspectRatio ? <span>{view.aspectRatio}</span> : null}
        <span style={{ opacity: 0.7 }}>{view?.playbackPolicy} playback</span>
      </div>
      {problem ? <p role="alert">{problem}</p> : null}
      {view?.message ? <p className="video-mux-panel__message">{view.message}</p> : null}
      {view?.ingest?.bytes ? <p>Waiting file: {formatBytes(view.ingest.bytes)}</p> : null}
      {errorMessages.length ? (
        <div role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {errorMessages.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
      {view?.replacement ? (
        <p>
          New source: <StatusBadge status={view.replacement.status} /> — the current video keeps
          playing until it is ready.
        </p>
      ) : null}
      {view?.canEdit && (view.status === 'errored' || view.ingest) ? (
        <button type="button" className="btn btn--style-secondary btn--size-small" onClick={retry}>
          Retry
        </button>
      ) : null}

      {view?.preview ? (
        <figure style={{ margin: '12px 0' }}>
          {/* Safari (and browsers with native HLS) play this directly; others show the poster. */}
          <video
            controls
            playsInline
            preload="none"
            poster={view.preview.thumbnail}
            src={view.preview.hls}
            style={{ width: '100%', maxWidth: 640, background: '#000' }}
          />
          <figcaption style={{ fontSize: 12, opacity: 0.7 }}>
            Preview ({view.preview.policy}).{' '}
            <a href={view.preview.hls} target="_blank" rel="noreferrer">
              HLS stream
            </a>
          </figcaption>
        </figure>
      ) : null}

      {view?.canEdit && view.configured ? (
        <div style={{ margin: '12px 0' }}>
          <label className="btn btn--style-primary btn--size-small" style={{ cursor: 'pointer' }}>
            {view.status === 'ready' ? 'Replace with a file…' : 'Upload a file directly to Mux…'}
            <input
              type="file"
              accept="video/*,.mxf"
              hidden
              disabled={!!progress}
              data-testid="mux-direct-upload"
              onChange={(event) => {
                const file = event.target.files?.[0]
                event.target.value = ''
                if (file) void sendFile(file)
              }}
            />
          </label>
          {progress ? (
            <div style={{ marginTop: 8 }}>
              <progress value={percent} max={100} style={{ width: '100%' }} />
              <span>
                {percent}% ({formatBytes(progress.sentBytes)} of {formatBytes(progress.totalBytes)})
              </span>{' '}
              <button
                type="button"
                className="btn btn--size-small"
                onClick={() => upload.current?.abort()}
              >
                Cancel
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      {notice ? <p className="video-mux-panel__notice">{notice}</p> : null}

      {view ? <TextTracks view={view} videoId={id} onChange={reload} /> : null}
    </div>
  )
}
