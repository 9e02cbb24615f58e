/**
 * Everything the app keeps on `req.context`, declared once. A request's context is shared by
 * every document saved in it (Payload merges the `context` of each Local API call into the
 * request's), so nothing here may describe one document: per-document markers travel on an
 * isolated request (see `bookkeepingRequest` in src/rights/conflicts.ts).
 */
declare module 'payload' {
  interface RequestContext {
    /** Local API callers (staff previews, tests) name the viewer's territory directly. */
    viewerTerritory?: string
    /** The instant a public read is answered for (ISO 8601), instead of now. */
    availabilityAt?: string
    /**
     * This write only records conflicts and warnings on the licence with this id: its rights
     * did not change. Set only on a request made for that one write.
     */
    licenceBookkeepingFor?: string
    /**
     * Licence saves in this request leave availability rows and conflicts to the caller, which
     * refreshes every title it touched once after all its writes (the avails apply: see
     * `deferredRefreshRequest` in src/rights/conflicts.ts). Set only on a request made for those
     * writes.
     */
    licenceRefreshDeferred?: boolean
    /**
     * This request lists coming-soon titles (src/rails): title reads in it carry the trailer's
     * playback only (never the main video's), and only for titles announced to the viewer.
     */
    comingSoonPlayback?: boolean
  }
}

export {}
