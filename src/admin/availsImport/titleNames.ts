'use client'

import { useEffect, useState } from 'react'

export type TitleName = { title: string; published: boolean }

const titleCollections = ['films', 'series', 'seasons', 'episodes'] as const

type TitleDoc = { id: number | string; title?: string | null; _status?: string | null }

/**
 * Names of the titles behind content keys (`films/12`), read through the REST API in the
 * user's locale (drafts included). Keys of titles an import would create (`new:1`) are left to
 * the caller.
 */
export const useTitleNames = (keys: readonly string[], locale: string): Map<string, TitleName> => {
  const [names, setNames] = useState<Map<string, TitleName>>(new Map())
  const wanted = [...new Set(keys.filter((key) => !key.startsWith('new:')))].sort().join(',')
  useEffect(() => {
    if (!wanted) return
    const controller = new AbortController()
    const byCollection = new Map<string, string[]>()
    for (const key of wanted.split(',')) {
      const [collection, id] = key.split('/')
      if (!collection || !id || !(titleCollections as readonly string[]).includes(collection))
        continue
      byCollection.set(collection, [...(byCollection.get(collection) ?? []), id])
    }
    void Promise.all(
      [...byCollection].map(async ([collection, ids]) => {
        const query = new URLSearchParams({
          'where[id][in]': ids.join(','),
          depth: '0',
          draft: 'true',
          pagination: 'false',
          locale,
          'select[title]': 'true',
          'select[_status]': 'true',
        })
        const response = await fetch(`/api/${collection}?${query}`, {
          credentials: 'include',
          signal: controller.signal,
        })
        if (!response.ok) return []
        const { docs } = (await response.json()) as { docs: TitleDoc[] }
        return docs.map((doc): [string, TitleName] => [
          `${collection}/${doc.id}`,
          { title: doc.title ?? `${collection}/${doc.id}`, published: doc._status === 'published' },
        ])
      }),
    )
      .then((found) => setNames(new Map(found.flat())))
      .catch(() => {})
    return () => controller.abort()
  }, [wanted, locale])
  return names
}

/** Where a title is edited in the admin. */
export const titleHref = (key: string) => `/admin/collections/${key}`
