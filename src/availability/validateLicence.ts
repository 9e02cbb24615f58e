import { parseInstantMs, toEndMs } from './instant'
import { AvailabilityInputError } from './errors'
import { allLicenceTypes, allVideoFormats, type Licence } from './types'

export interface LicenceProblem {
  field: string
  reason: string
}

const problemOf = (error: unknown, field: string): LicenceProblem =>
  error instanceof AvailabilityInputError
    ? { field: error.field, reason: error.reason }
    : { field, reason: String(error) }

/** Everything wrong with a licence the engine is about to index; empty when it is sound. */
export const validateLicence = (licence: Licence): LicenceProblem[] => {
  const problems: LicenceProblem[] = []
  if (licence.content.length === 0) {
    problems.push({ field: 'content', reason: 'the licence names no title' })
  }
  if (!allLicenceTypes.includes(licence.licenceType)) {
    problems.push({ field: 'licenceType', reason: 'a licence type is required' })
  }
  const unknownFormats = licence.formats.filter((format) => !allVideoFormats.includes(format))
  if (unknownFormats.length > 0) {
    problems.push({ field: 'formats', reason: `unknown formats: ${unknownFormats.join(', ')}` })
  }
  if (licence.windows.length === 0) {
    problems.push({ field: 'territories', reason: 'the licence covers no territory' })
  }
  for (const window of licence.windows) {
    const field = `windows.${window.territory}`
    try {
      if (toEndMs(window.end, field) <= parseInstantMs(window.start, field)) {
        problems.push({ field, reason: 'end must be after start' })
      }
    } catch (error) {
      problems.push(problemOf(error, field))
    }
  }
  return problems
}
