/**
 * Emptied slabs, shared by every upload of the process so that one upload after another reuses
 * the same memory instead of leaving the last one's slabs (old-generation objects) for a full
 * garbage collection: at most four.
 */
const idleSlabs: Buffer[] = []
const maxIdleSlabs = 4

const takeSlab = (bytes: number): Buffer => {
  const index = idleSlabs.findIndex((slab) => slab.length === bytes)
  return index >= 0 ? idleSlabs.splice(index, 1)[0] : Buffer.allocUnsafeSlow(bytes)
}

const giveBackSlab = (slab: Buffer) => {
  if (idleSlabs.length === maxIdleSlabs) idleSlabs.shift()
  idleSlabs.push(slab)
}

/**
 * The bytes not confirmed yet, copied into chunk-sized slabs. Holding the socket's own 64 KiB
 * buffers for a chunk or two instead would age them into the old generation, where only full
 * garbage collections free them: in a server with a large heap those collections cost more
 * than the copy.
 */
export class SlabQueue {
  private slabs: Array<{ buffer: Buffer; filled: number }> = []
  /** Bytes of the first slab already dropped. */
  private head = 0

  constructor(private readonly slabBytes: number) {}

  append(chunk: Buffer) {
    let at = 0
    while (at < chunk.length) {
      let slab = this.slabs.at(-1)
      if (!slab || slab.filled === this.slabBytes) {
        slab = { buffer: takeSlab(this.slabBytes), filled: 0 }
        this.slabs.push(slab)
      }
      const copied = chunk.copy(slab.buffer, slab.filled, at)
      slab.filled += copied
      at += copied
    }
  }

  /** Bytes `from` to `to` (counted from the first byte held), as views. */
  views(from: number, to: number): Buffer[] {
    const taken: Buffer[] = []
    let at = -this.head
    for (const { buffer, filled } of this.slabs) {
      const end = at + filled
      if (end > from && at < to) {
        taken.push(buffer.subarray(Math.max(0, from - at), Math.min(filled, to - at)))
      }
      at = end
      if (at >= to) break
    }
    return taken
  }

  /** Lets go of the first `bytes`; emptied slabs (the last too, once all of it) go back. */
  drop(bytes: number) {
    this.head += bytes
    // Every slab held has at least one byte: `append` fills what it takes.
    while (this.slabs.length && this.head >= this.slabs[0].filled) {
      const first = this.slabs.shift() as { buffer: Buffer; filled: number }
      this.head -= first.filled
      giveBackSlab(first.buffer)
    }
  }
}
