import fs from 'node:fs'
import os from 'node:os'

/** Clock ticks per second of /proc's CPU times (USER_HZ; 100 on Linux x86). */
const ticksPerSecond = 100

type MachineTimes = { busy: number; total: number }

const machineTimes = (): MachineTimes | null => {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]
    const values = line.trim().split(/\s+/).slice(1).map(Number)
    const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0)
    const idle = values[3] + values[4]
    return { busy: total - idle, total }
  } catch {
    return null
  }
}

/** user + system CPU time of a process, in ticks; null when it is gone or /proc is missing. */
const processTicks = (pid: number): number | null => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[11]) + Number(fields[12])
  } catch {
    return null
  }
}

/** Postgres backends serving one database: their process titles name it. */
const postgresBackends = (database: string): number[] => {
  try {
    return fs
      .readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number)
      .filter((pid) => {
        try {
          const title = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')
          return title.startsWith('postgres:') && title.includes(` ${database} `)
        } catch {
          return false
        }
      })
  } catch {
    return []
  }
}

export type CpuUsage = {
  /** CPU seconds the server process used during the run. */
  serverSeconds: number
  /** CPU seconds the database's Postgres backends used (0 for SQLite, which runs in the server). */
  databaseSeconds: number
  /** Average busy cores of the whole machine during the run (everything: us and everyone else). */
  machineBusyCores: number
  /** Busy cores not accounted for by the server and the database (the load generator, others). */
  otherBusyCores: number
}

/** Starts measuring; the returned function ends the measurement. */
export const startCpuMeter = ({
  serverPid,
  postgresDatabase,
}: {
  serverPid: number
  postgresDatabase?: string
}): (() => CpuUsage) => {
  const started = performance.now()
  const machineStart = machineTimes()
  const serverStart = processTicks(serverPid) ?? 0
  const databaseStart = new Map(
    (postgresDatabase ? postgresBackends(postgresDatabase) : []).map((pid) => [
      pid,
      processTicks(pid) ?? 0,
    ]),
  )
  return () => {
    const seconds = (performance.now() - started) / 1000
    const machineEnd = machineTimes()
    const serverSeconds = ((processTicks(serverPid) ?? serverStart) - serverStart) / ticksPerSecond
    let databaseTicks = 0
    for (const pid of postgresDatabase ? postgresBackends(postgresDatabase) : []) {
      databaseTicks += (processTicks(pid) ?? 0) - (databaseStart.get(pid) ?? 0)
    }
    const databaseSeconds = databaseTicks / ticksPerSecond
    const cores = os.availableParallelism()
    const machineBusyCores =
      machineStart && machineEnd && machineEnd.total > machineStart.total
        ? ((machineEnd.busy - machineStart.busy) / (machineEnd.total - machineStart.total)) * cores
        : Number.NaN
    return {
      serverSeconds,
      databaseSeconds,
      machineBusyCores,
      otherBusyCores: machineBusyCores - (serverSeconds + databaseSeconds) / seconds,
    }
  }
}

/** Busy cores of the whole machine over `ms`. */
export const machineBusyCores = async (ms = 1000): Promise<number> => {
  const start = machineTimes()
  await new Promise((resolve) => setTimeout(resolve, ms))
  const end = machineTimes()
  if (!start || !end || end.total <= start.total) return Number.NaN
  return ((end.busy - start.busy) / (end.total - start.total)) * os.availableParallelism()
}

/**
 * Other engineers' test runs share this machine. Before a measured run (our server idle), wait
 * up to `maxSeconds` for the machine to have less than `threshold` busy cores.
 */
export const waitForQuietMachine = async ({
  maxSeconds,
  threshold,
}: {
  maxSeconds: number
  threshold: number
}): Promise<{ waitedSeconds: number; busyCores: number }> => {
  const started = performance.now()
  let busy = await machineBusyCores()
  while (busy > threshold && (performance.now() - started) / 1000 < maxSeconds) {
    await new Promise((resolve) => setTimeout(resolve, 4000))
    busy = await machineBusyCores()
  }
  return { waitedSeconds: (performance.now() - started) / 1000, busyCores: busy }
}
