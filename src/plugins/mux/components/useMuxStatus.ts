'use client'

import { useEffect, useState } from 'react'

import type { MuxStatusView } from './types'

// One poll per video however many components show its status (the panel, the sidebar badge):
// every 2 s while something is on its way at Mux, every 15 s once it has settled.

type Entry = {
  view: MuxStatusView | null
  /** Why the last poll failed (an HTTP status or the network error), for the user's message. */
  error: string | null
  listeners: Set<() => void>
  timer?: ReturnType<typeof setTimeout>
}

const entries = new Map<string, Entry>()

const settled = (view: MuxStatusView | null) =>
  !!view &&
  !view.ingest &&
  (view.status === 'ready' || view.status === 'errored') &&
  (!view.replacement || view.replacement.status === 'errored')

const poll = async (id: string) => {
  const entry = entries.get(id)
  if (!entry) return
  clearTimeout(entry.timer)
  try {
    const response = await fetch(`/api/videos/${id}/mux-status`, { credentials: 'include' })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    entry.view = (await response.json()) as MuxStatusView
    entry.error = null
  } catch (error) {
    entry.error = error instanceof Error ? error.message : String(error)
  }
  if (!entries.has(id)) return
  entry.listeners.forEach((listener) => listener())
  entry.timer = setTimeout(() => void poll(id), settled(entry.view) ? 15_000 : 2_000)
}

/** Fetches the status again now (after the editor did something). */
export const refreshMuxStatus = (id: string | number) => void poll(String(id))

export const useMuxStatus = (id: string | number | undefined) => {
  const [, rerender] = useState(0)
  const key = id === undefined ? null : String(id)
  useEffect(() => {
    if (!key) return
    let entry = entries.get(key)
    const listener = () => rerender((count) => count + 1)
    if (!entry) {
      entry = { view: null, error: null, listeners: new Set() }
      entries.set(key, entry)
      entry.listeners.add(listener)
      void poll(key)
    } else {
      entry.listeners.add(listener)
    }
    return () => {
      const current = entries.get(key)
      current?.listeners.delete(listener)
      if (current && current.listeners.size === 0) {
        clearTimeout(current.timer)
        entries.delete(key)
      }
    }
  }, [key])
  const entry = key ? entries.get(key) : undefined
  return { view: entry?.view ?? null, error: entry?.error ?? null }
}
