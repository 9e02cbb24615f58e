// The admin's direct uploader: asks the server for a Mux upload URL, then sends the file
// straight from the browser in chunks (Content-Range, answered 308 until the last), so a file
// of any size never passes through our server, and a dropped chunk is sent again.

/** A multiple of 256 KiB, as resumable upload URLs require. */
const chunkBytes = 32 * 1024 * 1024
const attemptsPerChunk = 5

/** Mux could not be reached, or answered with a status the upload cannot go on after. */
export class MuxUploadError extends Error {
  constructor(
    readonly reason: 'connection' | 'status',
    readonly status: number | null = null,
  ) {
    super(reason === 'connection' ? 'The connection to Mux failed.' : `Mux answered ${status}.`)
    this.name = 'MuxUploadError'
  }
}

export interface UploadProgress {
  sentBytes: number
  totalBytes: number
}

export const errorMessage = async (response: Response) => {
  try {
    // Payload's error shape, which the plugin's endpoints answer too.
    const body = (await response.json()) as { errors?: { message?: string }[] }
    return body.errors?.[0]?.message ?? response.statusText
  } catch {
    return response.statusText
  }
}

const putChunk = (
  url: string,
  file: File,
  start: number,
  onProgress: (loaded: number) => void,
  signal?: AbortSignal,
) =>
  new Promise<{ status: number; received: number | null }>((resolve, reject) => {
    const end = Math.min(start + chunkBytes, file.size)
    const xhr = new XMLHttpRequest()
    xhr.open('PUT', url)
    if (file.size > 0)
      xhr.setRequestHeader('Content-Range', `bytes ${start}-${end - 1}/${file.size}`)
    xhr.upload.onprogress = (event) => onProgress(event.loaded)
    xhr.onload = () => {
      // A 308 may say how much arrived (`Range: bytes=0-N`); resume from there.
      const range = /bytes=0-(\d+)/.exec(xhr.getResponseHeader('Range') ?? '')
      resolve({ status: xhr.status, received: range ? Number(range[1]) + 1 : null })
    }
    xhr.onerror = () => reject(new MuxUploadError('connection'))
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'))
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(file.slice(start, end))
  })

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export const uploadToMux = async (
  videoId: string | number,
  file: File,
  { onProgress, signal }: { onProgress: (progress: UploadProgress) => void; signal?: AbortSignal },
): Promise<void> => {
  const response = await fetch(`/api/videos/${videoId}/direct-upload`, {
    method: 'POST',
    credentials: 'include',
  })
  if (!response.ok) throw new Error(await errorMessage(response))
  const { url } = (await response.json()) as { url: string }
  let start = 0
  do {
    let status = 0
    let received: number | null = null
    for (let attempt = 1; ; attempt += 1) {
      try {
        ;({ status, received } = await putChunk(
          url,
          file,
          start,
          (loaded) => onProgress({ sentBytes: start + loaded, totalBytes: file.size }),
          signal,
        ))
        if (status < 500 && status !== 429) break
      } catch (error) {
        if (signal?.aborted || attempt >= attemptsPerChunk) throw error
      }
      if (attempt >= attemptsPerChunk) throw new MuxUploadError('status', status)
      await pause(500 * 2 ** attempt)
    }
    if (status !== 308 && (status < 200 || status >= 300)) {
      throw new MuxUploadError('status', status)
    }
    start = status === 308 && received !== null ? received : Math.min(start + chunkBytes, file.size)
    onProgress({ sentBytes: start, totalBytes: file.size })
  } while (start < file.size)
}
