import http, { type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export interface ReceivedWebhook {
  rawBody: string
  headers: IncomingHttpHeaders
  status: number
}

export interface WebhookReceiver {
  url: string
  received: ReceivedWebhook[]
  close(): Promise<void>
}

/**
 * A bare HTTP endpoint standing in for the app's webhook route: it hands the RAW body and the
 * headers to `handle` and answers the status `handle` returns (500 if it throws).
 */
export const startWebhookReceiver = async (
  handle: (rawBody: string, headers: IncomingHttpHeaders) => Promise<number>,
): Promise<WebhookReceiver> => {
  const received: ReceivedWebhook[] = []
  const sockets = new Set<Socket>()
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const rawBody = Buffer.concat(chunks).toString('utf8')
    const status = await handle(rawBody, req.headers).catch(() => 500)
    received.push({ rawBody, headers: req.headers, status })
    res.writeHead(status, { 'content-type': 'text/plain' }).end(String(status))
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/mux/webhook`,
    received,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
