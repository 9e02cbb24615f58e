/** The environment variables a module reads: `process.env`, or a test's own set. */
export type Environment = Record<string, string | undefined>
