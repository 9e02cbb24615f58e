declare module 'on-headers' {
  import type { ServerResponse } from 'node:http'

  /** Calls `listener` (with the response as `this`) right before the headers are written. */
  function onHeaders<T extends ServerResponse>(res: T, listener: (this: T) => void): void
  export default onHeaders
}
