import crypto from 'node:crypto'

const alphanumerics = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'

const digestOf = (purpose: string, key: string): Buffer =>
  crypto.createHash('sha256').update(`${purpose}:${key}`).digest()

/** ISO 7064 MOD 37,36, the check character EIDR appends to a suffix (dashes removed). */
const eidrCheckCharacter = (suffix: string): string => {
  const modulus = 36
  let product = modulus
  for (const char of suffix.replace(/-/g, '').toUpperCase()) {
    const sum = (product + alphanumerics.indexOf(char)) % modulus
    product = ((sum === 0 ? modulus : sum) * 2) % (modulus + 1)
  }
  return alphanumerics[(modulus + 1 - product) % modulus]
}

/** A stable, made-up EIDR content ID for a seed key: 10.5240/XXXX-XXXX-XXXX-XXXX-XXXX-C. */
export const eidrFor = (key: string): string => {
  const hex = digestOf('eidr', key).toString('hex').slice(0, 20).toUpperCase()
  const suffix = hex.match(/.{4}/g)?.join('-') ?? hex
  return `10.5240/${suffix}-${eidrCheckCharacter(suffix)}`
}

/** A stable, made-up IMDb-style title ID for a seed key: tt + 7 digits. */
export const imdbIdFor = (key: string): string =>
  `tt${(digestOf('imdb', key).readUInt32BE(0) % 9_000_000) + 1_000_000}`
