import pino from 'pino'

export const logger = pino({
  name: 'reelhouse',
  level: process.env.LOG_LEVEL ?? 'info',
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
})

export type Logger = typeof logger
