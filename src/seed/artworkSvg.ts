export type PosterText = {
  title: string
  /** A line under the title, e.g. the release year. */
  caption: string
  /** The title's colour, `#rrggbb`. */
  color: string
}

export type Canvas = { width: number; height: number }

const fontFamily = 'DejaVu Sans, Arial, sans-serif'

// Bold capitals in DejaVu Sans run about 0.72 em wide.
const averageGlyphWidth = 0.72

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** Mixes `#rrggbb` towards black (amount < 0) or white (amount > 0). */
const shade = (hex: string, amount: number): string => {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16))
  const target = amount < 0 ? 0 : 255
  return `#${channels
    .map((value) => Math.round(value + (target - value) * Math.abs(amount)))
    .map((value) => value.toString(16).padStart(2, '0'))
    .join('')}`
}

/** Greedy word wrap by an average glyph width; SVG text does not wrap by itself. */
const wrap = (text: string, maxChars: number): string[] => {
  const lines: string[] = []
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1)
    if (last !== undefined && `${last} ${word}`.length <= maxChars) {
      lines[lines.length - 1] = `${last} ${word}`
    } else {
      lines.push(word)
    }
  }
  return lines
}

/** The largest font size (up to `maxSize`) at which the title fits in three lines. */
const fitTitle = (title: string, boxWidth: number, maxSize: number) => {
  let size = maxSize
  let lines = wrap(title.toUpperCase(), Math.floor(boxWidth / (size * averageGlyphWidth)))
  while (lines.length > 3 && size > 28) {
    size -= 4
    lines = wrap(title.toUpperCase(), Math.floor(boxWidth / (size * averageGlyphWidth)))
  }
  return { size, lines }
}

const centredText = (x: number, y: number, size: number, text: string, extra = ''): string =>
  `<text x="${x}" y="${y}" font-family="${fontFamily}" font-size="${size}" fill="#ffffff"` +
  ` text-anchor="middle" ${extra}>${escapeXml(text)}</text>`

const background = (color: string, { width, height }: Canvas, vertical: boolean): string =>
  [
    `<defs>`,
    `<linearGradient id="fade" x1="0" y1="0" x2="${vertical ? 0 : 1}" y2="1">`,
    `<stop offset="0" stop-color="${shade(color, 0.25)}"/>`,
    `<stop offset="0.55" stop-color="${color}"/>`,
    `<stop offset="1" stop-color="${shade(color, -0.85)}"/>`,
    `</linearGradient>`,
    `<radialGradient id="glow" cx="0.7" cy="0.3" r="0.6">`,
    `<stop offset="0" stop-color="#ffffff" stop-opacity="0.35"/>`,
    `<stop offset="1" stop-color="#ffffff" stop-opacity="0"/>`,
    `</radialGradient>`,
    `</defs>`,
    `<rect width="${width}" height="${height}" fill="url(#fade)"/>`,
    `<rect width="${width}" height="${height}" fill="url(#glow)"/>`,
    `<circle cx="${width * 0.72}" cy="${height * 0.3}" r="${Math.min(width, height) * 0.22}"`,
    ` fill="none" stroke="#ffffff" stroke-opacity="0.18" stroke-width="${Math.round(width / 160)}"/>`,
  ].join('')

const svg = ({ width, height }: Canvas, body: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"` +
  ` viewBox="0 0 ${width} ${height}">${body}</svg>`

/** A key-art poster: gradient in the title's colour, the title low and centred, the year. */
export const posterSvg = ({ title, caption, color }: PosterText, canvas: Canvas): string => {
  const { width, height } = canvas
  const centre = width / 2
  const { size, lines } = fitTitle(title, width * 0.84, Math.round(width / 9))
  const lineHeight = Math.round(size * 1.1)
  const captionSize = Math.round(Math.max(28, size * 0.4))
  const bottom = Math.round(height * 0.92)
  const firstBaseline = bottom - captionSize * 2 - lineHeight * (lines.length - 1)
  const titleLines = lines
    .map((line, index) =>
      centredText(centre, firstBaseline + index * lineHeight, size, line, 'font-weight="bold"'),
    )
    .join('')
  return svg(
    canvas,
    background(color, canvas, true) +
      centredText(
        centre,
        height * 0.07,
        Math.round(width / 34),
        'REELHOUSE',
        'fill-opacity="0.7" letter-spacing="8"',
      ) +
      titleLines +
      centredText(centre, bottom, captionSize, caption, 'fill-opacity="0.8" letter-spacing="6"'),
  )
}

/** A textless backdrop, as streaming backdrops are: apps lay the title over it. */
export const backdropSvg = (color: string, canvas: Canvas): string => {
  const { width, height } = canvas
  const horizon = Math.round(height * 0.68)
  return svg(
    canvas,
    background(color, canvas, false) +
      `<rect y="${horizon}" width="${width}" height="${height - horizon}" fill="#000000"` +
      ` fill-opacity="0.25"/>` +
      `<line x1="0" y1="${horizon}" x2="${width}" y2="${horizon}" stroke="#ffffff"` +
      ` stroke-opacity="0.25" stroke-width="3"/>` +
      `<circle cx="${width * 0.25}" cy="${height * 0.62}" r="${height * 0.12}" fill="#ffffff"` +
      ` fill-opacity="0.12"/>`,
  )
}
