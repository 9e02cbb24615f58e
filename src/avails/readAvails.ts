import { readCsv, readXlsx } from './readSpreadsheet'
import { readXml } from './readXml'
import { AvailsFileError, type ParsedAvails } from './rows'

const zipMagic = [0x50, 0x4b, 0x03, 0x04]

const startsWith = (data: Uint8Array, bytes: number[]) =>
  bytes.every((byte, index) => data[index] === byte)

const firstText = (data: Uint8Array) =>
  Buffer.from(data.subarray(0, 512))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()

/**
 * Reads an EMA Avails file, whatever its form: an XLSX workbook (a zip), XML, or CSV with the
 * spreadsheet's columns. The content decides, not the name; a name that says otherwise is refused.
 */
export const readAvails = async (data: Uint8Array, fileName = ''): Promise<ParsedAvails> => {
  if (data.length === 0) throw new AvailsFileError('the file is empty')
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  const isZip = startsWith(data, zipMagic)
  const isXml = !isZip && firstText(data).startsWith('<')
  const detected = isZip ? 'xlsx' : isXml ? 'xml' : 'csv'
  if (extension && !['xlsx', 'xml', 'csv', 'txt'].includes(extension)) {
    throw new AvailsFileError(
      `.${extension} files are not EMA Avails: upload an XLSX workbook, a CSV file or XML`,
    )
  }
  if (extension && extension !== 'txt' && extension !== detected) {
    throw new AvailsFileError(
      `the file is named .${extension} but its content is ${detected.toUpperCase()}`,
    )
  }
  if (!isZip && !isXml && data.includes(0)) {
    throw new AvailsFileError('binary content: upload an XLSX workbook, a CSV file or XML')
  }
  const parsed = isZip ? await readXlsx(data) : isXml ? readXml(data) : readCsv(data)
  if (parsed.rows.length === 0)
    throw new AvailsFileError('the file has a header but no avails rows')
  return parsed
}
