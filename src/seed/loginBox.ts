import type { Credentials } from './users'

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

/** A framed block of lines that stands out in a terminal or a log. */
const framed = (lines: readonly string[]): string[] => {
  const width = Math.max(...lines.map((line) => line.length))
  return [
    `┌${'─'.repeat(width + 4)}┐`,
    ...lines.map((line) => `│  ${line.padEnd(width)}  │`),
    `└${'─'.repeat(width + 4)}┘`,
  ]
}

export type LoginBoxContent = {
  durationMs: number
  summary: string
  adminUrl: string
  credentials: readonly Credentials[]
}

export const loginBox = ({ durationMs, summary, adminUrl, credentials }: LoginBoxContent) => {
  const emailWidth = Math.max(0, ...credentials.map(({ email }) => email.length))
  const logins =
    credentials.length > 0
      ? credentials.map(({ email, password }) => `  ${email.padEnd(emailWidth)}   ${password}`)
      : ['  (the demo accounts already existed: use your own password)']
  return framed([
    `Reelhouse demo catalog seeded in ${seconds(durationMs)}`,
    summary,
    '',
    `Log in at ${adminUrl} with:`,
    ...logins,
  ])
}
