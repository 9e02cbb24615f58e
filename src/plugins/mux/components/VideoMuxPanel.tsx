'use client'

import { Banner, Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useRef, useState } from 'react'

import { formatDecimal } from './useMuxMessages'
import { useMuxMessages } from './useMuxMessages'
import { StatusBadge } from './StatusBadge'
import { statusHelpIsProblem, statusHelpKey, steadyPreview, thumbnailUrlOf } from './statusView'
import { TextTracks } from './TextTracks'
import type { MuxStatusView } from './types'
import { errorMessage, MuxUploadError, uploadToMux, type UploadProgress } from './uploadToMux'
import { refreshMuxStatus, useMuxStatus } from './useMuxStatus'

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-m)',
  padding: 'var(--base)',
  marginBottom: 'calc(var(--base) * 1.5)',
}

const muted: React.CSSProperties = { color: 'var(--theme-elevation-500)' }

type Notice = { type: 'success' | 'error' | 'info'; text: string }

/**
 * The video's life at Mux, kept up to date while something is on its way: status with help
 * for what it waits for, errors with a retry, the thumbnail and a preview, the tracks, and an
 * upload button that sends a file of any size straight from the browser to Mux with progress.
 */
export const VideoMuxPanel: React.FC = () => {
  const { id, collectionSlug, data, setData } = useDocumentInfo()
  const {
    config: { routes, serverURL },
  } = useConfig()
  const { view, error: problem } = useMuxStatus(id)
  const { t, language } = useMuxMessages()
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [preview, setPreview] = useState<MuxStatusView['preview']>(null)
  const upload = useRef<AbortController | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const reload = () => id !== undefined && refreshMuxStatus(id)

  // Fresh tokens come with every poll; the <video> keeps its URLs until they are due.
  const nextPreview = view?.preview ?? null
  useEffect(() => setPreview((shown) => steadyPreview(shown, nextPreview)), [nextPreview])

  const thumbnail =
    id !== undefined && collectionSlug
      ? thumbnailUrlOf(`${serverURL ?? ''}${routes.api}`, collectionSlug, id, preview)
      : null
  // The upload box above shows the document's thumbnailURL, as old as the page: a video that
  // became ready since gets its Mux thumbnail there too.
  useEffect(() => {
    if (thumbnail && data && data.thumbnailURL !== thumbnail) {
      setData({ ...data, thumbnailURL: thumbnail })
    }
  }, [thumbnail, data, setData])

  const formatBytes = (bytes: number) =>
    bytes >= 1024 ** 3
      ? `${formatDecimal(Math.round((bytes / 1024 ** 3) * 100) / 100, language)} GB`
      : `${formatDecimal(Math.round((bytes / 1024 ** 2) * 10) / 10, language)} MB`

  const retry = async () => {
    setNotice(null)
    const response = await fetch(`/api/videos/${id}/mux-retry`, {
      method: 'POST',
      credentials: 'include',
    })
    setNotice(
      response.ok
        ? { type: 'info', text: t('videoRetrying') }
        : { type: 'error', text: t('videoRetryFailed', { reason: await errorMessage(response) }) },
    )
    reload()
  }

  const uploadFailure = (error: unknown): string => {
    if (error instanceof DOMException && error.name === 'AbortError') {
      return t('videoUploadCancelled')
    }
    const reason =
      error instanceof MuxUploadError
        ? error.reason === 'connection'
          ? t('videoUploadConnectionFailed')
          : t('videoUploadRefused', { status: error.status ?? '?' })
        : error instanceof Error
          ? error.message
          : String(error)
    return t('videoUploadFailed', { reason })
  }

  const sendFile = async (file: File) => {
    if (!id) return
    setNotice(null)
    upload.current = new AbortController()
    setProgress({ sentBytes: 0, totalBytes: file.size })
    try {
      await uploadToMux(id, file, { onProgress: setProgress, signal: upload.current.signal })
      setNotice({ type: 'success', text: t('videoUploadArrived', { name: file.name }) })
    } catch (error) {
      setNotice({ type: 'error', text: uploadFailure(error) })
    } finally {
      upload.current = null
      setProgress(null)
      reload()
    }
  }

  if (!id) {
    return (
      <div style={box} className="video-mux-panel">
        <p style={{ margin: 0 }}>{t('videoHelpUnsaved')}</p>
      </div>
    )
  }

  const percent = progress?.totalBytes
    ? Math.round((progress.sentBytes / progress.totalBytes) * 100)
    : 0
  const errorMessages = view?.error?.messages ?? []
  const help = statusHelpKey(view)
  // What the server adds when a push is retried or refused: Mux's own reason.
  const pushDetail =
    view?.ingest?.state === 'retrying' || view?.ingest?.state === 'failed' ? view.message : null

  return (
    <div style={box} className="video-mux-panel" data-status={view?.status ?? 'loading'}>
      <div
        style={{
          display: 'flex',
          gap: 'calc(var(--base) / 2)',
          alignItems: 'center',
          flexWrap: 'wrap',
          marginBottom: 'calc(var(--base) / 2)',
        }}
      >
        <strong>{t('videoPanelTitle')}</strong>
        <StatusBadge status={view?.status} />
        {view?.duration ? (
          <span>
            {t('videoDurationSeconds', {
              seconds: formatDecimal(Math.round(view.duration), language),
            })}
          </span>
        ) : null}
        {view?.maxResolution ? <span>{view.maxResolution}</span> : null}
        {view?.aspectRatio ? <span>{view.aspectRatio}</span> : null}
        {view ? (
          <span style={muted}>
            {t(view.playbackPolicy === 'signed' ? 'videoPolicySigned' : 'videoPolicyPublic')}
          </span>
        ) : null}
      </div>
      {problem ? (
        <Banner type="error">{t('videoStatusLoadFailed', { reason: problem })}</Banner>
      ) : null}
      {help ? (
        <div className="video-mux-panel__message" data-help={help}>
          <Banner type={statusHelpIsProblem(help) ? 'error' : 'info'}>
            {t(help)}
            {pushDetail ? <span style={{ display: 'block' }}>{pushDetail}</span> : null}
          </Banner>
        </div>
      ) : null}
      {view?.ingest?.bytes ? (
        <p>{t('videoWaitingFile', { size: formatBytes(view.ingest.bytes) })}</p>
      ) : null}
      {errorMessages.length ? (
        <div role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {errorMessages.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
      {view?.replacement ? (
        <p style={{ display: 'flex', gap: 'calc(var(--base) / 2)', alignItems: 'center' }}>
          {t('videoReplacementLabel')}: <StatusBadge status={view.replacement.status} />
        </p>
      ) : null}
      {view?.canEdit && (view.status === 'errored' || view.ingest) ? (
        <Button buttonStyle="secondary" margin={false} size="small" onClick={() => void retry()}>
          {t('videoRetry')}
        </Button>
      ) : null}

      {preview ? (
        <div
          style={{
            display: 'flex',
            gap: 'var(--base)',
            flexWrap: 'wrap',
            alignItems: 'flex-start',
            margin: 'calc(var(--base) * 0.75) 0',
          }}
        >
          {thumbnail ? (
            <img
              className="video-mux-panel__thumbnail"
              src={thumbnail}
              alt={t('videoThumbnailAlt')}
              width={160}
              style={{
                width: 160,
                aspectRatio: '16 / 9',
                objectFit: 'cover',
                borderRadius: 'var(--style-radius-s)',
                background: 'var(--theme-elevation-100)',
                // No broken-image text while Mux has not made the thumbnail (or is unreachable).
                color: 'transparent',
                overflow: 'hidden',
              }}
            />
          ) : null}
          <figure style={{ margin: 0, flex: '1 1 320px', maxWidth: 640 }}>
            {/* Safari (and browsers with native HLS) play this directly; others show the poster. */}
            <video
              controls
              playsInline
              preload="none"
              poster={thumbnail ?? preview.thumbnail}
              src={preview.hls}
              style={{ width: '100%', maxWidth: 640, background: '#000' }}
            />
            <figcaption style={{ ...muted, fontSize: 12 }}>
              {t('videoPreviewCaption')} (
              {t(preview.policy === 'signed' ? 'videoPolicySigned' : 'videoPolicyPublic')}){' · '}
              <a href={preview.hls} target="_blank" rel="noreferrer">
                {t('videoHlsStream')}
              </a>
            </figcaption>
          </figure>
        </div>
      ) : null}

      {view?.canEdit && view.configured ? (
        <div style={{ margin: 'calc(var(--base) * 0.75) 0' }}>
          <Button
            buttonStyle="primary"
            className="video-mux-panel__upload"
            disabled={!!progress}
            margin={false}
            size="small"
            onClick={() => fileInput.current?.click()}
          >
            {t(view.status === 'ready' ? 'videoReplaceWithFile' : 'videoUploadDirect')}
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept="video/*,.mxf"
            aria-hidden="true"
            hidden
            disabled={!!progress}
            data-testid="mux-direct-upload"
            onChange={(event) => {
              const file = event.target.files?.[0]
              event.target.value = ''
              if (file) void sendFile(file)
            }}
          />
          {progress ? (
            <div
              style={{
                display: 'flex',
                gap: 'calc(var(--base) / 2)',
                alignItems: 'center',
                marginTop: 'calc(var(--base) / 2)',
              }}
            >
              <div
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                style={{
                  flex: 1,
                  height: 8,
                  borderRadius: 4,
                  background: 'var(--theme-elevation-100)',
                  overflow: 'hidden',
                }}
              >
                <div
                  style={{
                    width: `${percent}%`,
                    height: '100%',
                    background: 'var(--theme-success-500)',
                  }}
                />
              </div>
              <span>
                {t('videoUploadProgress', {
                  percent,
                  sent: formatBytes(progress.sentBytes),
                  total: formatBytes(progress.totalBytes),
                })}
              </span>
              <Button
                buttonStyle="secondary"
                margin={false}
                size="small"
                onClick={() => upload.current?.abort()}
              >
                {t('videoUploadCancel')}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
      {notice ? (
        <div className="video-mux-panel__notice">
          <Banner type={notice.type}>{notice.text}</Banner>
        </div>
      ) : null}

      {view ? <TextTracks view={view} videoId={id} onChange={reload} /> : null}
    </div>
  )
}
