import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { MediaOutline } from '../../../src/video'

// The outline must hold, at their positions, every byte a check that walks top-level ISO base
// media boxes (as Payload's upload validation does) and sniffs the head would read. The walk
// below is the reference: it records what it reads from the real file.

const walkReads = (file: Buffer): Array<{ position: number; length: number }> => {
  const reads: Array<{ position: number; length: number }> = []
  let position = 0
  for (let boxes = 0; position < file.length && boxes < 10_000; boxes += 1) {
    if (file.length - position < 8) break
    const length = Math.min(16, file.length - position)
    reads.push({ position, length })
    const size32 = file.readUInt32BE(position)
    let size: number
    if (size32 === 0) break
    if (size32 === 1) {
      if (length < 16) break
      const size64 = file.readBigUInt64BE(position + 8)
      if (size64 > BigInt(Number.MAX_SAFE_INTEGER)) break
      size = Number(size64)
      if (size < 16) break
    } else {
      size = size32
      if (size < 8) break
    }
    position += size
  }
  return reads
}

/** The sparse copy: zeros except where the outline put bytes. */
const outlineOf = (file: Buffer, pieceSizes: number[], headBytes: number): Buffer => {
  const copy = Buffer.alloc(file.length)
  const outline = new MediaOutline(headBytes)
  let at = 0
  let turn = 0
  while (at < file.length) {
    const size = pieceSizes[turn++ % pieceSizes.length]
    for (const piece of outline.take(file.subarray(at, at + size)))
      piece.bytes.copy(copy, piece.position)
    at += size
  }
  for (const piece of outline.finish()) piece.bytes.copy(copy, piece.position)
  return copy
}

const box = (type: string, body: Buffer, sizeField?: 'zero' | 'large' | number) => {
  if (sizeField === 'large') {
    const header = Buffer.alloc(16)
    header.writeUInt32BE(1, 0)
    header.write(type, 4, 'latin1')
    header.writeBigUInt64BE(BigInt(16 + body.length), 8)
    return Buffer.concat([header, body])
  }
  const header = Buffer.alloc(8)
  header.writeUInt32BE(
    sizeField === 'zero' ? 0 : typeof sizeField === 'number' ? sizeField : 8 + body.length,
    0,
  )
  header.write(type, 4, 'latin1')
  return Buffer.concat([header, body])
}

const boxArbitrary = fc.record({
  type: fc.constantFrom('ftyp', 'moov', 'mdat', 'free', 'moof', 'wide'),
  bodyLength: fc.integer({ min: 0, max: 3000 }),
  fill: fc.integer({ min: 0, max: 255 }),
  sizeField: fc.oneof(
    fc.constant(undefined),
    fc.constant<'large'>('large'),
    fc.constant<'zero'>('zero'),
    fc.integer({ min: 0, max: 5000 }), // often a lie: too small, or past the end
  ),
})

describe('MediaOutline', () => {
  it('keeps every byte the box walk and the head sniffing read, however the file is split', () => {
    fc.assert(
      fc.property(
        fc.array(boxArbitrary, { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 64 }),
        fc.integer({ min: 0, max: 6 }),
        (boxes, pieceSizes, headBytes, trailing) => {
          const file = Buffer.concat([
            ...boxes.map((spec) =>
              box(spec.type, Buffer.alloc(spec.bodyLength, spec.fill), spec.sizeField),
            ),
            Buffer.alloc(trailing, 0xab),
          ])
          const copy = outlineOf(file, pieceSizes, headBytes)
          for (const { position, length } of walkReads(file)) {
            expect(copy.subarray(position, position + length)).toEqual(
              file.subarray(position, position + length),
            )
          }
          const head = Math.min(headBytes, file.length)
          expect(copy.subarray(0, head)).toEqual(file.subarray(0, head))
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('keeps a small outline of a large file: head plus 16 bytes per top-level box', () => {
    const mdat = box('mdat', Buffer.alloc(5 * 1024 * 1024, 7))
    const file = Buffer.concat([
      box('ftyp', Buffer.from('isomisom')),
      mdat,
      box('moov', Buffer.alloc(40)),
    ])
    const outline = new MediaOutline(4096)
    let kept = 0
    for (let at = 0; at < file.length; at += 65_536) {
      for (const piece of outline.take(file.subarray(at, at + 65_536))) kept += piece.bytes.length
    }
    for (const piece of outline.finish()) kept += piece.bytes.length
    expect(kept).toBeLessThanOrEqual(4096 + 3 * 16)
  })
})
