/** Whether a value is an http(s) URL: what Mux can fetch a source or a subtitle file from. */
export const isHttpUrl = (value: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol)
  } catch {
    return false
  }
}
