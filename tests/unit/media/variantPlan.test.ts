import { describe, expect, it } from 'vitest'

import {
  coverCrop,
  imagePurposes,
  planVariants,
  purposeShapes,
  variantFilename,
} from '../../../src/media/variantPlan'

const sizesOf = (plan: ReturnType<typeof planVariants>, format: 'webp' | 'avif') =>
  plan.filter((variant) => variant.format === format).map(({ width, height }) => [width, height])

describe('planVariants', () => {
  it('renders a poster at poster widths only, 2:3, never as a backdrop', () => {
    const plan = planVariants({ purpose: 'poster', width: 2000, height: 3000, avif: false })
    expect(sizesOf(plan, 'webp')).toEqual([
      [240, 360],
      [360, 540],
      [480, 720],
      [720, 1080],
    ])
    expect(plan.some((variant) => variant.width === 1920)).toBe(false)
    expect(sizesOf(plan, 'avif')).toEqual([])
  })

  it('adds AVIF beside WebP, first, when it can be encoded', () => {
    const plan = planVariants({ purpose: 'backdrop', width: 3840, height: 2160, avif: true })
    expect(sizesOf(plan, 'avif')).toEqual(sizesOf(plan, 'webp'))
    expect(sizesOf(plan, 'webp')).toEqual([
      [640, 360],
      [960, 540],
      [1280, 720],
      [1920, 1080],
    ])
    expect(plan[0].format).toBe('avif')
  })

  it('never enlarges: widths the source cannot fill (after cropping to the shape) are left out', () => {
    // 1000x1000 cropped to 16:9 is 1000x562: 640 and 960 fit, 1280 does not.
    const plan = planVariants({ purpose: 'still', width: 1000, height: 1000, avif: false })
    expect(sizesOf(plan, 'webp')).toEqual([
      [320, 180],
      [640, 360],
      [960, 540],
    ])
    // A wide source is limited by its height: 1200x400 as a poster is 266x400 at most.
    const wide = planVariants({ purpose: 'poster', width: 1200, height: 400, avif: false })
    expect(sizesOf(wide, 'webp')).toEqual([[240, 360]])
  })

  it('renders a source smaller than the smallest width once, as large as it allows', () => {
    const plan = planVariants({ purpose: 'poster', width: 100, height: 200, avif: true })
    expect(sizesOf(plan, 'webp')).toEqual([[100, 150]])
    expect(sizesOf(plan, 'avif')).toEqual([[100, 150]])
  })

  it("keeps a logo's own shape", () => {
    const plan = planVariants({ purpose: 'logo', width: 1600, height: 400, avif: false })
    expect(sizesOf(plan, 'webp')).toEqual([
      [200, 50],
      [400, 100],
      [800, 200],
    ])
  })

  it('plans nothing for an image without dimensions', () => {
    expect(planVariants({ purpose: 'poster', width: 0, height: 0, avif: true })).toEqual([])
  })

  it('gives every purpose ascending widths', () => {
    for (const purpose of imagePurposes) {
      const { widths } = purposeShapes[purpose]
      expect([...widths].sort((a, b) => a - b)).toEqual(widths)
    }
  })
})

describe('variantFilename', () => {
  it('names a rendition after the original, its size and format', () => {
    expect(variantFilename('key-art.webp', { width: 720, height: 1080, format: 'avif' })).toBe(
      'key-art-720x1080.avif',
    )
    expect(variantFilename('a.b.webp', { width: 240, height: 360, format: 'webp' })).toBe(
      'a.b-240x360.webp',
    )
  })
})

describe('coverCrop', () => {
  const source = { width: 2000, height: 1000 }
  const target = { width: 400, height: 600 }

  it('scales the source to cover the target and centres on the focal point', () => {
    const centred = coverCrop(source, target, { x: 50, y: 50 })
    expect(centred.scaled).toEqual({ width: 1200, height: 600 })
    expect(centred).toMatchObject({ left: 400, top: 0 })
  })

  it('keeps the crop inside the image at the edges', () => {
    expect(coverCrop(source, target, { x: 0, y: 50 })).toMatchObject({ left: 0 })
    expect(coverCrop(source, target, { x: 100, y: 50 })).toMatchObject({ left: 800 })
  })
})
