/** Bad input from staff or an import: names the field and says what to change. */
export class AvailabilityInputError extends Error {
  readonly field: string
  readonly reason: string

  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`)
    this.name = 'AvailabilityInputError'
    this.field = field
    this.reason = reason
  }
}
