import net from 'node:net'

/**
 * A TCP relay in front of a database, so a test can make the database unreachable
 * (close the relay and every connection through it) and bring it back.
 */
export const startTcpProxy = async (target: { host: string; port: number }) => {
  const sockets = new Set<net.Socket>()
  let accepting = true
  const server = net.createServer((client) => {
    if (!accepting) {
      client.destroy()
      return
    }
    const upstream = net.connect(target.port, target.host)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address !== 'object') throw new Error('proxy has no port')
  return {
    port: address.port,
    cut: () => {
      accepting = false
      for (const socket of sockets) socket.destroy()
    },
    restore: () => {
      accepting = true
    },
    close: async () => {
      accepting = false
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
