/**
 * What a file-type check reads of a media file without reading all of it: the head (type
 * sniffing) and the header of every top-level ISO base media box (MP4/MOV structure checks walk
 * from box to box by their sizes). Fed the file as it streams past, `MediaOutline` returns those
 * bytes with their positions, so a sparse copy holding only them answers such checks exactly as
 * the whole file would, while the file itself goes elsewhere.
 */

export interface OutlinePiece {
  position: number
  bytes: Buffer
}

/** Box headers are read 16 bytes at a time (8, plus a 64-bit size when the size field is 1). */
const boxHeaderBytes = 16
/** Checks give up long before this many boxes; so does the outline. */
const maxBoxes = 10_001

export class MediaOutline {
  private offset = 0
  private nextBoxAt: number | null = 0
  private header: Buffer[] = []
  private headerLength = 0
  private boxes = 0
  /** The last bytes before the current chunk. */
  private recent: Buffer = Buffer.alloc(0)

  constructor(private readonly headBytes = 1024 * 1024) {}

  /** Reads the box header collected at `nextBoxAt`, and where the box after it starts. */
  private closeHeader(): OutlinePiece {
    const position = this.nextBoxAt as number
    const bytes = Buffer.concat(this.header, this.headerLength)
    this.header = []
    this.headerLength = 0
    this.boxes += 1
    this.nextBoxAt = null
    if (bytes.length < 8 || this.boxes >= maxBoxes) return { position, bytes }
    const size32 = bytes.readUInt32BE(0)
    let boxSize: number
    if (size32 === 0) return { position, bytes } // the box runs to the end of the file
    if (size32 === 1) {
      if (bytes.length < 16) return { position, bytes }
      const size64 = bytes.readBigUInt64BE(8)
      if (size64 > BigInt(Number.MAX_SAFE_INTEGER) || size64 < 16n) return { position, bytes }
      boxSize = Number(size64)
    } else {
      if (size32 < 8) return { position, bytes }
      boxSize = size32
    }
    this.nextBoxAt = position + boxSize
    return { position, bytes }
  }

  /** The pieces of the next `chunk` of the file worth keeping. */
  take(chunk: Buffer): OutlinePiece[] {
    const start = this.offset
    const end = start + chunk.length
    this.offset = end
    const pieces: OutlinePiece[] = []
    if (start < this.headBytes) {
      pieces.push({
        position: start,
        bytes: Buffer.from(chunk.subarray(0, Math.min(chunk.length, this.headBytes - start))),
      })
    }
    // Boxes smaller than a header overlap it: the next header can start a few bytes back, in
    // the tail of the previous chunk (`recent`).
    const recentStart = start - this.recent.length
    while (this.nextBoxAt !== null && this.nextBoxAt + this.headerLength < end) {
      const from = this.nextBoxAt + this.headerLength
      const wanted = boxHeaderBytes - this.headerLength
      if (from < recentStart) {
        this.nextBoxAt = null // cannot happen with headers of 16 bytes; stop rather than guess
        break
      }
      const part =
        from < start
          ? this.recent.subarray(
              from - recentStart,
              Math.min(this.recent.length, from - recentStart + wanted),
            )
          : chunk.subarray(from - start, Math.min(chunk.length, from - start + wanted))
      this.header.push(Buffer.from(part))
      this.headerLength += part.length
      if (this.headerLength === boxHeaderBytes) pieces.push(this.closeHeader())
    }
    this.recent =
      chunk.length >= boxHeaderBytes
        ? Buffer.from(chunk.subarray(chunk.length - boxHeaderBytes))
        : Buffer.concat([this.recent, chunk]).subarray(-boxHeaderBytes)
    return pieces
  }

  /** What is left once the file ended: a box header cut short by the end of the file. */
  finish(): OutlinePiece[] {
    return this.headerLength ? [this.closeHeader()] : []
  }
}
