import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

/**
 * Runs `work` in one database transaction (where the adapter has them: PostgreSQL and MongoDB
 * replica sets; the SQLite adapter runs without), so a failed seed leaves nothing half-written.
 * The request is shared by every call: pass `locale` explicitly on each, since it sticks.
 */
export const inSeedingTransaction = async <T>(
  payload: Payload,
  work: (req: PayloadRequest) => Promise<T>,
): Promise<T> => {
  const req = await createLocalReq({}, payload)
  const ownsTransaction = await initTransaction(req)
  try {
    const result = await work(req)
    if (ownsTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (ownsTransaction) await killTransaction(req)
    throw error
  }
}

/** Joins the caller's seeding request when there is one, else opens a transaction of its own. */
export const withSeedingRequest = <T>(
  payload: Payload,
  req: PayloadRequest | undefined,
  work: (req: PayloadRequest) => Promise<T>,
): Promise<T> => (req ? work(req) : inSeedingTransaction(payload, work))
