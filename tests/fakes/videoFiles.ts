import { Readable } from 'node:stream'

/**
 * The smallest file Payload accepts as video/mp4 (it sniffs the bytes and checks the ISO box
 * structure): an `ftyp` box and an `mdat` box holding `size` bytes. The fake Mux errors an
 * asset whose first 64 KB contain its error marker.
 */
const ftyp = () => {
  const box = Buffer.alloc(24)
  box.writeUInt32BE(24, 0)
  box.write('ftypisom', 4, 'latin1')
  box.writeUInt32BE(0x200, 12)
  box.write('isommp41', 16, 'latin1')
  return box
}

const mdatHeader = (size: number) => {
  if (size + 8 < 2 ** 32) {
    const header = Buffer.alloc(8)
    header.writeUInt32BE(size + 8, 0)
    header.write('mdat', 4, 'latin1')
    return header
  }
  const header = Buffer.alloc(16)
  header.writeUInt32BE(1, 0)
  header.write('mdat', 4, 'latin1')
  header.writeBigUInt64BE(BigInt(size + 16), 8)
  return header
}

export const mp4HeaderBytes = (mediaBytes: number) => 24 + mdatHeader(mediaBytes).length

/** The media bytes that make a `generatedMp4` exactly `totalBytes` long. */
export const mp4MediaBytesFor = (totalBytes: number): number => {
  const withShortHeader = totalBytes - 24 - 8
  const media = withShortHeader + 8 < 2 ** 32 ? withShortHeader : totalBytes - 24 - 16
  if (mp4HeaderBytes(media) + media !== totalBytes) {
    throw new Error(`No generated MP4 is exactly ${totalBytes} bytes long; pick another size.`)
  }
  return media
}

/** A small MP4 in memory. */
export const tinyMp4 = (mediaBytes = 4096, marker?: string): Buffer => {
  const media = Buffer.alloc(mediaBytes, 7)
  if (marker) media.write(marker, 0, 'latin1')
  return Buffer.concat([ftyp(), mdatHeader(mediaBytes), media])
}

/** An MP4 of any size as a stream from one reused buffer: nothing of it is held in memory. */
export const generatedMp4 = (mediaBytes: number, chunkBytes = 1024 * 1024): Readable => {
  const chunk = Buffer.alloc(chunkBytes, 7)
  let left = mediaBytes
  return Readable.from(
    (function* () {
      yield Buffer.concat([ftyp(), mdatHeader(mediaBytes)])
      while (left > 0) {
        const size = Math.min(left, chunkBytes)
        left -= size
        yield size === chunkBytes ? chunk : chunk.subarray(0, size)
      }
    })(),
    { objectMode: false },
  )
}
