import { getPayload } from 'payload'

import config from '../../payload.config'
import { closePayload } from '../config/closeDatabase'
import { seedDemoCatalogIfEmpty } from './seedIfEmpty'

const log = (line: string) => console.log(line)

/** `npm run seed`: seeds the demo catalog into an empty database, or says why it did not. */
const run = async (): Promise<void> => {
  const payload = await getPayload({ config })
  try {
    const { seeded } = await seedDemoCatalogIfEmpty(payload, { log })
    if (!seeded) {
      log(
        'The database already has films or user accounts, so the demo catalog was not seeded ' +
          '(regions were checked). Point DATABASE_URL at an empty database to seed it.',
      )
    }
  } finally {
    await closePayload(payload)
  }
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('Seeding failed:', error)
    process.exit(1)
  },
)
